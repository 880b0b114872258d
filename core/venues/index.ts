/**
 * The venue registry (sorted by id) and lookups: tier tables and contract sizes by symbol.
 */
import type { Product } from '../contract';
import { BINANCE } from './binance';
import { BITGET } from './bitget';
import { BYBIT } from './bybit';
import { DYDX } from './dydx';
import { GATE } from './gate';
import { HTX } from './htx';
import { HYPERLIQUID } from './hyperliquid';
import { JASPERVAULT } from './jaspervault';
import { MEXC } from './mexc';
import { OKX } from './okx';
import { normaliseSymbol } from './symbol';
import type { TierTable, Venue } from './types';

/** Venue data is frozen so that nothing can alter a preset at run time (and validated tables can be cached). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

export const VENUES: readonly Venue[] = deepFreeze([
  BINANCE,
  BITGET,
  BYBIT,
  DYDX,
  GATE,
  HTX,
  HYPERLIQUID,
  JASPERVAULT,
  MEXC,
  OKX,
]);

/** Quote families that settle the same way: a table for USDT does not serve USDC. "USD" names inverse contracts. */
const INVERSE_QUOTES = new Set(['USD']);

/** The venue preset with this id (binance, okx, ...), or null. */
export function findVenue(id: string): Venue | null {
  return VENUES.find((venue) => venue.id === id) ?? null;
}

/**
 * The tier table of `symbol` on `venue`.
 *
 * @param symbol - any spelling: BTCUSDT, BTC-USDT-SWAP, BTC_USDT, BTC/USDT:USDT, BTC.
 * @param product - narrows a coin-only symbol ("BTC") to the product's table.
 * @returns the table, or null (unknown venue or symbol, dated contract, no table held).
 */
export function findTierTable(
  venueId: string,
  symbol: string,
  product?: Product,
): TierTable | null {
  const venue = findVenue(venueId);
  const normalised = normaliseSymbol(symbol);
  if (venue === null || normalised === null || normalised.dated) return null;
  const { base, quote } = normalised;
  return (
    venue.tierTables.find(
      (table) =>
        table.base === base &&
        (product === undefined || table.product === product) &&
        (quote === null || table.quote === quote),
    ) ?? null
  );
}

/**
 * Contract size of `symbol` for `product` on `venue` (inverse: USD per contract; linear: base per contract).
 *
 * @returns a decimal string, or null when the venue does not standardise it here.
 */
export function findContractSize(venueId: string, symbol: string, product: Product): string | null {
  const venue = findVenue(venueId);
  const normalised = normaliseSymbol(symbol);
  if (venue === null || normalised === null) return null;
  const quote = normalised.quote ?? (product === 'inverse' ? 'USD' : null);
  if (quote === null) return null;
  const listed = venue.contractSizes[`${product}:${normalised.base}/${quote}`];
  if (listed !== undefined) return listed;
  if (product === 'inverse' && INVERSE_QUOTES.has(quote))
    return venue.defaultInverseContractSize ?? null;
  return null;
}

export type { TierTable, Venue } from './types';
export { normaliseSymbol } from './symbol';
