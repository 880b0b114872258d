/**
 * One position row (a table row or a card) → raw field texts and field problems, by applying the
 * adapter's ordered locators. Each cell is read on its own (exchange-pages.md §10.8).
 */
import {
  leverageTextFrom,
  marginModeFromText,
  perText,
  sideWordIn,
} from '../../core/position-text';
import type { Card } from './read-cards';
import { matchesLabel, matchesNormalizedLabel } from './read-header';
import type { TableModel, TableRow } from './read-table';
import { isInsideOwnElement, readText } from './read-text';
import type {
  AttrLocator,
  CssLocator,
  FieldSpec,
  LabelText,
  Locator,
  PositionField,
} from './adapters/types';

/** A row, whatever its layout, seen through the three questions locators ask. */
export interface RowSource {
  readonly element: Element;
  /** Cells (tables) or text leaves (cards) to scan for side / leverage / margin-mode words. */
  readonly scanElements: readonly Element[];
  /** @param texts - the scan elements' texts, in order (read once per pass by the caller). */
  valueForLabel(label: LabelText, texts: readonly string[]): LocatorHit;
  /**
   * The scan elements a label's value is read from (tables: its column); null when the value
   * depends on more than those texts (cards), so a re-read can never keep it.
   */
  cellsFor(label: LabelText): readonly number[] | null;
}

/** `empty`: the place exists but holds no text yet (a skeleton); `ambiguous`: several places. */
export type LocatorHit = { readonly text: string } | 'empty' | 'ambiguous' | null;

/** The columns whose header matches a label, memoised per label for one table model. */
export function columnsOf(model: TableModel): (label: LabelText) => readonly number[] {
  const byLabel = new Map<LabelText, number[]>();
  return (label) => {
    let columns = byLabel.get(label);
    if (columns === undefined) {
      columns = model.normalizedHeaders.flatMap((header, index) =>
        matchesNormalizedLabel(header, label) ? [index] : [],
      );
      byLabel.set(label, columns);
    }
    return columns;
  };
}

/** @param columnsFor - columnsOf(the row's table model), shared by its rows. */
export function tableRowSource(
  columnsFor: (label: LabelText) => readonly number[],
  row: TableRow,
): RowSource {
  return {
    element: row.element,
    scanElements: row.cells,
    valueForLabel(label, texts) {
      const columns = columnsFor(label);
      if (columns.length > 1) return 'ambiguous';
      const column = columns[0];
      if (column === undefined) return null;
      // A missing cell: the row is shorter than the header (colspan or a skeleton row).
      const text = texts[column] ?? '';
      return text === '' ? 'empty' : { text };
    },
    cellsFor: columnsFor,
  };
}

export function cardRowSource(card: Card): RowSource {
  return {
    element: card.element,
    scanElements: card.leaves,
    valueForLabel(label) {
      const pairs = card.pairs.filter((pair) => matchesLabel(pair.label, label));
      if (pairs.length > 1) return 'ambiguous';
      const pair = pairs[0];
      if (pair === undefined) return null;
      return pair.value === '' ? 'empty' : { text: pair.value };
    },
    cellsFor: () => null,
  };
}

/** For side, leverage and mode, a selector may match several badges: keep those naming the field. */
function namesField(field: PositionField, text: string): boolean {
  if (field === 'side') return sideWordIn(text) !== null;
  if (field === 'leverage') return leverageTextFrom(text) !== null;
  if (field === 'marginMode') return marginModeFromText(text) !== null;
  return true;
}

function queryHit(row: Element, selector: string, field: PositionField): LocatorHit {
  const found = Array.from(row.querySelectorAll(selector)).filter(
    (element) =>
      !isInsideOwnElement(element) &&
      element.closest('[aria-hidden="true"]') === null &&
      namesField(field, readText(element)),
  );
  if (found.length === 0) return null;
  const texts = new Set(found.map((element) => readText(element)));
  if (texts.size > 1) return 'ambiguous';
  const text = found[0] === undefined ? '' : readText(found[0]);
  return text === '' ? 'empty' : { text };
}

/** The CSS selector of a css or attribute locator (an attribute without value: its presence). */
export function selectorOf(locator: AttrLocator | CssLocator): string {
  if ('css' in locator) return locator.css;
  return locator.value === undefined
    ? `[${locator.attr}]`
    : `[${locator.attr}="${locator.value.replace(/["\\]/g, '\\$&')}"]`;
}

