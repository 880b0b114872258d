/**
 * The generic reader and the adapters' shared engine: (root, adapter) → ReadResult.
 *
 * Order of evidence (style.md §4.3): the adapter's stable hooks find the positions area; tables
 * (or cards) are recognised by header text in EN + ZH; each field is read by the adapter's ordered
 * locators, then by generic header synonyms. When the adapter's hooks find nothing but a positions
 * table is recognised by its headers, it is read anyway and the status says `degraded`.
 * Never throws: any failure becomes a `degraded` result with no rows.
 */
import { parseNumber, type NumberFormat, type ParsedNumber } from '../../core/parse-number';
import type { RawContext } from '../../core/position-from-raw';
import { marginModeFromText, perText, sideFromPrices, sideWordIn } from '../../core/position-text';
import type { Product, Side } from '../../core/contract';
import { GENERIC_ADAPTER } from './adapters/generic';
import {
  POSITION_FIELDS,
  type Adapter,
  type LabelText,
  type PositionField,
  type RawFields,
} from './adapters/types';
import { readAccountValue } from './read-account';
import { findCards } from './read-cards';
import { findDivGrids } from './read-div-grid';
import { findLabelElements } from './read-labels';
import { numberFormatForLocale, resolveNumberFormat } from './read-format';
import { matchesLabel, matchesNormalizedLabel } from './read-header';
import {
  cardRowSource,
  columnsOf,
  fieldMayChange,
  readField,
  sameOutcome,
  selectorOf,
  symbolTokenFrom,
  tableRowSource,
  type FieldOutcome,
  type RowSource,
} from './read-row';
import { buildTableModel, findTables, type TableModel } from './read-table';
import { documentOf, isDocument, isElement } from './read-node';
import { isInsideOwnElement, readText, withTextCache } from './read-text';

export type FieldProblemReason = 'not-found' | 'ambiguous' | 'unparseable' | 'not-rendered-yet';

export interface FieldProblem {
  readonly field: PositionField | 'walletBalance';
  readonly reason: FieldProblemReason;
}

/** How the side was decided; `text` is the only one read directly from the page. */
export type SideSource = 'text' | 'size-sign' | 'hint' | 'geometry';

export interface RowRead {
  /** Stable per position: symbol + side (+ `#n` for a second leg of the same symbol and side). */
  readonly key: string;
  readonly element: Element;
  /** Cell text as read (trimmed) per field; symbol is the symbol token of its cell; side is the
   * side word as written, or `long`/`short` when decided by sign, hint or geometry. */
  readonly raw: Readonly<Partial<Record<PositionField, string>>>;
  readonly problems: readonly FieldProblem[];
  readonly sideSource?: SideSource;
}

export interface ReadResult {
  /** degraded: the page no longer looks like the adapter expects (fallback reading, or unreadable). */
  readonly status: 'ok' | 'no-positions' | 'no-positions-area' | 'degraded';
  readonly adapterId: string;
  /** The container to observe. */
  readonly positionsArea: Element | null;
  readonly rows: readonly RowRead[];
  readonly account: { readonly walletBalance?: string };
  /** Separators to hand to positionFromRaw (adapter's fixed format or the page locale). */
  readonly numberFormat: NumberFormat;
}

const NUMERIC_FIELDS: readonly PositionField[] = [
  'size',
  'entryPrice',
  'markPrice',
  'margin',
  'liquidationPrice',
];
/** What resolveSide reads of a row (besides the adapter's side hints). */
const SIDE_INPUTS: readonly PositionField[] = ['side', 'size', 'entryPrice', 'liquidationPrice'];

/** A positions table shows these, plus one of ACCEPT_ANY; order books and order lists do not. */
const ACCEPT_ALL: readonly PositionField[] = ['size', 'entryPrice'];
const ACCEPT_ANY: readonly PositionField[] = ['markPrice', 'liquidationPrice', 'margin'];

function labelsOf(adapter: Adapter): (readonly [PositionField, LabelText])[] {
  const labels: (readonly [PositionField, LabelText])[] = [];
  for (const field of POSITION_FIELDS) {
    for (const locator of adapter.fields[field].locators) {
      if ('label' in locator) labels.push([field, locator.label]);
    }
  }
  return labels;
}

