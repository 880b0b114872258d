/**
 * Venue symbol spellings → base and quote: BTCUSDT, BTC-USDT-SWAP, BTC_USDT, BTC/USDT:USDT, BTCUSD_PERP,
 * BTC-USD (dYdX), BTC (Hyperliquid). Dated contracts (BTCUSD_250328, BTC-USD-250328) are flagged:
 * their tiers differ from the perpetual's, so no perpetual table applies to them.
 */

export interface NormalisedSymbol {
  readonly base: string;
  /** null when the spelling names only the coin (Hyperliquid "BTC"). */
  readonly quote: string | null;
  readonly dated: boolean;
}

const QUOTES = ['FDUSD', 'USDT', 'USDC', 'BUSD', 'USD'] as const;
const PERPETUAL_SUFFIX = /(?:[-_ ]?PERP(?:ETUAL)?|-SWAP|\.P)$/;
const DATED_SUFFIX = /[-_]\d{6}$/;

/**
 * @returns base/quote in upper case, or null for an empty or unreadable symbol.
 */
export function normaliseSymbol(symbol: string): NormalisedSymbol | null {
  if (typeof symbol !== 'string') return null;
  let text = symbol.trim().toUpperCase();
  // ccxt unified form BASE/QUOTE:SETTLE.
  text = text.split(':')[0] ?? '';
  const dated = DATED_SUFFIX.test(text);
  text = text.replace(DATED_SUFFIX, '').replace(PERPETUAL_SUFFIX, '');
  if (!/^[A-Z0-9]+(?:[-_/][A-Z0-9]+)?$/.test(text)) return null;
  const parts = text.split(/[-_/]/);
  if (parts.length === 2) return { base: parts[0] ?? '', quote: parts[1] ?? null, dated };
  for (const quote of QUOTES) {
    if (text.length > quote.length && text.endsWith(quote)) {
      return { base: text.slice(0, -quote.length), quote, dated };
    }
  }
  return { base: text, quote: null, dated };
}