/** A symbol that names its quote, so a unit or a word is never taken for it (card titles). */
const QUOTED_SYMBOL = /^[A-Z0-9]{2,}[-_/]?(?:USDT|USDC|USD|BUSD|FDUSD)(?:[-_]?(?:PERP|SWAP))?$/;

/**
 * Texts that may name a side, mode, leverage or quoted symbol: non-ASCII (CJK words, `×`,
 * full-width forms), the English side and mode words, a digit before `x`, or two symbol
 * characters before a USD quote. Any other text (`62,010.5`, `-12.40 USDT`, `2.41%`) names none
 * and is not scanned: most cells, and the ones that tick.
 */
const MAY_NAME = /[^ -~]|long|buy|short|sell|cross|isolated|\d\s?x|[a-z\d]{2}[-_/]?(?:b|fd)?usd/i;

const SCANNED: readonly PositionField[] = ['symbol', 'side', 'leverage', 'marginMode'];

/** The field's word inside any scanned element: `Short`, `20x`, `Cross`, `全仓`, `BTC-USD`. */
function scanHit(field: PositionField, texts: readonly string[]): LocatorHit {
  if (field === 'symbol') {
    const symbols = new Set<string>();
    for (const text of texts) {
      if (!MAY_NAME.test(text)) continue;
      for (const token of text.split(/\s+/)) {
        if (QUOTED_SYMBOL.test(token)) symbols.add(token);
      }
    }
    if (symbols.size > 1) return 'ambiguous';
    const only = symbols.values().next();
    return only.done === true ? null : { text: only.value };
  }
  const found = new Set<string>();
  const sides = new Set<string>();
  for (const text of texts) {
    if (!MAY_NAME.test(text)) continue;
    if (field === 'side') {
      const side = sideWordIn(text);
      if (side === 'ambiguous') return 'ambiguous';
      if (side !== null) {
        found.add(side.word);
        sides.add(side.side);
      }
    } else if (field === 'leverage') {
      const leverage = leverageTextFrom(text);
      if (leverage !== null) found.add(leverage.toLowerCase());
    } else if (field === 'marginMode') {
      const mode = marginModeFromText(text);
      if (mode !== null) {
        found.add(mode.text);
        sides.add(mode.mode);
      }
    }
  }
  // Several spellings of one answer (a `Cross` badge and a `(Cross)` margin suffix) agree.
  const distinct = field === 'leverage' ? found.size : sides.size;
  if (distinct > 1) return 'ambiguous';
  const first = found.values().next();
  return first.done === true ? null : { text: first.value };
}

function locate(
  locator: Locator,
  field: PositionField,
  source: RowSource,
  texts: readonly string[],
): LocatorHit {
  if ('label' in locator) return source.valueForLabel(locator.label, texts);
  if ('scan' in locator) return scanHit(field, texts);
  return queryHit(source.element, selectorOf(locator), field);
}

/**
 * What a field's outcome was read from: the scan elements its label locators read (null when a
 * locator saw more than texts: css and attribute locators, card labels), and whether a row scan
 * was consulted. A re-read keeps the outcome unless one of these changed.
 */
export interface FieldReads {
  readonly cells: readonly number[] | null;
  readonly scan: boolean;
}

/** `at`: the index of the locator that decided (the number of locators when none did). */
export type FieldOutcome = { readonly at: number; readonly reads: FieldReads } & (
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'not-found' | 'ambiguous' | 'not-rendered-yet' }
);

/** The reads of one more consulted locator added to those of the locators before it. */
function withReads(reads: FieldReads, locator: Locator, source: RowSource): FieldReads {
  if ('scan' in locator) return reads.scan ? reads : { cells: reads.cells, scan: true };
  const cells = 'label' in locator ? source.cellsFor(locator.label) : null;
  if (cells === null || reads.cells === null) return { cells: null, scan: reads.scan };
  if (cells.length === 0) return reads;
  // Most fields decide at their first label: its columns array is shared, not copied.
  return { cells: reads.cells.length === 0 ? cells : [...reads.cells, ...cells], scan: reads.scan };
}

const NO_READS: FieldReads = { cells: [], scan: false };

/**
 * Tries the field's locators in order; the first that yields text wins.
 *
 * @param texts - the source's scan-element texts, in order.
 */