function recognisedFields(
  normalizedHeaders: readonly string[],
  adapter: Adapter,
): Set<PositionField> {
  const found = new Set<PositionField>();
  for (const [field, label] of labelsOf(adapter)) {
    if (normalizedHeaders.some((header) => matchesNormalizedLabel(header, label))) found.add(field);
  }
  return found;
}

function isPositionsTable(fields: Set<PositionField>): boolean {
  return (
    ACCEPT_ALL.every((field) => fields.has(field)) && ACCEPT_ANY.some((field) => fields.has(field))
  );
}

type Model =
  | { readonly kind: 'table'; readonly container: Element; readonly table: TableModel }
  | { readonly kind: 'cards'; readonly container: Element; readonly sources: readonly RowSource[] };

/** The positions table with the most recognised columns; one with rows beats a header-only one. */
function bestTable(tables: readonly TableModel[], adapter: Adapter): TableModel | null {
  let best: { table: TableModel; score: number } | null = null;
  for (const table of tables) {
    const fields = recognisedFields(table.normalizedHeaders, adapter);
    if (!isPositionsTable(fields)) continue;
    // antd fixed headers sit in their own table, without rows.
    const score = (table.rows.length > 0 ? 100 : 0) + fields.size;
    if (best === null || score > best.score) best = { table, score };
  }
  return best === null ? null : best.table;
}

/**
 * The best positions table under `scope`: real tables and ARIA grids first, then role-less div
 * grids, then card lists; null when none is recognised.
 */
function findModel(scope: ParentNode, adapter: Adapter): Model | null {
  const best = bestTable(
    findTables(scope)
      .map((element) =>
        buildTableModel(element, (headers) => isPositionsTable(recognisedFields(headers, adapter))),
      )
      .filter((table): table is TableModel => table !== null),
    adapter,
  );
  if (best !== null) return { kind: 'table', container: best.container, table: best };
  // A document's grids and cards live in its body (typed non-null, but absent while parsing).
  const blockScope: ParentNode = isDocument(scope) ? scope.body : scope;
  if (!isElement(blockScope)) return null;
  const labelElements = findLabelElements(blockScope, labelsOf(adapter));
  const grid = bestTable(findDivGrids(blockScope, labelElements), adapter);
  if (grid !== null) return { kind: 'table', container: grid.container, table: grid };
  const cardScope = blockScope;
  const cards = findCards(cardScope, labelElements).filter((card) => {
    const fields = new Set(
      card.pairs.flatMap((pair) =>
        labelsOf(adapter)
          .filter(([, label]) => matchesLabel(pair.label, label))
          .map(([field]) => field),
      ),
    );
    return ACCEPT_ALL.every((field) => fields.has(field));
  });
  if (cards.length === 0) return null;
  return { kind: 'cards', container: cardScope, sources: cards.map((card) => cardRowSource(card)) };
}

/**
 * The first element matched by the adapter's area locators that holds a positions table or cards;
 * else the first element matched at all (with no model: empty or changed), else null.
 */
function findArea(
  root: ParentNode,
  adapter: Adapter,
): { area: Element | null; model: Model | null } {
  let firstMatch: Element | null = null;
  for (const locator of adapter.positionsArea) {
    for (const element of Array.from(root.querySelectorAll(selectorOf(locator)))) {
      if (isInsideOwnElement(element)) continue;
      // An inactive tab pane (hidden) is not where the user's positions are shown.
      if (element.closest('[hidden], [aria-hidden="true"]') !== null) continue;
      firstMatch ??= element; // the first visible match, kept if no area holds a table
      const model = findModel(element, adapter);
      if (model !== null) return { area: element, model };
    }
  }
  return { area: firstMatch, model: null };
}

