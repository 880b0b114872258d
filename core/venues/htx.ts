/**
 * HTX (formulas.md §7): only a margin-ratio rule with an adjustment factor was found; no closed form.
 * Maintenance basis (entry or mark) NOT confirmed: the mark preset here is an assumption, reported as
 * unconfirmed in every estimate that uses it.
 */
import type { Venue } from './types';

const SOURCE = 'htx.com/support/104919792315746';

export const HTX: Venue = {
  id: 'htx',
  name: 'HTX',
  products: {
    linear: {
      maintenanceBasis: 'mark',
      closeFee: 'none',
      takerFeeRate: '0.0005',
      confirmed: false,
      source: SOURCE,
    },
    inverse: {
      maintenanceBasis: 'mark',
      closeFee: 'none',
      takerFeeRate: '0.0005',
      confirmed: false,
      source: SOURCE,
    },
  },
  contractSizes: { 'inverse:BTC/USD': '100', 'inverse:ETH/USD': '10' },
  tierTables: [],
  source: SOURCE,
  takenOn: '2026-11-22',
  confirmed: false,
  notes:
    'Inverse contract values (BTC 100 USD, others 10 USD) follow the common convention and are not confirmed from an HTX page.',
};
