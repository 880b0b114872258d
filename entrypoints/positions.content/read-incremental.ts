/**
 * Incremental reading: on a price tick only the rows whose cells changed are read again.
 *
 * A full read (read.ts) locates the table, maps headers to columns and lists the rows; none of that
 * changes while the page only rewrites cell text. The watcher hands over its MutationRecords, and
 * when every one of them is a text change inside a row we already know, only those rows are
 * re-read. Anything else — an attribute change (hidden rows, side classes), rows or cells added or
 * removed, a change outside the known rows, a detached table, another locale, a navigation — means
 * a full read. When unsure we read in full: stale values are never returned.
 *
 * A tick's cost is kept to what it wrote: each written text node's cells are remembered, and so are
 * the text nodes each cell joins, until a childList change may have moved nodes; within a re-read
 * row only the fields that read a changed cell are located again (read.ts readRow); rows whose read
 * did not change are handed on by identity, so the caller's comparisons stop at once; duplicate
 * rows are ruled out per changed row by an anchor column (read-distinct.ts). Every shortcut is
 * checked against a full read on every fixture (tests/adapters/read-incremental*.test.ts).
 */
import type { Adapter } from './adapters/types';
import {
  accountFor,
  accountNeeded,
  readPositions,
  readRow,
  startSlicedRead,
  type ReadResult,
  type RowMemo,
  type RowRead,
  type SlicedRead,
  type TableSnapshot,
  withKeys,
} from './read';
import { trackDistinct, type DistinctRows } from './read-distinct';
import { resolveNumberFormat } from './read-format';
import { scanTextsMoved } from './read-row';
import { documentOf } from './read-node';
import { cleanText, joinTextRuns, textNodesOf, withTextCache } from './read-text';

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
  /**
   * As `read`, but a full read for want of changes (start, navigation, a structural reason) stops
   * once the clock (`performance.now()`) passes `endsAt` and says so. It locates the table, then
   * reads rows in the slices that follow. A read in answer to mutations is never cut: a tick's
   * re-read, and on card layouts (which keep no cache) the full read a tick causes. Nor is the
   * full read that follows a cut read given up (a page rebuilding its table every frame would
   * otherwise never be read to the end).
   *
   * @param changes - as for `read`, or 'continue' to go on with the full read cut last time (a
   *   read in full when there is none for this root and adapter)
   * @param meanwhile - with 'continue': the area's mutations since the cut read began, applied as a
   *   tick's re-read once it finishes, so its answer is as fresh as a read in one go; null when
   *   they are not known (the caller reads in full after)
   * @returns the result, or `unfinished` with the area to observe meanwhile
   */
  readSlice(
    root: ParentNode,
    adapter: Adapter,
    changes: readonly MutationRecord[] | null | 'continue',
    endsAt: number,
    meanwhile?: readonly MutationRecord[] | null,
  ): ReadResult | UnfinishedRead;
  /** Forget the last read (the next read is a full one). */
  reset(): void;
}

/** A full read cut at its slice's end. */
export interface UnfinishedRead {
  readonly unfinished: true;
  /** Observe this from now on: what changes in it before the read ends is read again after. */
  readonly positionsArea: Element | null;
}

/** A known cell: its row and its place in the row. */
interface CellRef {
  readonly row: number;
  readonly cell: number;
}