function rowSources(
  model: Model,
  adapter: Adapter,
): { sources: RowSource[]; rowsMatched: boolean } {
  let all: RowSource[] = [...(model.kind === 'cards' ? model.sources : [])];
  if (model.kind === 'table') {
    const columns = columnsOf(model.table);
    all = model.table.rows.map((row) => tableRowSource(columns, row));
  }
  // Row hooks describe table rows; cards are recognised by their labels alone.
  if (model.kind === 'cards' || adapter.rows.length === 0 || all.length === 0) {
    return { sources: all, rowsMatched: true };
  }
  const selectors = adapter.rows.map((locator) => selectorOf(locator));
  const matched = all.filter((source) =>
    selectors.some((selector) => source.element.matches(selector)),
  );
  // The adapter's row hook no longer matches: read the recognised rows, but report degraded.
  return matched.length > 0
    ? { sources: matched, rowsMatched: true }
    : { sources: all, rowsMatched: false };
}

/**
 * parseNumber answers per (text, format), memoised across reads: on a tick only the mark and PnL
 * texts are new, the size, entry, margin and liquidation texts were parsed last time. parseNumber is
 * pure, so a remembered answer is the answer.
 */
const parsers = new Map<string, (text: string) => ParsedNumber>();

/** The last format asked for and its parser: one format serves every row of a read. */
let lastParser: { format: NumberFormat; parse: (text: string) => ParsedNumber } | null = null;

/** The memoised parser of one format: looked up once per row, not once per number. */
function parserFor(format: NumberFormat): (text: string) => ParsedNumber {
  if (lastParser?.format === format) return lastParser.parse; // null before the first read
  const key = format.decimalSeparator + format.groupSeparator;
  let parse = parsers.get(key);
  if (parse === undefined) {
    parse = perText((cell) => parseNumber(cell, format));
    parsers.set(key, parse);
  }
  lastParser = { format, parse };
  return parse;
}

/**
 * The row's side and how it was decided. Sizes and prices come parsed; a hint class and the price
 * geometry must agree when both speak: neither is proof alone.
 */
function resolveSide(
  raw: Partial<Record<PositionField, string>>,
  source: RowSource,
  adapter: Adapter,
  format: NumberFormat,
): { readonly side: Side | null; readonly sideSource?: SideSource } {
  if (raw.side !== undefined) {
    const word = sideWordIn(raw.side);
    if (word !== null && word !== 'ambiguous') return { side: word.side, sideSource: 'text' };
  }
  const parse = parserFor(format);
  const [size, entry, liquidation] = [raw.size, raw.entryPrice, raw.liquidationPrice].map((text) =>
    text === undefined ? undefined : parse(text),
  );
  // size is undefined when the row shows no size cell.
  if (size?.ok === true && size.value.startsWith('-'))
    return { side: 'short', sideSource: 'size-sign' };
  const hint = (adapter.sideHints ?? []).find(
    // most adapters declare no hints
    (candidate) => source.element.querySelector(candidate.css) !== null,
  );
  const geometry =
    entry === undefined || liquidation === undefined ? null : sideFromPrices(entry, liquidation);
  if (hint !== undefined) {
    return hint.side === geometry || geometry === null
      ? { side: hint.side, sideSource: 'hint' }
      : { side: null };
  }
  // One-way signed sizes: without a hedge hint, a positive size is a long (OKX, Gate).
  if (adapter.signedSize && size?.ok === true && size.value !== '0') {
    return { side: 'long', sideSource: 'size-sign' };
  }
  if (geometry !== null) return { side: geometry, sideSource: 'geometry' };
  return { side: null };
}

/**
 * What reading a row leaves for the next read of the same row (read-incremental.ts): on a tick
 * only the fields whose texts changed are located and parsed again, and what derives from
 * unchanged texts (symbol token, side, parse results) is kept.
 */
export interface RowMemo {
  readonly read: Omit<RowRead, 'key'>;
  /** The source's scan-element texts the read was made from. */
  readonly texts: readonly string[];
  /** Per POSITION_FIELDS index; undefined for a field the adapter does not read. */
  readonly outcomes: readonly (FieldOutcome | undefined)[];
  /** The fields' texts after the adapter's normalize, before the symbol token and side. */
  readonly normalized: RawFields;
  readonly side: ReturnType<typeof resolveSide>;
}

