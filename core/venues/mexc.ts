/** MEXC (formulas.md §8): maintenance on entry value (form L-entry); the published example excludes fees. */
import type { Venue } from './types';

const SOURCE = 'https://blog.mexc.fm/liquidation-in-futures-2';

export const MEXC: Venue = {
  id: 'mexc',
  name: 'MEXC',
  products: {
    linear: {
      maintenanceBasis: 'entry',
      closeFee: 'none',
      takerFeeRate: '0.0002',
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
    'The actual rule adds liquidation fees ("PM + uPnL ≤ MM + liquidation fees"); the example and this preset leave them out.',
};
