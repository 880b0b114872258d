/**
 * Bybit (formulas.md §3): classic USDT contracts take maintenance on the ENTRY value with no fee term
 * (vectors bybit-linear-*); inverse cross charges the close fee at the bankruptcy price
 * (help.bybit.com/hc/en-us/articles/360039261334, vector bybit-inverse-cross-long-btcusd).
 * The UTA 2026 article adds fee terms to isolated positions; not modelled (unconfirmed, formulas.md §3).
 */
import { decodeTiers } from './compact-tiers';
import type { Venue } from './types';

const LINEAR_SOURCE =
  'https://help.bybit.com/hc/en-us/articles/900000181046-Liquidation-Price-USDT-Contract-';
const INVERSE_SOURCE = 'https://help.bybit.com/hc/en-us/articles/360039261334';
const RISK_LIMIT_SOURCE =
  'GET /v5/market/risk-limit BTCUSDT, first three tiers as recorded 2026-10-01 in a public test (find_string id 70116685663); not checked against bybit.com';

export const BYBIT: Venue = {
  id: 'bybit',
  name: 'Bybit',
  products: {
    linear: {
      maintenanceBasis: 'entry',
      closeFee: 'none',
      takerFeeRate: '0.00055',
      confirmed: true,
      source: LINEAR_SOURCE,
    },
    // Taker 0.055 % is Bybit's non-VIP derivatives rate; the legacy article's example used 0.075 %.
    inverse: {
      maintenanceBasis: 'entry',
      closeFee: 'bankruptcy',
      takerFeeRate: '0.00055',
      confirmed: false,
      source: INVERSE_SOURCE,
    },
  },
  contractSizes: { 'inverse:BTC/USD': '1', 'inverse:ETH/USD': '1' },
  tierTables: [
    {
      base: 'BTC',
      quote: 'USDT',
      product: 'linear',
      measure: 'notional',
      tiers: decodeTiers('300000:.0033 2000000:.005 2600000:.0056'),
      source: RISK_LIMIT_SOURCE,
      takenOn: '2026-10-01',
      note: 'first three risk-limit tiers only (to 2.6M USDT)',
    },
  ],
  source: LINEAR_SOURCE,
  takenOn: '2026-11-22',
  confirmed: true,
  notes: 'No ETHUSDT or inverse risk-limit table could be sourced: enter the rate for those.',
};
