/** Bitget (formulas.md §5): isolated form (L) with f = taker; pre-calculated offset (cum) since 2025-11-10. */
import type { Venue } from './types';

const SOURCE = 'https://www.bitget.com/support/articles/12560603808759';

export const BITGET: Venue = {
  id: 'bitget',
  name: 'Bitget',
  products: {
    linear: {
      maintenanceBasis: 'mark',
      closeFee: 'liquidation',
      takerFeeRate: '0.0006',
      confirmed: true,
      source: SOURCE,
    },
  },
  contractSizes: {},
  tierTables: [],
  source: SOURCE,
  takenOn: '2026-11-22',
  confirmed: true,
  notes:
    'Taker 0.06 % is the non-VIP futures rate (not confirmed from a Bitget page here). Coin-M formula not captured; no tier tables.',
};
