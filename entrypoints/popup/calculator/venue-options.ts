/**
 * Venues offered in the calculator's venue select, from the core's venue data so the select and the
 * core always agree, with the symbols that have a tier table (for the symbol suggestions).
 */
import type { Product } from '../../../core/contract';
import { VENUES } from '../../../core/venues/index';

export interface VenueOption {
  readonly id: string;
  readonly label: string;
  readonly symbols: readonly string[];
  /** The venue's default taker rate per product, shown as the fee placeholder. */
  readonly takerFeeRates: Readonly<Partial<Record<Product, string>>>;
}

export const VENUE_OPTIONS: readonly VenueOption[] = VENUES.map((venue) => ({
  id: venue.id,
  label: venue.name,
  symbols: [...new Set(venue.tierTables.map((table) => `${table.base}${table.quote}`))],
  takerFeeRates: Object.fromEntries(
    Object.entries(venue.products).map(([product, conventions]) => [
      product,
      conventions.takerFeeRate,
    ]),
  ),
}));
