/**
 * Venue data: every preset cites a source and date, every tier table is well formed and continuous,
 * and symbol spellings resolve to the same table.
 */
import { describe, expect, it } from 'vitest';
import type { CoreError } from '../../core/contract';
import { Decimal } from '../../core/decimal';
import {
  estimatePosition,
  findContractSize,
  findTierTable,
  normaliseSymbol,
  VENUES,
} from '../../core/index';
import { validateTiers } from '../../core/liquidation/tiers';

const REQUIRED = [
  'binance',
  'okx',
  'bybit',
  'bitget',
  'gate',
  'htx',
  'mexc',
  'hyperliquid',
  'dydx',
  'jaspervault',
];

describe('venue registry', () => {
  it('holds every required venue, sorted by id, each with a source and a date', () => {
    const ids = VENUES.map((venue) => venue.id);
    expect([...ids].sort()).toEqual(ids);
    expect([...REQUIRED].sort()).toEqual(ids);
    for (const venue of VENUES) {
      expect(venue.source.length).toBeGreaterThan(10);
      expect(venue.takenOn).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      for (const conventions of Object.values(venue.products)) {
        expect(conventions.source.length).toBeGreaterThan(10);
        expect(new Decimal(conventions.takerFeeRate).gte(0)).toBe(true);
      }
    }
  });

  it.each(
    VENUES.flatMap((venue) =>
      venue.tierTables.map((table) => [`${venue.id} ${table.base}/${table.quote}`, table] as const),
    ),
  )('%s: tiers are well formed, continuous and dated', (_name, table) => {
    const errors: CoreError[] = [];
    const tiers = validateTiers(table.tiers, errors);
    expect(errors).toEqual([]);
    expect(table.takenOn).toMatch(/^\d{4}-\d{2}/);
    expect(table.source.length).toBeGreaterThan(10);
    // Published amounts equal the recurrence cum_n = floor_n·(MMR_n − MMR_{n−1}) + cum_{n−1}:
    // the requirement is continuous at every boundary, so exactly one tier is self-consistent.
    const tierList = tiers ?? [];
    tierList.forEach((tier, index) => {
      const previous = tierList[index - 1];
      if (previous === undefined) return;
      const below = tier.floor
        .times(previous.maintenanceMarginRate)
        .minus(previous.maintenanceAmount);
      const above = tier.floor.times(tier.maintenanceMarginRate).minus(tier.maintenanceAmount);
      expect(above.minus(below).abs().lt('1e-20')).toBe(true);
    });
  });
});

describe('normaliseSymbol and findTierTable', () => {
  it.each([
    ['BTCUSDT', 'BTC', 'USDT', false],
    ['BTC-USDT-SWAP', 'BTC', 'USDT', false],
    ['BTC_USDT', 'BTC', 'USDT', false],
    ['BTC/USDT:USDT', 'BTC', 'USDT', false],
    ['btcusdt', 'BTC', 'USDT', false],
    ['BTCUSD_PERP', 'BTC', 'USD', false],
    ['BTC-USD', 'BTC', 'USD', false],
    ['ETHUSDC', 'ETH', 'USDC', false],
    ['BTC', 'BTC', null, false],
    ['BTCUSD_250328', 'BTC', 'USD', true],
  ] as const)('%s → %s/%s', (symbol, base, quote, dated) => {
    expect(normaliseSymbol(symbol)).toEqual({ base, quote, dated });
  });

  it('finds the same table for every spelling', () => {
    const tables = ['BTCUSDT', 'BTC-USDT-SWAP', 'BTC_USDT', 'BTC/USDT:USDT', 'BTC'].map((symbol) =>
      findTierTable('binance', symbol, 'linear'),
    );
    expect(tables[0]).not.toBeNull();
    for (const table of tables) expect(table).toBe(tables[0]);
  });

  it('finds no table for an unknown pair, a dated contract, another quote or an unknown venue', () => {
    expect(findTierTable('binance', 'ZECUSDT', 'linear')).toBeNull();
    expect(findTierTable('binance', 'BTCUSDT_250328', 'linear')).toBeNull();
    expect(findTierTable('binance', 'BTCUSDC', 'linear')).toBeNull();
    expect(findTierTable('binance', 'BTCUSD_PERP', 'inverse')).toBeNull();
    expect(findTierTable('nowhere', 'BTCUSDT')).toBeNull();
    expect(findTierTable('hyperliquid', 'ETH')?.base).toBe('ETH');
  });

  it('knows the standard contract sizes', () => {
    expect(findContractSize('okx', 'BTC-USDT-SWAP', 'linear')).toBe('0.01');
    expect(findContractSize('okx', 'ETH-USDT-SWAP', 'linear')).toBe('0.1');
    expect(findContractSize('okx', 'BTC-USD-SWAP', 'inverse')).toBe('100');
    expect(findContractSize('okx', 'ETH-USD-SWAP', 'inverse')).toBe('10');
    expect(findContractSize('binance', 'BTCUSD_PERP', 'inverse')).toBe('100');
    expect(findContractSize('binance', 'ADAUSD_PERP', 'inverse')).toBe('10');
    expect(findContractSize('gate', 'BTC_USDT', 'linear')).toBe('0.0001');
    expect(findContractSize('gate', 'ETH_USDT', 'linear')).toBe('0.01');
    expect(findContractSize('bitget', 'BTCUSDT', 'linear')).toBeNull();
  });
});

describe('venue presets in estimates', () => {
  it.each(['htx', 'jaspervault'])(
    'marks the %s preset as unconfirmed in the conventions',
    (venue) => {
      const outcome = estimatePosition({
        product: 'linear',
        marginMode: 'isolated',
        side: 'long',
        quantity: '1',
        entryPrice: '100',
        leverage: '5',
        maintenanceMarginRate: '0.01',
        venue,
      });
      expect(outcome.ok).toBe(true);
      if (outcome.ok)
        expect(outcome.estimate.conventions?.some((text) => text.includes('unconfirmed'))).toBe(
          true,
        );
    },
  );

  it('uses the Bybit preset (maintenance on entry, no fee) to reproduce the Bybit help example', () => {
    // help.bybit.com 900000181046 Example 1: 1 BTC @ 20,000, 50x, MMR 0.5 % → 19,700 (vector bybit-linear-isolated-long-50x-20000).
    const outcome = estimatePosition({
      product: 'linear',
      marginMode: 'isolated',
      side: 'long',
      quantity: '1',
      entryPrice: '20000',
      leverage: '50',
      maintenanceMarginRate: '0.005',
      venue: 'bybit',
    });
    expect(outcome.ok && outcome.estimate.liquidationPrice).toBe('19700');
  });
});
