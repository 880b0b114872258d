/**
 * One position row (a table row or a card) → raw field texts and field problems, by applying the
 * adapter's ordered locators. Each cell is read on its own (exchange-pages.md §10.8).
 */
import { leverageTextFrom, marginModeFromText, sideWordIn } from '../../core/position-text';
import type { Card } from './read-cards';
import { matchesLabel, matchesNormalizedLabel } from './read-header';
import type { TableModel, TableRow } from './read-table';
import { isInsideOwnElement, readText } from './read-text';
import type { FieldSpec, LabelText, Locator, PositionField } from './adapters/types';

/** A row, whatever its layout, seen through the three questions locators ask. */
export interface RowSource {
  readonly element: Element;
  /** Cells (tables) or text leaves (cards) to scan for side / leverage / margin-mode words. */
  readonly scanElements: readonly Element[];
  valueForLabel(label: LabelText): LocatorHit;
}

/** `empty`: the place exists but holds no text yet (a skeleton); `ambiguous`: several places. */
export type LocatorHit = { readonly text: string } | 'empty' | 'ambiguous' | null;

/** Columns whose header matches a label, memoised per table model (one read pass). */
const columnsByModel = new WeakMap<TableModel, Map<LabelText, number[]>>();

function columnsFor(model: TableModel, label: LabelText): number[] {
  let byLabel = columnsByModel.get(model);
  if (byLabel === undefined) {
    byLabel = new Map();
    columnsByModel.set(model, byLabel);
  }
  let columns = byLabel.get(label);
  if (columns === undefined) {
    columns = [];
    model.normalizedHeaders.forEach((header, index) => {
      if (matchesNormalizedLabel(header, label)) columns?.push(index); // assigned just above
    });
    byLabel.set(label, columns);
  }
  return columns;
}

export function tableRowSource(model: TableModel, row: TableRow): RowSource {
  return {
    element: row.element,
    scanElements: row.cells,
    valueForLabel(label) {
      const columns = columnsFor(model, label);
      if (columns.length > 1) return 'ambiguous';
      const column = columns[0];
      if (column === undefined) return null;
      const cell = row.cells[column];
      // A missing cell: the row is shorter than the header (colspan or a skeleton row).
      if (cell === undefined) return 'empty';
      const text = readText(cell);
      return text === '' ? 'empty' : { text };
    },
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

function attrSelector(attr: string, value: string | undefined): string {
  if (value === undefined) return `[${attr}]`;
  return `[${attr}="${value.replace(/["\\]/g, '\\$&')}"]`;
}

/** A symbol that names its quote, so a unit or a word is never taken for it (card titles). */
const QUOTED_SYMBOL = /^[A-Z0-9]{2,}[-_/]?(?:USDT|USDC|USD|BUSD|FDUSD)(?:[-_]?(?:PERP|SWAP))?$/;

/** The field's word inside any scanned element: `Short`, `20x`, `Cross`, `全仓`, `BTC-USD`. */
function scanHit(field: PositionField, source: RowSource): LocatorHit {
  if (field === 'symbol') {
    const symbols = new Set<string>();
    for (const element of source.scanElements) {
      for (const token of readText(element).split(/\s+/)) {
        if (QUOTED_SYMBOL.test(token)) symbols.add(token);
      }
    }
    if (symbols.size > 1) return 'ambiguous';
    const only = symbols.values().next();
    return only.done === true ? null : { text: only.value };
  }
  const found = new Set<string>();
  const sides = new Set<string>();
  for (const element of source.scanElements) {
    const text = readText(element);
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

function locate(locator: Locator, field: PositionField, source: RowSource): LocatorHit {
  if ('css' in locator) return queryHit(source.element, locator.css, field);
  if ('attr' in locator) {
    return queryHit(source.element, attrSelector(locator.attr, locator.value), field);
  }
  if ('label' in locator) return source.valueForLabel(locator.label);
  return scanHit(field, source);
}

export type FieldOutcome =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'not-found' | 'ambiguous' | 'not-rendered-yet' };

/** Tries the field's locators in order; the first that yields text wins. */
export function readField(field: PositionField, spec: FieldSpec, source: RowSource): FieldOutcome {
  let sawEmpty = false;
  for (const locator of spec.locators) {
    const hit = locate(locator, field, source);
    if (hit === 'ambiguous') return { ok: false, reason: 'ambiguous' };
    if (hit === 'empty') sawEmpty = true;
    else if (hit !== null) return { ok: true, text: hit.text };
  }
  return { ok: false, reason: sawEmpty ? 'not-rendered-yet' : 'not-found' };
}

const SYMBOL_TOKEN = /^[A-Za-z0-9]+(?:[-_/:.][A-Za-z0-9]+)*$/;

/**
 * The symbol inside a symbol cell such as `BTCUSDT Perp Cross 20x`, `ETH 20x`, `xyz:NVDA`,
 * `BTCUSDT 永续`: the first token with a letter that is not a side, mode or leverage word.
 */
export function symbolTokenFrom(text: string): string | null {
  for (const token of text.normalize('NFKC').split(/\s+/)) {
    if (!SYMBOL_TOKEN.test(token) || !/[A-Za-z]/.test(token)) continue;
    if (sideWordIn(token) !== null || marginModeFromText(token) !== null) continue;
    if (leverageTextFrom(token) !== null) continue;
    return token;
  }
  return null;
}