/** Whether a field's text (after normalize) is the one the last read of the row had. */
function sameText(memo: RowMemo | undefined, normalized: RawFields, field: PositionField): boolean {
  return memo !== undefined && normalized[field] === memo.normalized[field];
}

/** Whether the last read of the row found the field's text unparseable. */
function wasUnparseable(memo: RowMemo, field: PositionField): boolean {
  return memo.read.problems.some(
    (problem) => problem.field === field && problem.reason === 'unparseable',
  );
}

/**
 * Reads one row.
 *
 * @param texts - the source's scan-element texts, in order.
 * @param previous - the row's last read, the scan elements whose text changed since (index →
 *   old text), and whether those changes moved what row scans find (asked at most once, by the
 *   first field that consulted a scan): fields that read only unchanged texts, and a side decided
 *   from unchanged fields, are kept instead of read again.
 */
export function readRow(
  source: RowSource,
  adapter: Adapter,
  format: NumberFormat,
  texts: readonly string[],
  previous?: {
    readonly memo: RowMemo;
    readonly changed: ReadonlyMap<number, string>;
    readonly scanMoved: () => boolean;
  },
): RowMemo {
  const memo = previous?.memo;
  // Every field answering as before: the read is the one made before (kept by identity).
  let unchanged = memo !== undefined;
  const outcomes = POSITION_FIELDS.map((field, index) => {
    const spec = adapter.fields[field];
    if (spec.locators.length === 0) return undefined;
    const before = memo?.outcomes[index];
    if (
      previous !== undefined &&
      before !== undefined &&
      !fieldMayChange(before, previous.changed, previous.scanMoved)
    ) {
      return before;
    }
    const outcome = readField(field, spec, source, texts);
    if (before !== undefined && sameOutcome(outcome, before)) return before;
    unchanged = false;
    return outcome;
  });
  // Side hints look at the row's elements, which a change may have replaced: always asked again.
  if (unchanged && memo !== undefined && adapter.sideHints === undefined) {
    return { ...memo, texts };
  }
  const found: Partial<Record<PositionField, string>> = {};
  const problems: FieldProblem[] = [];
  POSITION_FIELDS.forEach((field, index) => {
    const outcome = outcomes[index];
    if (outcome === undefined) return;
    if (outcome.ok) found[field] = outcome.text;
    // Side has its own fallbacks below (size sign, hint, geometry).
    else if (
      field !== 'side' &&
      (adapter.fields[field].optional !== true || outcome.reason === 'ambiguous')
    ) {
      problems.push({ field, reason: outcome.reason });
    }
  });
  const normalized = adapter.normalize === undefined ? found : adapter.normalize(found);
  const raw: Partial<Record<PositionField, string>> = { ...normalized };
  // A text read as before answers as before: the last read's answer is taken from it (on a tick
  // the symbol, size, entry, margin and liquidation texts rarely change) instead of looked up.
  if (raw.symbol !== undefined) {
    const symbol = sameText(memo, normalized, 'symbol')
      ? (memo?.read.raw.symbol ?? null) // absent before: its token was unparseable
      : symbolTokenFrom(raw.symbol);
    if (symbol === null) {
      delete raw.symbol;
      problems.push({ field: 'symbol', reason: 'unparseable' });
    } else raw.symbol = symbol;
  }
  const parse = parserFor(format);
  for (const field of NUMERIC_FIELDS) {
    const text = raw[field];
    if (text === undefined) continue;
    let unparseable: boolean;
    if (memo !== undefined && sameText(memo, normalized, field)) {
      unparseable = wasUnparseable(memo, field);
    } else {
      const parsed = parse(text);
      // "--" (empty) is a normal state, e.g. no liquidation price for a cross position; garbage is not.
      unparseable = !parsed.ok && parsed.reason === 'unparseable';
    }
    if (unparseable) problems.push({ field, reason: 'unparseable' });
  }
  // Side hints look at the row's elements, which a change may have replaced: always asked again.
  const sideResult =
    memo !== undefined &&
    adapter.sideHints === undefined &&
    SIDE_INPUTS.every((field) => normalized[field] === memo.normalized[field])
      ? memo.side
      : resolveSide(raw, source, adapter, format);
  const { side, sideSource } = sideResult;
  if (side === null) {
    problems.push({ field: 'side', reason: raw.side === undefined ? 'not-found' : 'ambiguous' });
  } else if (sideSource !== 'text') {
    raw.side = side;
  }
  const read =
    sideSource === undefined
      ? { element: source.element, raw, problems }
      : { element: source.element, raw, problems, sideSource };
  return { read, texts, outcomes, normalized, side: sideResult };
}

