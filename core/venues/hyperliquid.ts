/**
 * Hyperliquid (formulas.md §9): MMR = 1 / (2 × maxLeverage), no fee term, maintenance at mark.
 * Margin tables (docs trading/margin-tiers; live `meta` 2026-09): BTC 40x to 150M notional then 20x;
 * ETH 25x to 100M then 15x. The maintenance deduction between tiers follows the continuity recurrence
 * (derived; the tiers module fills it in when absent).
 */
import type { TierInput } from '../contract';
import { ONE, Decimal } from '../decimal';
import type { TierTable, Venue } from './types';

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

/**
 * Mainnet margin tiers of the docs page (trading/margin-tiers, "Mainnet margin tiers") for the other
 * tiered coins, as transcribed in a public file (find_string id 39458853897, "Hyperliquid 主网保证金层级配置");
 * the docs version's date is not stated there. Coins not listed use a flat table at their meta
 * maxLeverage, which we do not hold: enter the rate for them.
 */
const DOCS_TIERS_SOURCE =
  'hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers (mainnet), via a public transcription (find_string id 39458853897)';
const DOCS_TIERS_NOTE = 'docs version date not stated; read 2026-11-22';

/** [boundary, max leverage below, max leverage above, coins] (Hyperliquid names: kPEPE → KPEPE). */
const DOCS_GROUPS: readonly (readonly [string, string, string, readonly string[]])[] = [
  ['70000000', '20', '10', ['SOL']],
  ['40000000', '20', '10', ['XRP']],
  [
    '20000000',
    '10',
    '5',
    [
      'DOGE',
      'KPEPE',
      'SUI',
      'WLD',
      'TRUMP',
      'LTC',
      'ENA',
      'POPCAT',
      'WIF',
      'AAVE',
      'KBONK',
      'LINK',
    ],
  ],
  [
    '20000000',
    '10',
    '5',
    ['CRV', 'AVAX', 'ADA', 'UNI', 'NEAR', 'TIA', 'APT', 'BCH', 'HYPE', 'FARTCOIN'],
  ],
  [
    '3000000',
    '10',
    '5',
    ['OP', 'ARB', 'LDO', 'TON', 'MKR', 'ONDO', 'JUP', 'INJ', 'KSHIB', 'SEI', 'TRX', 'BNB', 'DOT'],
  ],
];

const DOCS_TABLES: readonly TierTable[] = DOCS_GROUPS.flatMap(([boundary, low, high, coins]) => {
  const tiers = table(boundary, low, high);
  return coins.map((base): TierTable => ({
    base,
    quote: 'USDC',
    product: 'linear',
    measure: 'notional',
    tiers,
    source: DOCS_TIERS_SOURCE,
    takenOn: '2026-11-22',
    note: DOCS_TIERS_NOTE,
  }));
});

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
    ...DOCS_TABLES,
  ],
  source: SOURCE,
  takenOn: '2026-11-22',
  confirmed: true,
  notes:
    'Use marginUsed (net of the opening fee) as the isolated margin, not notional / leverage (formulas.md §9).',
};