interface Cached {
  /** The full read's table; its rows and their elements stay the same until the next full read. */
  readonly snapshot: TableSnapshot;
  /** Each known cell → its row and its place in the row. */
  readonly cellIndex: Map<Element, CellRef>;
  /**
   * Per row, its last read. Re-reads replace entries in place: a re-read that gives up (null or a
   * throw) is followed by a full read, which drops this cache whole.
   */
  readonly memos: RowMemo[];
  /** Whether the rows still all differ (a full read skips copies). */
  readonly distinct: DistinctRows;
  /** The last answer: unchanged rows are handed on by identity. */
  result: ReadResult;
  /**
   * Per row, per cell, the scan key of its text (read-row.ts scanKeyOf) as last computed: a tick
   * then computes only its new texts' keys.
   */
  readonly scanKeys: (string | undefined)[][];
  /** accountNeeded(result.rows): asked again only when a re-read row's margin mode changed. */
  accountNeeded: boolean;
  /**
   * Text node → the known cells around it (innermost first). A text node moves only by a
   * childList mutation, which clears this: between those, a tick's text change is placed without
   * walking up from it again.
   */
  textCells: WeakMap<Node, readonly CellRef[]>;
  /**
   * Per cell read by a re-read, the text nodes its text joins and their cleaned texts. Cleared with
   * textCells: until nodes move, a tick cleans only the nodes it wrote and joins.
   */
  cellRuns: Map<Element, CellRuns>;
}

interface CellRuns {
  readonly nodes: readonly Node[];
  /** Per node, its cleaned text as last read. */
  readonly texts: string[];
}

/** Per touched row, its touched cells (a handful: an array beats a set). */
type Touched = Map<number, number[]>;

interface Changes {
  readonly touched: Touched;
  /** The text nodes written (characterData targets). */
  readonly written: ReadonlySet<Node>;
}

/** A node that is or holds a row or cell: adding or removing it may change the rows or cells. */
function holdsCell(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  return element.matches(PART_SELECTOR) || element.querySelector(PART_SELECTOR) !== null;
}

/**
 * Every known cell around a changed node, innermost first (a cell nested in another changes the
 * outer one's text too). Empty when the node is in no known cell: a change in a row outside its
 * cells (a wrapper) or outside the rows may have moved cells or rows.
 */
function cellsAround(cached: Cached, target: Node): readonly CellRef[] {
  const isText = target.nodeType !== 1;
  const remembered = isText ? cached.textCells.get(target) : undefined;
  if (remembered !== undefined) return remembered;
  const { container } = cached.snapshot;
  const cells: CellRef[] = [];
  for (
    let node: Element | null = isText ? target.parentElement : (target as Element);
    node !== null && node !== container;
    node = node.parentElement
  ) {
    const found = cached.cellIndex.get(node);
    if (found !== undefined) cells.push(found);
  }
  if (isText) cached.textCells.set(target, cells);
  return cells;
}

/**
 * The rows (and cells) these mutations touched, or null when any of them may have changed more than
 * some rows' text (structure, attributes, or a node outside the known rows).
 */
function changedRows(cached: Cached, changes: readonly MutationRecord[]): Changes | null {
  // Nodes may have moved: where each text node sits, and which nodes a cell joins, are looked up
  // afresh from here on.
  if (changes.some((record) => record.type !== 'characterData')) {
    cached.textCells = new WeakMap();
    cached.cellRuns = new Map();
  }
  const touched: Touched = new Map();
  const written = new Set<Node>();
  for (const record of changes) {
    // Each record field read once: every read is a call into the browser.
    const { type, target } = record;
    if (type === 'attributes') return null;
    if (type === 'characterData') written.add(target);
    else {
      for (const node of record.addedNodes) if (holdsCell(node)) return null;
      for (const node of record.removedNodes) if (holdsCell(node)) return null;
    }
    const cells = cellsAround(cached, target);
    if (cells.length === 0) return null;
    // Indexed loops on the per-record and per-row paths: no iterator objects on every tick.
    for (let at = 0; at < cells.length; at += 1) {
      const { row, cell } = cells[at] as (typeof cells)[number];
      const rowCells = touched.get(row);
      if (rowCells === undefined) touched.set(row, [cell]);
      else if (!rowCells.includes(cell)) rowCells.push(cell);
    }
  }
  return { touched, written };
}

/**
 * A touched cell's text, as readText would read it now: the first time since nodes last moved by
 * a walk of the cell, after that by cleaning only the cell's nodes that were written.
 */
