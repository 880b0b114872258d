/**
 * Incremental reading: on a price tick only the rows whose cells changed are read again.
 *
 * A full read (read.ts) locates the table, maps headers to columns and lists the rows; none of that
 * changes while the page only rewrites cell text. The watcher hands over its MutationRecords, and
 * when every one of them is a text change inside a row we already know, only those rows are
 * re-read. Anything else — an attribute change (hidden rows, side classes), rows or cells added or
 * removed, a change outside the known rows, a detached table, another locale, a navigation — means
 * a full read. When unsure we read in full: stale values are never returned.
 */
import type { Adapter } from './adapters/types';
import {
  accountFor,
  readPositions,
  readRow,
  rowCellTexts,
  type ReadResult,
  type TableSnapshot,
  withKeys,
} from './read';
import { resolveNumberFormat } from './read-format';
import { documentOf } from './read-node';
import { primeText, withTextCache } from './read-text';

/** More records than this in one frame: a re-render, not a tick; a full read is cheaper. */
const MAX_RECORDS = 2000;

/** Table parts: one added or removed inside a cell may be a row or cell of its own. */
const PART_SELECTOR =
  'tr, td, th, [role="row"], [role="cell"], [role="gridcell"], [role="columnheader"]';

export interface PositionsReader {
  /**
   * Reads the page's positions.
   *
   * @param changes - the mutations since the last read, or null when unknown (start, navigation,
   *   visibility, settings): null always reads in full.
   */
  read(root: ParentNode, adapter: Adapter, changes: readonly MutationRecord[] | null): ReadResult;
  /** Forget the last read (the next read is a full one). */
  reset(): void;
}

interface Cached {
  /** Replaced after each incremental read; the rows and their elements stay the same. */
  snapshot: TableSnapshot;
  /** Each known cell → its row and its place in the row. */
  readonly cellIndex: Map<Element, { readonly row: number; readonly cell: number }>;
}

/** Per touched row, its touched cells. */
type Touched = Map<number, Set<number>>;

/** A node that is or holds a row or cell: adding or removing it may change the rows or cells. */
function holdsCell(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  return element.matches(PART_SELECTOR) || element.querySelector(PART_SELECTOR) !== null;
}

/**
 * The rows (and cells) these mutations touched, or null when any of them may have changed more than
 * some rows' text (structure, attributes, or a node outside the known rows).
 */
function changedRows(cached: Cached, changes: readonly MutationRecord[]): Touched | null {
  const { container } = cached.snapshot;
  const touched: Touched = new Map();
  for (const record of changes) {
    if (record.type === 'attributes') return null;
    if (record.type === 'childList') {
      for (const node of record.addedNodes) if (holdsCell(node)) return null;
      for (const node of record.removedNodes) if (holdsCell(node)) return null;
    }
    const target = record.target;
    let node: Element | null = target.nodeType === 1 ? (target as Element) : target.parentElement;
    let found: { row: number; cell: number } | undefined;
    // Only changes inside a known cell: one in a row outside its cells (a wrapper) or outside the
    // rows may have moved cells or rows.
    while (node !== null && node !== container && found === undefined) {
      found = cached.cellIndex.get(node);
      node = node.parentElement;
    }
    if (found === undefined) return null;
    const cells = touched.get(found.row) ?? new Set<number>();
    touched.set(found.row, cells.add(found.cell));
  }
  return touched;
}

function sameFormat(a: ReadResult['numberFormat'], b: ReadResult['numberFormat']): boolean {
  return a.decimalSeparator === b.decimalSeparator && a.groupSeparator === b.groupSeparator;
}

/** Re-reads the touched rows of a cached table; null when a full read is needed. */
function reread(
  cached: Cached,
  root: ParentNode,
  adapter: Adapter,
  changes: readonly MutationRecord[],
): ReadResult | null {
  const { snapshot } = cached;
  if (snapshot.root !== root || snapshot.adapter !== adapter) return null;
  if (!snapshot.container.isConnected) return null;
  if (snapshot.area !== null && !snapshot.area.isConnected) return null;
  if (changes.length > MAX_RECORDS) return null;
  const document = documentOf(root);
  if (document === null) return null;
  const numberFormat = resolveNumberFormat(adapter, document);
  if (!sameFormat(numberFormat, snapshot.result.numberFormat)) return null;
  const touched = changedRows(cached, changes);
  if (touched === null) return null;

  const reads = [...snapshot.reads];
  const cellTexts = [...snapshot.cellTexts];
  for (const [index, cells] of touched) {
    const source = snapshot.sources[index];
    const before = snapshot.cellTexts[index];
    if (source === undefined || before === undefined || !source.element.isConnected) return null;
    // Cells no mutation reached read as before: only the touched ones are walked again.
    source.scanElements.forEach((cell, cellIndex) => {
      const text = before[cellIndex];
      if (!cells.has(cellIndex) && text !== undefined) primeText(cell, text);
    });
    const texts = rowCellTexts(source);
    // A row emptied (a spacer now) or identical to another (a duplicate render): the full read
    // decides whether it is still a position row.
    if (texts.every((text) => text === '')) return null;
    cellTexts[index] = texts;
    reads[index] = readRow(source, adapter, numberFormat);
  }
  const signatures = cellTexts.map((texts) => texts.join('\u0001'));
  if (new Set(signatures).size !== signatures.length) return null;
  const rows = withKeys(reads);
  const result: ReadResult = {
    ...snapshot.result,
    rows,
    account: accountFor(root, adapter, rows, snapshot.accountExclude),
  };
  cached.snapshot = { ...snapshot, reads, cellTexts, result };
  return result;
}

export function createPositionsReader(): PositionsReader {
  let cached: Cached | null = null;

  function full(root: ParentNode, adapter: Adapter): ReadResult {
    cached = null;
    return readPositions(root, adapter, (snapshot) => {
      const cellIndex: Cached['cellIndex'] = new Map();
      snapshot.sources.forEach((source, row) => {
        source.scanElements.forEach((element, cell) => cellIndex.set(element, { row, cell }));
      });
      cached = {
        snapshot,
        cellIndex,
      };
    });
  }

  return {
    read(root, adapter, changes) {
      const current = cached;
      if (changes === null || current === null) return full(root, adapter);
      let result: ReadResult | null = null;
      try {
        result = withTextCache(() => reread(current, root, adapter, changes));
      } catch {
        result = null; // any surprise: the full read decides (and contains its own failures)
      }
      return result ?? full(root, adapter);
    },
    reset() {
      cached = null;
    },
  };
}
