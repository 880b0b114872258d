/**
 * OKX (formulas.md §4): liquidation when margin ratio ≤ 100 % with MM + liquidation fee (taker) in the
 * denominator → forms (L)/(I) with f = taker. Position tiers are by SIZE (contracts × ctVal), not
 * notional. Contract values: BTC-USDT-SWAP 0.01 BTC, ETH-USDT-SWAP 0.1 ETH, BTC-USD-SWAP 100 USD,
 * ETH-USD-SWAP 10 USD.
 */
import { decodeTiers } from './compact-tiers';
import type { Venue } from './types';

const RULES_SOURCE =
  'okx.huicker.com tiered-maintenance-margin-ratio-rules (mirror of OKX help); ukcamo.com/4957.html';
const TIERS_SOURCE =
  'GET /api/v5/public/position-tiers (tier 1 only), as recorded live in a public test fixture (find_string id 68284932066); not checked against okx.com';

export const OKX: Venue = {
  id: 'okx',
  name: 'OKX',
  products: {
    linear: {
      maintenanceBasis: 'mark',
      closeFee: 'liquidation',
      takerFeeRate: '0.0005',
      confirmed: true,
      source: RULES_SOURCE,
    },
    inverse: {
      maintenanceBasis: 'mark',
      closeFee: 'liquidation',
      takerFeeRate: '0.0005',
      confirmed: true,
      source: 'ukcamo.com/5262.html; sw6e.com/12271.html',
    },
  },
  contractSizes: {
    'linear:BTC/USDT': '0.01',
    'linear:ETH/USDT': '0.1',
    'inverse:BTC/USD': '100',
    'inverse:ETH/USD': '10',
  },
  tierTables: [
    // Tier 1 only: 0–1000 contracts × 0.01 BTC = 10 BTC at MMR 0.4 %. Larger positions → LIQ_TIER_TABLE_EXCEEDED.
    {
      base: 'BTC',
      quote: 'USDT',
      product: 'linear',
      measure: 'base',
      tiers: decodeTiers('10:.004'),
      source: TIERS_SOURCE,
      takenOn: '2026-09',
      note: 'tier 1 only (maxSz 1000 contracts)',
    },
    // Tier 1 only: 0–5000 contracts × 0.1 ETH = 500 ETH at MMR 0.4 %.
    {
      base: 'ETH',
      quote: 'USDT',
      product: 'linear',
      measure: 'base',
      tiers: decodeTiers('500:.004'),
      source: TIERS_SOURCE,
      takenOn: '2026-09',
      note: 'tier 1 only (maxSz 5000 contracts)',
    },
  ],
  source: RULES_SOURCE,
  takenOn: '2026-11-22',
  confirmed: true,
  notes:
    'Whether OKX applies a tier deduction was not found (formulas.md §4); only tier 1 of BTC/ETH-USDT-SWAP is held. The default taker 0.05 % is the non-VIP rate quoted in "1.50% + 0.05%" (ukcamo.com/4957.html).',
};