function readCell(cached: Cached, element: Element, written: ReadonlySet<Node>): string {
  const runs = cached.cellRuns.get(element);
  if (runs === undefined) {
    const nodes = textNodesOf(element);
    const texts = nodes.map(cleanText);
    cached.cellRuns.set(element, { nodes, texts });
    return joinTextRuns(texts);
  }
  const { nodes, texts } = runs;
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index];
    if (node !== undefined && written.has(node)) texts[index] = cleanText(node);
  }
  return joinTextRuns(runs.texts);
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
  // The page's language lives outside the observed area: asked on every read, as a full read would.
  const numberFormat = resolveNumberFormat(adapter, document);
  if (!sameFormat(numberFormat, cached.result.numberFormat)) return null;
  const found = changedRows(cached, changes);
  if (found === null) return null;
  const { touched, written } = found;

  const previousRows = cached.result.rows;
  let rows: RowRead[] | null = null; // copied on the first row whose read changed
  let keysMayChange = false;
  let modeMayChange = false;
  /** Per row whose texts changed, its changed cells (cell → old text). */
  const retexted = new Map<number, ReadonlyMap<number, string>>();
  for (const [index, cells] of touched) {
    const source = snapshot.sources[index];
    const memo = cached.memos[index];
    const before = previousRows[index];
    if (source === undefined || memo === undefined || before === undefined) return null;
    if (!source.element.isConnected) return null;
    // Cells no mutation reached read as before: only the touched ones are read again.
    let texts = memo.texts;
    const changed = new Map<number, string>();
    for (let at = 0; at < cells.length; at += 1) {
      const cell = cells[at] as number;
      const element = source.scanElements[cell];
      const text = element === undefined ? '' : readCell(cached, element, written);
      const old = memo.texts[cell] ?? '';
      if (text === old) continue;
      if (texts === memo.texts) texts = [...memo.texts];
      changed.set(cell, old);
      (texts as string[])[cell] = text;
    }
    if (changed.size > 0) {
      // A row emptied (a spacer now): the full read decides whether it is still a position row.
      // Only a text that became empty can have emptied it.
      let emptied = false;
      for (const cell of changed.keys()) emptied ||= texts[cell] === '';
      if (emptied && texts.every((text) => text === '')) return null;
      retexted.set(index, changed);
    }
    // Read even when no text changed: css locators and side hints see elements a childList
    // change may have replaced (readRow keeps the rest).
    const keys = (cached.scanKeys[index] ??= []);
    const scan: { moved?: boolean } = {};
    const next = readRow(source, adapter, numberFormat, texts, {
      memo,
      changed,
      scanMoved: () => (scan.moved ??= scanTextsMoved(changed, texts, keys)),
    });
    // Keys this read did not bring up to date are forgotten (asked from the old texts next time).
    if (scan.moved === undefined) {
      changed.forEach((_, cell) => {
        keys[cell] = undefined;
      });
    }
    cached.memos[index] = next;
    if (next.read === memo.read) continue;
    // A row's key comes from its symbol and side, and from the rows before it that share them.
    if (next.read.raw.symbol !== before.raw.symbol || next.read.raw.side !== before.raw.side) {
      keysMayChange = true;
    }
    modeMayChange ||= next.read.raw.marginMode !== before.raw.marginMode;
    rows ??= [...previousRows];
    rows[index] = { ...next.read, key: before.key };
  }
  // After every row is read: two rows may have changed into the same.
  if (retexted.size > 0 && !cached.distinct.stillDistinct(cached.memos, retexted)) return null;
  if (keysMayChange) rows = withKeys(cached.memos.map((memo) => memo.read));
  const nextRows = rows ?? previousRows;
  if (modeMayChange) cached.accountNeeded = accountNeeded(nextRows);
  const result: ReadResult = {
    ...cached.result,
    rows: nextRows,
    // The wallet balance lives outside the observed area: read on every read, as a full read would.
    account: accountFor(root, adapter, nextRows, snapshot.accountExclude, cached.accountNeeded),
  };
  cached.result = result;
  return result;
}