export function withKeys(rows: readonly Omit<RowRead, 'key'>[]): RowRead[] {
  const counts = new Map<string, number>();
  return rows.map((row) => {
    const word = row.raw.side === undefined ? null : sideWordIn(row.raw.side);
    const side = word === null || word === 'ambiguous' ? '?' : word.side;
    const base = `${row.raw.symbol ?? '?'}|${side}`; // '?': symbol not read (a problem is listed)
    const seen = counts.get(base) ?? 0; // first time this symbol and side appear
    counts.set(base, seen + 1);
    return { ...row, key: seen === 0 ? base : `${base}#${seen + 1}` };
  });
}

/**
 * The wallet balance is only needed for cross positions (or rows whose mode is unknown): skipping
 * the page-wide label search otherwise keeps reads cheap on isolated-only pages.
 */
export function accountNeeded(rows: readonly RowRead[]): boolean {
  return rows.some((row) => {
    const mode = row.raw.marginMode === undefined ? null : marginModeFromText(row.raw.marginMode);
    return mode === null || mode.mode === 'cross';
  });
}

/**
 * @param exclude - the positions area (or the table found without it), left out of the search.
 * @param needed - accountNeeded(rows), when the caller already knows it.
 */
function accountFor(
  root: ParentNode,
  adapter: Adapter,
  rows: readonly RowRead[],
  exclude: Element | null,
  needed = accountNeeded(rows),
): ReadResult['account'] {
  if (adapter.account === undefined || !needed) return {};
  const walletBalance = readAccountValue(root, adapter.account.walletBalance, exclude);
  return walletBalance === undefined ? {} : { walletBalance };
}

/**
 * What a full read of a table leaves behind so the next tick can re-read only the rows that
 * changed (read-incremental.ts). Card layouts keep none: they are always read in full.
 */
export interface TableSnapshot {
  readonly root: ParentNode;
  readonly adapter: Adapter;
  readonly container: Element;
  readonly area: Element | null;
  /** The element excluded from the wallet-balance search. */
  readonly accountExclude: Element | null;
  readonly sources: readonly RowSource[];
  /** Per row, in `sources` order. */
  readonly memos: readonly RowMemo[];
  readonly result: ReadResult;
}

/** What locating the table leaves for reading its rows: everything but the rows' reads. */
interface Located {
  readonly root: ParentNode;
  readonly adapter: Adapter;
  readonly base: Pick<ReadResult, 'adapterId' | 'numberFormat'>;
  readonly area: Element | null;
  readonly model: Model;
  readonly fellBack: boolean;
  readonly sources: readonly RowSource[];
  readonly rowsMatched: boolean;
}

/** Finds the area and the positions table (or cards); a finished result when there is none. */
function locate(root: ParentNode, adapter: Adapter): Located | ReadResult {
  const document = documentOf(root);
  const numberFormat =
    document === null ? numberFormatForLocale(null) : resolveNumberFormat(adapter, document);
  const base = { adapterId: adapter.id, numberFormat };
  const located = findArea(root, adapter);
  const area = located.area;
  // Adapters without area hooks (Bybit, Hyperliquid-like pages, generic) find tables by headers.
  const findsByHeadersOnly = adapter.positionsArea.length === 0;
  let model = located.model;
  let fellBack = false;
  if (model === null) {
    model = findModel(root, adapter);
    fellBack = model !== null && !findsByHeadersOnly;
  }
  if (model === null) {
    if (area === null) {
      return { ...base, status: 'no-positions-area', positionsArea: null, rows: [], account: {} };
    }
    // The area exists; data cells with text in it mean the layout changed, none mean no positions.
    const hasData = Array.from(area.querySelectorAll('td, [role="cell"], [role="gridcell"]')).some(
      (cell) => /\d/.test(cell.textContent),
    );
    return {
      ...base,
      status: hasData ? 'degraded' : 'no-positions',
      positionsArea: area,
      rows: [],
      account: {},
    };
  }
  const { sources, rowsMatched } = rowSources(model, adapter);
  return { root, adapter, base, area, model, fellBack, sources, rowsMatched };
}

