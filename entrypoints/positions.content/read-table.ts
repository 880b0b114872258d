/**
 * Table-shaped position lists: real <table>s (OKX okui, Bybit, MEXC antd, Gate, Hyperliquid) and
 * ARIA div grids (role=table/grid/row/columnheader/cell; the Binance layout). Columns are found by
 * header text, never by position: Bybit, OKX, Gate and MEXC let users reorder and hide columns
 * (exchange-pages.md §0).
 */
import { normalizeLabel } from './read-header';
import { isElement } from './read-node';
import { isInsideOwnElement, isOwnElement, readText } from './read-text';

const TABLE_SELECTOR = 'table, [role="table"], [role="grid"], [role="treegrid"]';
const ROW_SELECTOR = 'tr, [role="row"]';
const HEADER_CELL_SELECTOR = 'th, [role="columnheader"]';
const DATA_CELL_SELECTOR = 'td, [role="cell"], [role="gridcell"]';

export interface TableRow {
  readonly element: Element;
  /** Cells in column order; cells[i] sits under headers[i]. */
  readonly cells: readonly Element[];
}

export interface TableModel {
  readonly container: Element;
  readonly headers: readonly string[];
  /** Headers through normalizeLabel, computed once per read. */
  readonly normalizedHeaders: readonly string[];
  /** Rows as found: empty rows and copies are left out as they are read (read.ts acceptRow). */
  readonly rows: readonly TableRow[];
}

function roleOf(element: Element): string | null {
  return element.getAttribute('role');
}

/** Predicates instead of selector matching: called per cell, where selector engines are slow. */
function isTableLike(element: Element): boolean {
  const role = roleOf(element);
  return (
    element.localName === 'table' || role === 'table' || role === 'grid' || role === 'treegrid'
  );
}

function isRowLike(element: Element): boolean {
  return element.localName === 'tr' || roleOf(element) === 'row';
}

function isHeaderCell(element: Element): boolean {
  return element.localName === 'th' || roleOf(element) === 'columnheader';
}

function isDataCell(element: Element): boolean {
  const role = roleOf(element);
  return element.localName === 'td' || role === 'cell' || role === 'gridcell';
}

function closestMatching(
  element: Element,
  predicate: (candidate: Element) => boolean,
): Element | null {
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    if (predicate(node)) return node;
  }
  return null;
}

function nearestTable(element: Element): Element | null {
  const parent = element.parentElement;
  return parent === null ? null : closestMatching(parent, isTableLike);
}

/** Rows and cells belong to `table` only if no other table sits in between (nested tables). */
function ownedBy(table: Element, element: Element): boolean {
  return closestMatching(element, isTableLike) === table;
}

/**
 * The row's cells: its element children that are cells (the usual case, cheap), else cells nested
 * in wrappers (ARIA grids sometimes wrap cells) whose nearest row is this row.
 */
function directCells(row: Element, isCell: (element: Element) => boolean): Element[] {
  const children = Array.from(row.children).filter(isCell);
  if (children.length > 0) return children;
  return Array.from(
    row.querySelectorAll(isCell === isHeaderCell ? HEADER_CELL_SELECTOR : DATA_CELL_SELECTOR),
  ).filter((cell) => closestMatching(cell, isRowLike) === row);
}

/**
 * Rows that are not data: aria-hidden measure rows and fixed-column copies (OKX okui, antd
 * `ant-table-measure-row`), and anything inside our own injected DOM.
 */
function isSkippedRow(row: Element, above: Element | null = null): boolean {
  return row.classList.contains('ant-table-measure-row') || isHidden(row, above);
}

/** The element or an ancestor below `above` (all of them when null) is hidden or ours. */
function isHidden(element: Element, above: Element | null = null): boolean {
  for (
    let node: Element | null = element;
    node !== null && node !== above;
    node = node.parentElement
  ) {
    if (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('hidden')) return true;
    if (isOwnElement(node)) return true;
  }
  return false;
}

/** Header texts of the first row holding header cells; antd may keep the header in a sibling table. */
function findHeaders(table: Element): string[] {
  const own = Array.from(table.querySelectorAll(HEADER_CELL_SELECTOR)).filter((cell) =>
    ownedBy(table, cell),
  );
  let cells = own;
  if (cells.length === 0) {
    // antd with a fixed header renders <thead> in `.ant-table-header table`, rows in another table.
    // Look for the header in the closest ancestor (up to 4 levels) that has one.
    let ancestor: Element | null = table.parentElement;
    for (let level = 0; level < 4 && ancestor !== null && cells.length === 0; level += 1) {
      cells = Array.from(ancestor.querySelectorAll(HEADER_CELL_SELECTOR)).filter(
        (cell) => nearestTable(cell) !== table && !isSkippedRow(cell),
      );
      ancestor = ancestor.parentElement;
    }
  }
  const firstCell = cells[0];
  const firstRow = firstCell === undefined ? null : closestMatching(firstCell, isRowLike);
  // Several header rows (grouped headers) are rare; the first row with header cells is the one.
  const headerCells = firstRow === null ? cells : directCells(firstRow, isHeaderCell);
  return headerCells.map((cell) => readText(cell));
}

/**
 * Builds a table model, or null when the element has no header or no data rows structure.
 *
 * @param wanted - asked of the normalised headers before any row is read: a table it refuses (an
 *   order book, a trade history) costs its header only, however many rows it ticks
 */
export function buildTableModel(
  table: Element,
  wanted: (normalizedHeaders: readonly string[]) => boolean = () => true,
): TableModel | null {
  const headers = findHeaders(table);
  if (headers.length === 0) return null;
  const normalizedHeaders = headers.map(normalizeLabel);
  if (!wanted(normalizedHeaders)) return null;
  const rows: TableRow[] = [];
  // A hidden (or our own) table hides all its rows; each row then looks up to the table only.
  const tableHidden = isHidden(table);
  // No cell text is read here: empty rows and copies are left out as the rows are read
  // (read.ts acceptRow), so locating a long table costs its structure only.
  for (const row of Array.from(table.querySelectorAll(ROW_SELECTOR))) {
    if (tableHidden || !ownedBy(table, row) || isSkippedRow(row, table)) continue;
    const cells = directCells(row, isDataCell);
    if (cells.length === 0) continue;
    // One cell spanning a wide table is an empty-state or loading message ("No data").
    if (cells.length === 1 && headers.length > 2) continue;
    rows.push({ element: row, cells });
  }
  return {
    container: table,
    headers,
    normalizedHeaders,
    rows,
  };
}

/** Every table-like element under `scope` (the scope itself included), outside our own DOM. */
export function findTables(scope: ParentNode): Element[] {
  const tables: Element[] = [];
  if (isElement(scope) && scope.matches(TABLE_SELECTOR)) tables.push(scope);
  for (const table of Array.from(scope.querySelectorAll(TABLE_SELECTOR))) {
    if (!isInsideOwnElement(table)) tables.push(table);
  }
  return tables;
}