/** The cache a full read leaves, or null when its rows cannot be told apart cheaply (read-distinct.ts). */
function cacheOf(snapshot: TableSnapshot): Cached | null {
  const distinct = trackDistinct(snapshot.memos);
  if (distinct === null) return null;
  const cellIndex: Cached['cellIndex'] = new Map();
  snapshot.sources.forEach((source, row) => {
    source.scanElements.forEach((element, cell) => cellIndex.set(element, { row, cell }));
  });
  return {
    snapshot,
    cellIndex,
    memos: [...snapshot.memos],
    distinct,
    result: snapshot.result,
    scanKeys: [],
    accountNeeded: accountNeeded(snapshot.result.rows),
    textCells: new WeakMap(),
    cellRuns: new Map(),
  };
}

export function createPositionsReader(): PositionsReader {
  let cached: Cached | null = null;
  /** The full read cut at its last slice's end, and what it reads. */
  let sliced: { read: SlicedRead; root: ParentNode; adapter: Adapter } | null = null;

  const keep = (snapshot: TableSnapshot): void => {
    cached = cacheOf(snapshot);
  };

  /** A full read to the end, in this call (it gives up any cut read). */
  function whole(root: ParentNode, adapter: Adapter): ReadResult {
    cached = null;
    sliced = null;
    return readPositions(root, adapter, keep);
  }

  /** A full read that may be cut at `endsAt`. */
  function full(root: ParentNode, adapter: Adapter, endsAt: number): ReadResult | UnfinishedRead {
    // A cut read given up for this one: this one is read to the end.
    if (sliced !== null) return whole(root, adapter);
    cached = null;
    const started = startSlicedRead(root, adapter, endsAt, keep);
    if ('rows' in started) return started;
    sliced = { read: started, root, adapter };
    return { unfinished: true, positionsArea: started.positionsArea };
  }

  /** A tick's re-read of the cache, or null when it needs a full read. */
  function rereadCached(
    root: ParentNode,
    adapter: Adapter,
    changes: readonly MutationRecord[],
  ): ReadResult | null {
    const current = cached;
    if (current === null) return null;
    try {
      return withTextCache(() => reread(current, root, adapter, changes));
    } catch {
      return null; // any surprise: the full read decides (and contains its own failures)
    }
  }

  function readOn(
    root: ParentNode,
    adapter: Adapter,
    endsAt: number,
    meanwhile: readonly MutationRecord[] | null,
  ): ReadResult | UnfinishedRead {
    const going = sliced;
    if (going === null || going.root !== root || going.adapter !== adapter) {
      return full(root, adapter, endsAt);
    }
    const result = going.read.next(endsAt);
    if (result === null) return { unfinished: true, positionsArea: going.read.positionsArea };
    sliced = null;
    // Read again in full at its end (a row had left the page): the answer is as of now already.
    if (meanwhile === null || meanwhile.length === 0 || going.read.readAgainInFull) return result;
    // What changed while the rows were read in slices, read now as a tick; a change of structure
    // meanwhile means reading again, in one go.
    return rereadCached(root, adapter, meanwhile) ?? whole(root, adapter);
  }

  function readSlice(
    root: ParentNode,
    adapter: Adapter,
    changes: readonly MutationRecord[] | null | 'continue',
    endsAt: number,
    meanwhile: readonly MutationRecord[] | null = [],
  ): ReadResult | UnfinishedRead {
    if (changes === 'continue') return readOn(root, adapter, endsAt, meanwhile);
    if (changes === null) return full(root, adapter, endsAt);
    return read(root, adapter, changes);
  }

  /** A read never cut: a tick's re-read, else a full read in this call. */
  function read(
    root: ParentNode,
    adapter: Adapter,
    changes: readonly MutationRecord[] | null,
  ): ReadResult {
    if (changes === null) return whole(root, adapter);
    return rereadCached(root, adapter, changes) ?? whole(root, adapter);
  }

  return {
    read,
    readSlice,
    reset() {
      cached = null;
      sliced = null;
    },
  };
}
