/** Gate (formulas.md §6): forms (L)/(I) with f = taker; the support reply quotes taker 0.075 %. */
import type { Venue } from './types';

const SOURCE =
  'gate.io/help/futures/futures/27724 (quoted in freqtrade exchange.py); gatenode.pro/post/status/3870211';

export const GATE: Venue = {
  id: 'gate',
  name: 'Gate',
  products: {
    linear: {
      maintenanceBasis: 'mark',
      closeFee: 'liquidation',
      takerFeeRate: '0.00075',
      confirmed: true,
      source: SOURCE,
    },
    inverse: {
      maintenanceBasis: 'mark',
      closeFee: 'liquidation',
      takerFeeRate: '0.00075',
      confirmed: true,
      source: SOURCE,
    },
  },
  // Gate USDT contracts: BTC_USDT 0.0001 BTC, ETH_USDT 0.01 ETH per contract (张).
  contractSizes: { 'linear:BTC/USDT': '0.0001', 'linear:ETH/USDT': '0.01' },
  tierTables: [],
  source: SOURCE,
  takenOn: '2026-11-22',
  confirmed: true,
  notes: 'Risk-limit tables not included: enter the rate.',
};
