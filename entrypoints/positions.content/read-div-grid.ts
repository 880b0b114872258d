/**
 * Div grids without table semantics: a header row of label divs followed by rows with one child
 * per column. Binance renders its account lists this way (`div.list-item-container` rows whose
 * cells are the direct children of a utility-class row; exchange-pages.md §1, [C] 2026), and whether
 * its positions grid carries ARIA roles is unconfirmed, so the reader must not depend on them.
 *
 * Recognition is structural and textual only: a header row is an element whose children hold at
 * least MIN_HEADER_FIELDS recognised header labels, one per child; data rows are later elements
 * with the same number of children, near the header row.
 */
import type { PositionField } from './adapters/types';
import { normalizeLabel } from './read-header';
import type { TableModel, TableRow } from './read-table';
import { isInsideOwnElement, readText } from './read-text';

const MIN_HEADER_FIELDS = 3;
/** How far above the header row the rows' container may be (header and body wrappers). */
const MAX_CONTAINER_LEVELS = 3;

/** The child of `row` that contains `element`, or null. */
function childContaining(row: Element, element: Element): Element | null {
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    if (node.parentElement === row) return node;
  }
  return null;
}

/** A header row: children each holding at most one label, with enough distinct fields. */
function isHeaderRow(row: Element, leaves: Map<Element, PositionField>): boolean {
  if (row.children.length < MIN_HEADER_FIELDS) return false;
  const fields = new Set<PositionField>();
  const usedChildren = new Set<Element>();
  for (const [leaf, field] of leaves) {
    if (!row.contains(leaf)) continue;
    const child = childContaining(row, leaf);
    if (child === null || usedChildren.has(child)) return false;
    // A header cell holds its label only; a cell with label and value is a card item.
    if (readText(child) !== readText(leaf)) return false;
    usedChildren.add(child);
    fields.add(field);
  }
  return fields.size >= MIN_HEADER_FIELDS;
}

function findHeaderRows(scope: Element, leaves: Map<Element, PositionField>): Element[] {
  const rows = new Set<Element>();
  for (const leaf of leaves.keys()) {
    for (
      let node = leaf.parentElement;
      node !== null && node !== scope.parentElement;
      node = node.parentElement
    ) {
      if (isHeaderRow(node, leaves)) {
        rows.add(node);
        break;
      }
    }
  }
  return Array.from(rows);
}

/** Rows after the header with one child per column, in the nearest container that has any. */
function dataRowsFor(
  header: Element,
  leaves: Map<Element, PositionField>,
): { container: Element; rows: Element[] } | null {
  const columns = header.children.length;
  let container: Element | null = header.parentElement;
  for (let level = 0; level < MAX_CONTAINER_LEVELS && container !== null; level += 1) {
    const rows = Array.from(container.querySelectorAll('*')).filter(
      (element) =>
        element !== header &&
        element.children.length === columns &&
        !element.contains(header) &&
        !header.contains(element) &&
        // Following the header in document order (4 = DOCUMENT_POSITION_FOLLOWING).
        (header.compareDocumentPosition(element) & 4) !== 0 &&
        element.closest('[aria-hidden="true"], [hidden]') === null &&
        !isInsideOwnElement(element) &&
        !isHeaderRow(element, leaves),
    );
    // A row nested in another row's cell is that cell's content, not a row.
    const outermost = rows.filter(
      (row) => !rows.some((other) => other !== row && other.contains(row)),
    );
    if (outermost.length > 0) return { container, rows: outermost };
    container = container.parentElement;
  }
  return null;
}

/**
 * Div grids under `scope` recognised by their header labels.
 *
 * @param leaves - label elements under `scope` (read-labels.ts) with the field each names.
 */
export function findDivGrids(scope: Element, leaves: Map<Element, PositionField>): TableModel[] {
  if (new Set(leaves.values()).size < MIN_HEADER_FIELDS) return [];
  const models: TableModel[] = [];
  for (const header of findHeaderRows(scope, leaves)) {
    const body = dataRowsFor(header, leaves);
    const headers = Array.from(header.children).map((cell) => readText(cell));
    // body is null when the header has no rows yet (no positions). Empty rows and copies are left
    // out as the rows are read (read.ts acceptRow), as for tables.
    const rows: TableRow[] = (body?.rows ?? []).map((row) => ({
      element: row,
      cells: Array.from(row.children),
    }));
    models.push({
      container: body?.container ?? header, // no rows: the header row is all there is
      headers,
      normalizedHeaders: headers.map(normalizeLabel),
      rows,
    });
  }
  return models;
}