export function readField(
  field: PositionField,
  spec: FieldSpec,
  source: RowSource,
  texts: readonly string[],
): FieldOutcome {
  let sawEmpty = false;
  let at = 0;
  let reads = NO_READS;
  for (const locator of spec.locators) {
    const hit = locate(locator, field, source, texts);
    reads = withReads(reads, locator, source);
    if (hit === 'ambiguous') return { at, reads, ok: false, reason: 'ambiguous' };
    if (hit === 'empty') sawEmpty = true;
    else if (hit !== null) return { at, reads, ok: true, text: hit.text };
    at += 1;
  }
  return { at, reads, ok: false, reason: sawEmpty ? 'not-rendered-yet' : 'not-found' };
}

/** A text that may name something: its part in every row scan (symbol, side, leverage, mode). */
const scanKeysOf = perText((text) =>
  JSON.stringify(SCANNED.map((field) => scanHit(field, [text]))),
);

/**
 * A text's part in every row scan: equal keys, equal answers. '' for a text that names nothing, as
 * most ticking texts (prices, PnL): one regular expression, and no memo entry for every price a
 * feed shows (a lookup and an insertion of a fresh string cost more than the test).
 */
export function scanKeyOf(text: string): string {
  return MAY_NAME.test(text) ? scanKeysOf(text) : '';
}

/**
 * Whether any changed text moved in what the row scans can find (symbol, side, leverage, mode):
 * asked once per re-read row, not once per scanned field.
 *
 * @param changed - scan-element index → its text before the change.
 * @param keys - per scan element, the scan key of its text as last computed (undefined when not
 *   known); brought up to date for every changed element, so the next tick's old keys are known.
 */
export function scanTextsMoved(
  changed: ReadonlyMap<number, string>,
  texts: readonly string[],
  keys: (string | undefined)[],
): boolean {
  let moved = false;
  // forEach, not for-of: no entry array per changed cell on every tick (allocations.ts).
  changed.forEach((old, index) => {
    const before = keys[index] ?? scanKeyOf(old);
    const now = scanKeyOf(texts[index] ?? '');
    keys[index] = now;
    moved ||= before !== now;
  });
  return moved;
}

/**
 * Whether a field's outcome can differ after some of the source's texts changed: true when a
 * locator consulted last time (up to the one that decided) reads a changed text, or may read more
 * than texts (css and attribute locators see the row's elements, which a change may have replaced).
 *
 * @param changed - scan-element index → its text before the change.
 * @param scanMoved - whether the changed texts moved what row scans find (scanTextsMoved), asked
 *   only when a scan was consulted.
 */
export function fieldMayChange(
  before: FieldOutcome,
  changed: ReadonlyMap<number, string>,
  scanMoved: () => boolean,
): boolean {
  // Recorded by readField: no locator or column lookup per field on a re-read.
  const { cells, scan } = before.reads;
  if (cells === null) return true;
  // An indexed loop: no iterator per field per row on every tick (allocations.ts: ≈ 7 kB a tick).
  for (let index = 0; index < cells.length; index += 1) {
    if (changed.has(cells[index] as number)) return true;
  }
  return scan && scanMoved();
}

/** Two outcomes that answer the same (a re-read that found what it found before). */
export function sameOutcome(a: FieldOutcome, b: FieldOutcome): boolean {
  if (a === b) return true;
  if (a.at !== b.at) return false;
  if (a.ok) return b.ok && a.text === b.text;
  return !b.ok && a.reason === b.reason;
}

const SYMBOL_TOKEN = /^[A-Za-z0-9]+(?:[-_/:.][A-Za-z0-9]+)*$/;

/**
 * The symbol inside a symbol cell such as `BTCUSDT Perp Cross 20x`, `ETH 20x`, `xyz:NVDA`,
 * `BTCUSDT 永续`: the first token with a letter that is not a side, mode or leverage word.
 */
export const symbolTokenFrom = perText((text): string | null => {
  for (const token of text.normalize('NFKC').split(/\s+/)) {
    if (!SYMBOL_TOKEN.test(token) || !/[A-Za-z]/.test(token)) continue;
    if (sideWordIn(token) !== null || marginModeFromText(token) !== null) continue;
    if (leverageTextFrom(token) !== null) continue;
    return token;
  }
  return null;
});
