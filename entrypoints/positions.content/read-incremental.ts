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
  rowSignature,
  type ReadResult,
  type TableSnapshot,
  withKeys,
} from './read';
import { resolveNumberFormat } from './read-format';
import { documentOf } from './read-node';
import { readText, withTextCache } from './read-text';

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
    let known = false;
    // Only changes inside a known cell: one in a row outside its cells (a wrapper) or outside the
    // rows may have moved cells or rows. Every known cell around the change is touched (a cell
    // nested in another changes the outer one's text too).
    for (
      let node: Element | null = target.nodeType === 1 ? (target as Element) : target.parentElement;
      node !== null && node !== container;
      node = node.parentElement
    ) {
      const found = cached.cellIndex.get(node);
      if (found === undefined) continue;
      known = true;
      const cells = touched.get(found.row) ?? new Set<number>();
      touched.set(found.row, cells.add(found.cell));
    }
    if (!known) return null;
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

  const memos = [...snapshot.memos];
  const signatures = [...snapshot.signatures];
  let textsChanged = false;
  for (const [index, cells] of touched) {
    const source = snapshot.sources[index];
    const memo = memos[index];
    if (source === undefined || memo === undefined || !source.element.isConnected) return null;
    // Cells no mutation reached read as before: only the touched ones are read again.
    const texts = [...memo.texts];
    const changed = new Map<number, string>();
    for (const cell of cells) {
      const element = source.scanElements[cell];
      const text = element === undefined ? '' : readText(element);
      if (text !== texts[cell]) changed.set(cell, texts[cell] ?? '');
      texts[cell] = text;
    }
    if (changed.size > 0) {
      // A row emptied (a spacer now): the full read decides whether it is still a position row.
      if (texts.every((text) => text === '')) return null;
      signatures[index] = rowSignature(texts);
      textsChanged = true;
    }
    memos[index] = readRow(source, adapter, numberFormat, texts, { memo, changed });
  }
  // A row now identical to another (a duplicate render): the full read decides.
  if (textsChanged && new Set(signatures).size !== signatures.length) return null;
  const reads = memos.map((memo) => memo.read);
  const rows = withKeys(reads);
  const result: ReadResult = {
    ...snapshot.result,
    rows,
    account: accountFor(root, adapter, rows, snapshot.accountExclude),
  };
  cached.snapshot = { ...snapshot, memos, signatures, result };
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
