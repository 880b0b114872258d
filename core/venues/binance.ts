/**
 * Binance USDⓈ-M and COIN-M (formulas.md §1–2). Maintenance at mark, no fee term in the formula
 * (a separate clearance fee is charged after liquidation). Brackets change often: fetch
 * /fapi/v1/leverageBracket for live values; these are a dated snapshot.
 */
import type { TierInput } from '../contract';
import {
  BINANCE_BRACKETS_SOURCE,
  BINANCE_BRACKETS_TAKEN_ON,
  BINANCE_USDT_BRACKETS,
} from './binance-brackets';
import { decodeTiers } from './compact-tiers';
import type { TierTable, Venue } from './types';

const USDM_SOURCE = 'https://www.binance.com/en/support/faq/b3c689c1f50a44cabb3a84e663b81d93';
const COINM_SOURCE = 'https://www.binance.com/en/support/faq/ceccfcfb4e3a45e3b48b0b1bb1a8ae46';
const BRACKETS_SOURCE =
  'github.com/freqtrade/freqtrade freqtrade/exchange/binance_leverage_tiers.json @ 3d9514d2 (formulas.md §1)';

/** [floor, cap, MMR, cum] in USDT. */
type Row = readonly [string, string | null, string, string];
const rows = (table: readonly Row[]): TierInput[] =>
  table.map(([notionalFloor, cap, maintenanceMarginRate, maintenanceAmount]) =>
    cap === null
      ? { notionalFloor, maintenanceMarginRate, maintenanceAmount }
      : { notionalFloor, notionalCap: cap, maintenanceMarginRate, maintenanceAmount },
  );

const BTCUSDT: readonly Row[] = [
  ['0', '50000', '0.004', '0'],
  ['50000', '600000', '0.005', '50'],
  ['600000', '3000000', '0.0065', '950'],
  ['3000000', '12000000', '0.01', '11450'],
  ['12000000', '70000000', '0.02', '131450'],
  ['70000000', '100000000', '0.025', '481450'],
  ['100000000', '230000000', '0.05', '2981450'],
  ['230000000', '480000000', '0.1', '14481450'],
  ['480000000', '600000000', '0.125', '26481450'],
  ['600000000', '800000000', '0.15', '41481450'],
  ['800000000', '1200000000', '0.25', '121481450'],
  ['1200000000', '1800000000', '0.5', '421481450'],
];

const ETHUSDT: readonly Row[] = [
  ['0', '50000', '0.004', '0'],
  ['50000', '600000', '0.005', '50'],
  ['600000', '3000000', '0.0065', '950'],
  ['3000000', '12000000', '0.01', '11450'],
  ['12000000', '50000000', '0.02', '131450'],
  ['50000000', '65000000', '0.025', '381450'],
  ['65000000', '150000000', '0.05', '2006450'],
  ['150000000', '320000000', '0.1', '9506450'],
  ['320000000', '400000000', '0.125', '17506450'],
  ['400000000', '530000000', '0.15', '27506450'],
  ['530000000', '800000000', '0.25', '80506450'],
  ['800000000', '1200000000', '0.5', '280506450'],
];

export const BINANCE: Venue = {
  id: 'binance',
  name: 'Binance',
  products: {
    linear: {
      maintenanceBasis: 'mark',
      closeFee: 'none',
      takerFeeRate: '0.0005',
      confirmed: true,
      source: USDM_SOURCE,
    },
    inverse: {
      maintenanceBasis: 'mark',
      closeFee: 'none',
      takerFeeRate: '0.0005',
      confirmed: true,
      source: COINM_SOURCE,
    },
  },
  // COIN-M contract values: BTCUSD 100 USD, every other coin 10 USD (Binance COIN-M contract specs).
  contractSizes: { 'inverse:BTC/USD': '100', 'inverse:ETH/USD': '10' },
  defaultInverseContractSize: '10',
  tierTables: [
    {
      base: 'BTC',
      quote: 'USDT',
      product: 'linear',
      measure: 'notional',
      tiers: rows(BTCUSDT),
      source: BRACKETS_SOURCE,
      takenOn: '2024-10-24',
    },
    {
      base: 'ETH',
      quote: 'USDT',
      product: 'linear',
      measure: 'notional',
      tiers: rows(ETHUSDT),
      source: BRACKETS_SOURCE,
      takenOn: '2024-10-24',
    },
    ...Object.entries(BINANCE_USDT_BRACKETS).map(([base, encoded]): TierTable => ({
      base,
      quote: 'USDT',
      product: 'linear',
      measure: 'notional',
      tiers: decodeTiers(encoded),
      source: BINANCE_BRACKETS_SOURCE,
      takenOn: BINANCE_BRACKETS_TAKEN_ON,
    })),
  ],
  source: USDM_SOURCE,
  takenOn: '2026-11-22',
  confirmed: true,
  notes:
    'COIN-M (inverse) bracket tables are not included: no full table could be sourced (only the FAQ tier "300 BTC → 12.5 %, cum 11.605 BTC"). Enter the rate for COIN-M positions.',
};
