/** dYdX v4 (formulas.md §10): isolated p' = (e − s·p)/(|s|·MMF − s), i.e. form (L), no fee term. */
import type { Venue } from './types';

const SOURCE =
  'docs.dydx.exchange concepts-trading/margin; dydx-documentation-six.vercel.app/concepts/trading/liquidations';

export const DYDX: Venue = {
  id: 'dydx',
  name: 'dYdX',
  products: {
    linear: {
      maintenanceBasis: 'mark',
      closeFee: 'none',
      takerFeeRate: '0.0005',
      confirmed: true,
      source: SOURCE,
    },
  },
  contractSizes: {},
  tierTables: [],
  source: SOURCE,
  takenOn: '2026-11-22',
  confirmed: true,
  notes: 'MMF is per market and not held here: enter it as the maintenance margin rate.',
};
