/**
 * Binance USDⓈ-M and COIN-M (formulas.md §1–2). Maintenance at mark, no fee term in the formula
 * (a separate clearance fee is charged after liquidation). Brackets change often: fetch
 * /fapi/v1/leverageBracket for live values; these are a dated snapshot.
 */
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

/** Encoded as in compact-tiers.ts ("cap:maintMarginRatio"; cum by Binance's recurrence). */
const BTCUSDT =
  '50000:.004 600000:.005 3000000:.0065 12000000:.01 70000000:.02 100000000:.025 230000000:.05 480000000:.1 600000000:.125 800000000:.15 1200000000:.25 1800000000:.5';
const ETHUSDT =
  '50000:.004 600000:.005 3000000:.0065 12000000:.01 50000000:.02 65000000:.025 150000000:.05 320000000:.1 400000000:.125 530000000:.15 800000000:.25 1200000000:.5';

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
      tiers: decodeTiers(BTCUSDT),
      source: BRACKETS_SOURCE,
      takenOn: '2024-10-24',
    },
    {
      base: 'ETH',
      quote: 'USDT',
      product: 'linear',
      measure: 'notional',
      tiers: decodeTiers(ETHUSDT),
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
