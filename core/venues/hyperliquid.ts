/**
 * Hyperliquid (formulas.md §9): MMR = 1 / (2 × maxLeverage), no fee term, maintenance at mark.
 * Margin tables (docs trading/margin-tiers; live `meta` 2026-09): BTC 40x to 150M notional then 20x;
 * ETH 25x to 100M then 15x. The maintenance deduction between tiers follows the continuity recurrence
 * (derived; the tiers module fills it in when absent).
 */
import type { TierInput } from '../contract';
import { ONE, Decimal } from '../decimal';
import type { Venue } from './types';

const SOURCE = 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations';
const TABLE_SOURCE =
  'hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers (formulas.md §9)';

/** 1 / (2 × maxLeverage) as a decimal string (40 significant digits for 1/30). */
function rateForLeverage(maxLeverage: string): string {
  return ONE.div(new Decimal(maxLeverage).times(2)).toFixed();
}

function table(boundary: string, lowLeverage: string, highLeverage: string): TierInput[] {
  return [
    {
      notionalFloor: '0',
      notionalCap: boundary,
      maintenanceMarginRate: rateForLeverage(lowLeverage),
    },
    { notionalFloor: boundary, maintenanceMarginRate: rateForLeverage(highLeverage) },
  ];
}

export const HYPERLIQUID: Venue = {
  id: 'hyperliquid',
  name: 'Hyperliquid',
  products: {
    linear: {
      maintenanceBasis: 'mark',
      closeFee: 'none',
      takerFeeRate: '0.00045',
      confirmed: true,
      source: SOURCE,
    },
  },
  contractSizes: {},
  tierTables: [
    {
      base: 'BTC',
      quote: 'USDC',
      product: 'linear',
      measure: 'notional',
      tiers: table('150000000', '40', '20'),
      source: TABLE_SOURCE,
      takenOn: '2026-09',
    },
    {
      base: 'ETH',
      quote: 'USDC',
      product: 'linear',
      measure: 'notional',
      tiers: table('100000000', '25', '15'),
      source: TABLE_SOURCE,
      takenOn: '2026-09',
    },
  ],
  source: SOURCE,
  takenOn: '2026-11-22',
  confirmed: true,
  notes:
    'Use marginUsed (net of the opening fee) as the isolated margin, not notional / leverage (formulas.md §9).',
};
