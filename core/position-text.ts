/**
 * Words and symbols on exchange pages → side, margin mode, leverage text and product (linear or
 * inverse by the symbol alone). Split from position-from-raw.ts because the page-side reader uses
 * these and must not bundle decimal.js or the venue tables (design.md §6 content-script budget):
 * this file imports only the string-exact parser.
 */
import type { MarginMode, Product, Side } from './contract';
import { compareDecimal } from './decimal-string';
import { parseNumber, type NumberFormat, type ParsedNumber } from './parse-number';

/** NFKC folds full-width forms; ASCII text is already in that form, and most cells are ASCII. */
function nfkc(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC');
}

export const QUOTE_ASSETS = ['USDT', 'USDC', 'BUSD', 'FDUSD', 'USDE', 'USD'] as const;

/** Side words seen on the venues (exchange-pages.md §10.4), compared as whole tokens. */
const LONG_WORDS = new Set(['long', 'buy', '多', '做多', '多头', '多仓', '开多', '開多', '多頭']);
const SHORT_WORDS = new Set([
  'short',
  'sell',
  '空',
  '做空',
  '空头',
  '空仓',
  '开空',
  '開空',
  '空頭',
]);

type SideWord = { readonly side: Side; readonly word: string } | 'ambiguous' | null;

/**
 * A pure function of a page text, memoised per text: the reader asks about the same cells on
 * every tick. Bounded: a page with ever-new texts (prices) clears the memo instead of growing it.
 */
export function perText<T extends object | string | null>(
  compute: (text: string) => T,
): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    let found = memo.get(text);
    if (found === undefined) {
      if (memo.size >= 2000) memo.clear();
      found = compute(text);
      memo.set(text, found);
    }
    return found;
  };
}

/**
 * The side word in a text: a whole token such as `Long`, `Sell`, `多`, `做空`.
 *
 * @returns the side with the word as written, 'ambiguous' when both sides are named, or null.
 */
export const sideWordIn = perText(sideWordUncached);

function sideWordUncached(text: string): SideWord {
  const tokens = nfkc(text)
    .split(/[\s()[\]/|·,]+/)
    .filter((token) => token !== '');
  const long = tokens.find((token) => LONG_WORDS.has(token.toLowerCase()));
  const short = tokens.find((token) => SHORT_WORDS.has(token.toLowerCase()));
  if (long !== undefined && short !== undefined) return 'ambiguous';
  if (long !== undefined) return { side: 'long', word: long };
  if (short !== undefined) return { side: 'short', word: short };
  return null;
}

/** Side from explicit text (see sideWordIn). */
export function sideFromText(text: string): Side | 'ambiguous' | null {
  const found = sideWordIn(text);
  return found === null || found === 'ambiguous' ? found : found.side;
}

/** `Cross`, `(Isolated)`, `全仓`, `逐倉` (Binance, OKX, Bybit, Hyperliquid; exchange-pages.md §10.5). */
const MARGIN_MODE_PATTERN = /(?<![a-z])(cross(?:ed)?|isolated)(?![a-z])|(全仓|全倉|逐仓|逐倉)/i;

/** Margin mode from text, with the matched words (e.g. "Cross"), or null. */
export const marginModeFromText = perText(function marginModeUncached(
  text: string,
): { readonly mode: MarginMode; readonly text: string } | null {
  const match = MARGIN_MODE_PATTERN.exec(nfkc(text));
  if (!match) return null;
  const words = match[0];
  const lower = words.toLowerCase();
  const mode: MarginMode = lower.startsWith('cross') || /全/.test(words) ? 'cross' : 'isolated';
  return { mode, text: words };
});

/** A leverage badge: `20x`, `20X`, `5.5x`, `20×`, `全仓20x`; not `0x12ab` (lookarounds). */
const LEVERAGE_PATTERN = /(?<![\w.])(\d{1,3}(?:\.\d{1,2})?)\s?[xX×](?![\w])/;

/** The leverage badge inside a text (e.g. "20x" from "Cross 20x"), or null. */
export const leverageTextFrom = perText((text): string | null => {
  const match = LEVERAGE_PATTERN.exec(nfkc(text));
  return match ? match[0].replace(/\s/g, '') : null;
});

/**
 * Side from price geometry, the last resort (exchange-pages.md §10.4): a long is liquidated below
 * its entry, a short above. Needs both prices on the page.
 */
export function sideFromGeometry(
  entryPriceText: string,
  liquidationPriceText: string,
  format?: NumberFormat,
): Side | null {
  return sideFromPrices(
    parseNumber(entryPriceText, format),
    parseNumber(liquidationPriceText, format),
  );
}

/** sideFromGeometry for prices already parsed (the page reader parses each cell once). */
export function sideFromPrices(entry: ParsedNumber, liquidation: ParsedNumber): Side | null {
  if (!entry.ok || !liquidation.ok) return null;
  if (compareDecimal(entry.value, '0') <= 0 || compareDecimal(liquidation.value, '0') <= 0) {
    return null;
  }
  const order = compareDecimal(liquidation.value, entry.value);
  if (order === 0) return null;
  return order < 0 ? 'long' : 'short';
}

/** The symbol as the core's venue lookup wants it: upper case, no spaces, no market suffix. */
export function symbolParts(symbol: string): {
  readonly base: string;
  readonly quote: string | null;
} {
  const upper = nfkc(symbol).toUpperCase().replace(/\s+/g, '');
  // HIP-3 markets ("xyz:NVDA") keep the coin after the namespace.
  const withoutNamespace = upper.includes(':') ? (upper.split(':').pop() ?? upper) : upper;
  const pieces = withoutNamespace
    .replace(/[-_/]?(PERP|PERPETUAL|SWAP|\d{6})$/, '')
    .split(/[-_/]/)
    .filter((piece) => piece !== '');
  if (pieces.length >= 2) {
    return { base: pieces[0] ?? '', quote: pieces[1] ?? null };
  }
  const joined = pieces[0] ?? '';
  for (const quote of QUOTE_ASSETS) {
    if (joined.length > quote.length && joined.endsWith(quote)) {
      return { base: joined.slice(0, -quote.length), quote };
    }
  }
  return { base: joined, quote: null };
}

/**
 * Linear or inverse by the symbol alone: a USD (not USDT/USDC) quote is coin-margined (Binance
 * BTCUSD_PERP, Bybit BTCUSD, OKX BTC-USD-SWAP, Gate BTC_USD). position-from-raw's
 * productFromSymbol also knows venues that list only linear products.
 */
export const productFromSymbolText = perText((symbol): Product =>
  symbolParts(symbol).quote === 'USD' ? 'inverse' : 'linear',
);
