/**
 * Properties of the liquidation model (style.md §4.6 core properties), with fast-check.
 * Numbers are generated as integers scaled by powers of ten and written as decimal strings, so no
 * float ever reaches the core.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PositionInput } from '../../core/contract';
import { Decimal } from '../../core/decimal';
import { estimatePosition } from '../../core/index';
import { BINANCE } from '../../core/venues/binance';

/** An integer in [min, max] divided by 10^scale, as a decimal string. */
const decimal = (min: number, max: number, scale: number): fc.Arbitrary<string> =>
  fc
    .integer({ min, max })
    .map((units) => new Decimal(units).div(new Decimal(10).pow(scale)).toFixed());

const inverseIsolated = fc.record({
  product: fc.constant('inverse' as const),
  marginMode: fc.constant('isolated' as const),
  side: fc.constantFrom('long' as const, 'short' as const),
  quantity: decimal(1, 1_000_000, 0),
  contractSize: fc.constantFrom('1', '10', '100'),
  entryPrice: decimal(1, 100_000_000, 2),
  leverage: decimal(10, 1250, 1),
  maintenanceMarginRate: decimal(0, 1000, 4),
  closeFeeRate: decimal(0, 10, 4),
  closeFeeBasis: fc.constantFrom('liquidation' as const, 'bankruptcy' as const),
});

const linearIsolated = fc.record({
  product: fc.constant('linear' as const),
  marginMode: fc.constant('isolated' as const),
  side: fc.constantFrom('long' as const, 'short' as const),
  quantity: decimal(1, 10_000_000, 3),
  entryPrice: decimal(1, 100_000_000, 2),
  leverage: decimal(10, 1250, 1),
  maintenanceMarginRate: decimal(0, 1000, 4),
  closeFeeRate: decimal(0, 10, 4),
});