/** The area to observe: adapters without area hooks observe the recognised table itself. */
function areaOf(located: Located): Element {
  return located.fellBack ? located.model.container : (located.area ?? located.model.container);
}

/** A table's rows as read so far: the rows kept (not empty, not a copy) and their reads. */
interface RowsRead {
  /** The next of the located sources to read. */
  next: number;
  readonly kept: RowSource[];
  /** Per kept row, in `kept` order. */
  readonly memos: RowMemo[];
  /** Texts of the kept rows, joined: a row reading the same is a copy. */
  readonly seen: Set<string>;
  duplicatesSkipped: boolean;
}

function noRowsRead(): RowsRead {
  return { next: 0, kept: [], memos: [], seen: new Set(), duplicatesSkipped: false };
}

/**
 * Whether a table row with these cell texts is a position row: a row with no text at all is a
 * spacer or a measure row, and virtualised lists and fixed-column copies can render a row twice.
 */
function acceptRow(read: RowsRead, texts: readonly string[]): boolean {
  if (texts.every((text) => text === '')) return false;
  const signature = texts.join('\u0001');
  if (read.seen.has(signature)) {
    read.duplicatesSkipped = true;
    return false;
  }
  read.seen.add(signature);
  return true;
}

/** Reads the located rows not read yet, until all are read or the clock passes `endsAt`. */
function readRowsUntil(located: Located, read: RowsRead, endsAt: number): void {
  const { sources, adapter, base, model } = located;
  while (read.next < sources.length) {
    const source = sources[read.next] as RowSource;
    read.next += 1;
    const texts = source.scanElements.map(readText);
    if (model.kind !== 'table' || acceptRow(read, texts)) {
      read.kept.push(source);
      read.memos.push(readRow(source, adapter, base.numberFormat, texts));
    }
    // At least one row per slice, so a slice always makes progress.
    if (endsAt !== Number.POSITIVE_INFINITY && performance.now() >= endsAt) return;
  }
}

function compose(
  located: Located,
  read: RowsRead,
  keep?: (snapshot: TableSnapshot) => void,
): ReadResult {
  const { root, adapter, base, area, model, fellBack, rowsMatched } = located;
  const { kept, memos } = read;
  const rows = withKeys(memos.map((memo) => memo.read));
  const status = rows.length === 0 ? 'no-positions' : fellBack || !rowsMatched ? 'degraded' : 'ok';
  const accountExclude = area ?? model.container;
  const result: ReadResult = {
    ...base,
    status,
    positionsArea: areaOf(located),
    rows,
    account: accountFor(root, adapter, rows, accountExclude),
  };
  // A page that renders copies of rows is read in full: a tick to one copy makes them distinct.
  if (keep !== undefined && model.kind === 'table' && !read.duplicatesSkipped && rows.length > 0) {
    keep({
      root,
      adapter,
      container: model.container,
      area,
      accountExclude,
      sources: kept,
      memos,
      result,
    });
  }
  return result;
}

function readUnsafe(
  root: ParentNode,
  adapter: Adapter,
  keep?: (snapshot: TableSnapshot) => void,
): ReadResult {
  const located = locate(root, adapter);
  if (!('model' in located)) return located;
  const read = noRowsRead();
  readRowsUntil(located, read, Number.POSITIVE_INFINITY);
  return compose(located, read, keep);
}