/** Liquidation price as a Decimal; null (no liquidation) becomes `fallback`. */
function liquidationOf(input: PositionInput, fallback: Decimal): Decimal | undefined {
  const outcome = estimatePosition(input);
  if (!outcome.ok) return undefined;
  return outcome.estimate.liquidationPrice === null
    ? fallback
    : new Decimal(outcome.estimate.liquidationPrice);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('liquidation model properties', { timeout: 30_000 }, () => {
  it("puts a long's liquidation price below entry and a short's above", () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.oneof(linearIsolated, inverseIsolated), (input) => {
        const outcome = estimatePosition(input);
        if (!outcome.ok || outcome.estimate.liquidationPrice === null) return;
        checked += 1;
        const liquidation = new Decimal(outcome.estimate.liquidationPrice);
        if (input.side === 'long') expect(liquidation.lt(input.entryPrice)).toBe(true);
        else expect(liquidation.gt(input.entryPrice)).toBe(true);
      }),
      { numRuns: 400 },
    );
    // Not vacuous: most generated positions have a liquidation price (the rest are past it at entry).
    expect(checked).toBeGreaterThan(100);
  });

  it('puts the bankruptcy price beyond the liquidation price (linear and inverse)', () => {
    fc.assert(
      fc.property(fc.oneof(linearIsolated, inverseIsolated), (input) => {
        const outcome = estimatePosition(input);
        if (
          !outcome.ok ||
          outcome.estimate.liquidationPrice === null ||
          outcome.estimate.bankruptcyPrice === null
        )
          return;
        const liquidation = new Decimal(outcome.estimate.liquidationPrice);
        const bankruptcy = new Decimal(outcome.estimate.bankruptcyPrice);
        if (input.side === 'long') expect(bankruptcy.lte(liquidation)).toBe(true);
        else expect(bankruptcy.gte(liquidation)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("raises a long's liquidation price (and lowers a short's) as leverage rises", () => {
    fc.assert(
      fc.property(linearIsolated, decimal(1, 500, 1), (input, extra) => {
        const higher = new Decimal(input.leverage).plus(extra).toFixed();
        const infinity = new Decimal('1e40');
        const fallback = input.side === 'long' ? new Decimal(0) : infinity;
        const low = liquidationOf(input, fallback);
        const high = liquidationOf({ ...input, leverage: higher }, fallback);
        if (low === undefined || high === undefined) return;
        if (input.side === 'long') expect(high.gte(low)).toBe(true);
        else expect(high.lte(low)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('moves the liquidation price away from mark when margin is added', () => {
    fc.assert(
      fc.property(linearIsolated, decimal(1, 1_000_000, 2), (input, added) => {
        const { leverage, ...rest } = input;
        const margin = new Decimal(input.quantity).times(input.entryPrice).div(leverage);
        const fallback = input.side === 'long' ? new Decimal(0) : new Decimal('1e40');
        const before = liquidationOf({ ...rest, margin: margin.toFixed() }, fallback);
        const after = liquidationOf({ ...rest, margin: margin.plus(added).toFixed() }, fallback);
        if (before === undefined || after === undefined) return;
        // Weakly: a tiny addition can vanish in the 12-significant-digit output rounding.
        if (input.side === 'long') expect(after.lte(before)).toBe(true);
        else expect(after.gte(before)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('mirrors long and short around entry when maintenance is on entry value and there is no fee', () => {
    fc.assert(
      fc.property(linearIsolated, (input) => {
        const symmetric = { ...input, maintenanceBasis: 'entry' as const, closeFeeRate: '0' };
        const long = estimatePosition({ ...symmetric, side: 'long' });
        const short = estimatePosition({ ...symmetric, side: 'short' });
        expect(long.ok).toBe(short.ok);
        if (!long.ok || !short.ok || long.estimate.liquidationPrice === null) return;
        const below = new Decimal(input.entryPrice).minus(long.estimate.liquidationPrice);
        const above = new Decimal(short.estimate.liquidationPrice ?? '0').minus(input.entryPrice);
        // Both are rounded to 12 significant digits on output.
        expect(below.minus(above).abs().lte(new Decimal(input.entryPrice).times('1e-11'))).toBe(
          true,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('never makes a larger position safer with tiers (same leverage)', () => {
    const tiers = BINANCE.tierTables[0]?.tiers ?? [];
    expect(tiers.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(
        fc.constantFrom('long' as const, 'short' as const),
        decimal(1, 30_000, 0),
        decimal(1, 30_000, 0),
        decimal(20, 1000, 1),
        (side, sizeA, sizeB, leverage) => {
          const [small, large] = new Decimal(sizeA).lte(sizeB) ? [sizeA, sizeB] : [sizeB, sizeA];
          const base = {
            product: 'linear' as const,
            marginMode: 'isolated' as const,
            side,
            entryPrice: '60000',
            leverage,
            tiers,
          };
          const fallback = side === 'long' ? new Decimal(0) : new Decimal('1e40');
          const smallLiquidation = liquidationOf({ ...base, quantity: small }, fallback);
          const largeLiquidation = liquidationOf({ ...base, quantity: large }, fallback);
          if (smallLiquidation === undefined || largeLiquidation === undefined) return;
          if (side === 'long') expect(largeLiquidation.gte(smallLiquidation)).toBe(true);
          else expect(largeLiquidation.lte(smallLiquidation)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never mutates its input', () => {
    fc.assert(
      fc.property(linearIsolated, decimal(1, 100_000_000, 2), (input, markPrice) => {
        const withTiers: PositionInput = deepFreeze({
          product: input.product,
          marginMode: input.marginMode,
          side: input.side,
          quantity: input.quantity,
          entryPrice: input.entryPrice,
          leverage: input.leverage,
          closeFeeRate: input.closeFeeRate,
          markPrice,
          tiers: BINANCE.tierTables[1]?.tiers ?? [],
        });
        const snapshot = JSON.stringify(withTiers);
        estimatePosition(withTiers, { explain: true, targetBufferPercent: '10' });
        expect(JSON.stringify(withTiers)).toBe(snapshot);
      }),
      { numRuns: 50 },
    );
  });

  it('never throws and never returns NaN, Infinity, exponents or negative prices, for any input', () => {
    const text = fc.oneof(
      decimal(-1_000_000, 100_000_000, 3),
      fc.constantFrom('0', '-0', '1e-30', '1e30', 'NaN', 'Infinity', '', ' ', '1,5', '--', '0x10'),
      fc.string({ maxLength: 8 }),
    );
    const anyValue = fc.oneof(
      text,
      fc.double(),
      fc.constant(null),
      fc.constant(undefined),
      fc.boolean(),
    );
    const input = fc.record(
      {
        product: fc.oneof(
          fc.constantFrom('linear', 'inverse', 'futures'),
          fc.string({ maxLength: 4 }),
        ),
        marginMode: fc.constantFrom('isolated', 'cross', 'portfolio'),
        side: fc.constantFrom('long', 'short', 'flat'),
        quantity: anyValue,
        contractSize: anyValue,
        entryPrice: anyValue,
        markPrice: anyValue,
        margin: anyValue,
        leverage: anyValue,
        maintenanceMarginRate: anyValue,
        maintenanceAmount: anyValue,
        maintenanceBasis: fc.constantFrom('mark', 'entry', 'index'),
        closeFeeRate: anyValue,
        closeFeeBasis: fc.constantFrom('liquidation', 'bankruptcy'),
        liquidationThreshold: anyValue,
        otherMaintenanceMargin: anyValue,
        otherUnrealizedPnl: anyValue,
        platformLiquidationPrice: anyValue,
        venue: fc.constantFrom('binance', 'okx', 'bybit', 'hyperliquid', 'nowhere'),
        symbol: fc.constantFrom('BTCUSDT', 'ETH-USDT-SWAP', 'BTC', 'DOGE_USDT'),
      },
      { requiredKeys: [] },
    );
    const plainNonNegative = /^\d+(\.\d+)?$/;
    const plainSigned = /^-?\d+(\.\d+)?$/;
    fc.assert(
      fc.property(input, (candidate) => {
        const outcome = estimatePosition(candidate as unknown as PositionInput, {
          targetBufferPercent: '10',
        });
        if (!outcome.ok) {
          expect(outcome.errors.length).toBeGreaterThan(0);
          for (const error of outcome.errors) {
            expect(error.code).toMatch(/^LIQ_[A-Z_]+$/);
            expect(error.code).not.toBe('LIQ_INTERNAL');
            expect(error.message.length).toBeGreaterThan(0);
          }
          return;
        }
        const { estimate } = outcome;
        for (const value of [
          estimate.liquidationPrice,
          estimate.bankruptcyPrice,
          estimate.maintenanceMargin,
          estimate.margin,
        ]) {
          if (value !== null) expect(value).toMatch(plainNonNegative);
        }
        if (estimate.liquidationPrice !== null)
          expect(new Decimal(estimate.liquidationPrice).gt(0)).toBe(true);
        if (estimate.buffer) {
          expect(estimate.buffer.price).toMatch(plainNonNegative);
          expect(estimate.buffer.percent).toMatch(plainNonNegative);
        }
        if (estimate.crossCheck) expect(estimate.crossCheck.differencePercent).toMatch(plainSigned);
        const remedies = estimate.remedies;
        if (remedies) {
          for (const value of [remedies.addMargin, remedies.maxLeverage, remedies.reduceQuantity]) {
            if (value !== null) expect(value).toMatch(plainNonNegative);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