/**
 * Reads every open position the page shows.
 *
 * @param root - the document (or a subtree) of the exchange page.
 * @param adapter - the site's adapter, or GENERIC_ADAPTER for tables of unknown layout.
 * @param keep - receives what a table read leaves for an incremental re-read (read-incremental.ts).
 * @returns the rows with raw texts and problems; never throws.
 */
export function readPositions(
  root: ParentNode,
  adapter: Adapter,
  keep?: (snapshot: TableSnapshot) => void,
): ReadResult {
  try {
    return withTextCache(() => readUnsafe(root, adapter, keep));
  } catch {
    return unreadable(adapter);
  }
}

/** A page we cannot read must never break: report it as degraded and read nothing. */
function unreadable(adapter: Adapter): ReadResult {
  return {
    status: 'degraded',
    adapterId: adapter.id,
    positionsArea: null,
    rows: [],
    account: {},
    numberFormat: numberFormatForLocale(null),
  };
}

/**
 * A full read cut into slices, each in its own task, so that reading a long table cold (the first
 * read runs in V8's interpreter, compiling as it goes) never makes a long task on the page.
 */
export interface SlicedRead {
  /** The area the finished read will report: observe it from the first slice, so no change made
   * between slices is missed (the rows read before it are then read again). */
  readonly positionsArea: Element | null;
  /**
   * Reads more rows until the clock (`performance.now()`) passes `endsAt`, and at least one.
   * @returns the result once every row is read, else null: call again in a later task
   */
  next(endsAt: number): ReadResult | null;
  /**
   * True once `next` answered with a read in full (a row had left the page): that answer is as of
   * now, so changes made while the slices ran are in it already.
   */
  readonly readAgainInFull: boolean;
}

/**
 * Starts a full read that stops at `endsAt` (performance.now() time): after locating the table
 * when that took the slice, else after the rows read by then (at least one).
 *
 * @returns the result when the read finished in this slice, else the read to go on with
 */
export function startSlicedRead(
  root: ParentNode,
  adapter: Adapter,
  endsAt: number,
  keep?: (snapshot: TableSnapshot) => void,
): ReadResult | SlicedRead {
  let located: Located | ReadResult;
  try {
    located = withTextCache(() => locate(root, adapter));
  } catch {
    return unreadable(adapter);
  }
  if (!('model' in located)) return located;
  const table = located;
  const read = noRowsRead();
  let readAgainInFull = false;
  const next = (sliceEndsAt: number): ReadResult | null => {
    try {
      return withTextCache(() => {
        readRowsUntil(table, read, sliceEndsAt);
        if (read.next < table.sources.length) return null;
        // A row left the page between slices: what was read is not a table any more; read it
        // again in full, now. Text changed meanwhile is caught by the watcher's records.
        if (!table.sources.every((source) => source.element.isConnected)) {
          readAgainInFull = true;
          return readUnsafe(root, adapter, keep);
        }
        return compose(table, read, keep);
      });
    } catch {
      return unreadable(adapter);
    }
  };
  const sliced: SlicedRead = {
    positionsArea: areaOf(table),
    next,
    get readAgainInFull() {
      return readAgainInFull;
    },
  };
  // Locating a table read cold can take the whole slice: its rows then start in the next one.
  if (performance.now() >= endsAt) return sliced;
  return next(endsAt) ?? sliced;
}

/**
 * The context positionFromRaw needs for rows of this read.
 *
 * @param contractSize - from core/venues when the size is counted in contracts (absent otherwise).
 */
export function rawContextFor(
  adapter: Adapter,
  result: ReadResult,
  product: Product,
  contractSize?: string,
): RawContext {
  const context: RawContext = {
    venue: adapter.venue,
    format: result.numberFormat,
    sizeUnit: adapter.sizeUnit[product === 'inverse' ? 'inverse' : 'linear'],
    ...(result.account.walletBalance === undefined
      ? {}
      : { walletBalance: result.account.walletBalance }),
    ...(contractSize === undefined ? {} : { contractSize }),
  };
  return context;
}

export { GENERIC_ADAPTER, accountFor };
