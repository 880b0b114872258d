/**
 * Remedies in closed form (core/remedies.ts): exact values derived by hand from the liquidation
 * equation (formulas.md §0) at the target price P* = mark·(1 − side·target/100), rounded as documented
 * (margin and quantity up to 8 significant digits, leverage down to 2 decimals). Each case also checks
 * the rounded amount against the model, and the closed form against the bisection fallback.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EstimateOptions, PositionInput, Remedies } from '../../core/contract';
import { Decimal } from '../../core/decimal';
import { estimatePosition } from '../../core/index';

function remediesOf(input: PositionInput, options: EstimateOptions): Remedies {
  const outcome = estimatePosition(input, options);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  const remedies = outcome.estimate.remedies;
  if (remedies === undefined) throw new Error('no remedies');
  return remedies;
}

function bufferPercent(input: PositionInput): Decimal {
  const outcome = estimatePosition(input, {});
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return new Decimal(outcome.estimate.buffer?.percent ?? 'NaN');
}

const WITHOUT_LEVERAGE: PositionInput = {
  product: 'linear',
  marginMode: 'isolated',
  side: 'long',
  quantity: '2',
  entryPrice: '50000',
  markPrice: '49000',
  maintenanceMarginRate: '0.005',
};
const LINEAR_LONG: PositionInput = { ...WITHOUT_LEVERAGE, leverage: '20' };

describe('remedies: exact closed forms', () => {
  it('linear isolated long: margin, leverage; reducing cannot help', () => {
    // M = 100000/20 = 5000; P* = 49000 × 0.85 = 41650.
    // gap(P*) = M + Q(P* − EP) − Q·P*·MMR = 5000 − 16700 − 416.5 = −12116.5 → add 12116.5.
    // Max leverage = 100000 / 17116.5 = 5.8423… → 5.84 (down).
    const remedies = remediesOf(LINEAR_LONG, { targetBufferPercent: '15' });
    expect(remedies).toEqual({
      targetBufferPercent: '15',
      addMargin: '12116.5',
      maxLeverage: '5.84',
      reduceQuantity: null,
    });
    const after = bufferPercent({ ...WITHOUT_LEVERAGE, margin: '17116.5' });
    expect(after.minus(15).abs().lt('1e-30')).toBe(true);
  });

  it('linear cross long: quantity to close keeps the wallet', () => {
    // Wallet M = 4000 stays. g(f) = 4000 + f·(2·(41650 − 50000) − 2·41650·0.005) = 4000 − 17116.5·f…
    // with g1 = 4000 − 16700 − 416.5 = −13116.5: keep f* = 4000 / 17116.5, close 2·13116.5/17116.5
    // = 26233/17116.5 = 1.532614728478… → 1.5326148 (up, 8 significant).
    const cross: PositionInput = { ...WITHOUT_LEVERAGE, marginMode: 'cross', margin: '4000' };
    const remedies = remediesOf(cross, { targetBufferPercent: '15' });
    expect(remedies.reduceQuantity).toBe('1.5326148');
    // Cross: added margin is the gap itself, 13116.5; no leverage remedy.
    expect(remedies.addMargin).toBe('13116.5');
    expect(remedies.maxLeverage).toBeNull();
    const after = bufferPercent({
      ...cross,
      quantity: new Decimal(2).minus('1.5326148').toFixed(),
    });
    expect(after.gte(15)).toBe(true);
    expect(after.minus(15).lt('1e-5')).toBe(true);
  });

  it('inverse isolated short with the fee at the liquidation price (OKX form I)', () => {
    // V = 100 × 100 USD = 10000, EP 50000, M = V/EP/10 = 0.02 BTC, MMR 0.5 %, fee 0.05 %.
    // Target 20 % → P* = 60000. gap(u) = (0.02 − 0.2) + V·(1 − 0.005 − 0.0005)·u
    // = −0.18 + 9945/60000 = −0.01425 → add 0.01425 BTC; leverage 0.2/0.03425 = 5.839… → 5.83.
    const inverse: PositionInput = {
      product: 'inverse',
      marginMode: 'isolated',
      side: 'short',
      quantity: '100',
      contractSize: '100',
      entryPrice: '50000',
      markPrice: '50000',
      leverage: '10',
      maintenanceMarginRate: '0.005',
      closeFeeRate: '0.0005',
      closeFeeBasis: 'liquidation',
    };
    const remedies = remediesOf(inverse, { targetBufferPercent: '20' });
    expect(remedies.addMargin).toBe('0.01425');
    expect(remedies.maxLeverage).toBe('5.83');
    expect(remedies.reduceQuantity).toBeNull();
  });

  it('Binance tiers: the bracket at P*, not at mark, sets the margin', () => {
    // BTCUSDT 10 @ 60000 (notional 600000 = bracket 3 at mark), M = 30000. Target 30 % → P* = 42000,
    // notional 420000 → bracket 2 (MMR 0.5 %, cum 50):
    // gap = 30000 + 10·(42000 − 60000) − (420000·0.005 − 50) = −152050 → add 152050.
    const btc: PositionInput = {
      product: 'linear',
      marginMode: 'isolated',
      side: 'long',
      quantity: '10',
      entryPrice: '60000',
      markPrice: '60000',
      margin: '30000',
      venue: 'binance',
      symbol: 'BTCUSDT',
    };
    const remedies = remediesOf(btc, { targetBufferPercent: '30' });
    expect(remedies.addMargin).toBe('152050');
    // 600000 / 182050 = 3.2958… → 3.29.
    expect(remedies.maxLeverage).toBe('3.29');
  });

  it('Binance tiers, cross: the kept size is solved per bracket and the self-consistent one is used', () => {
    // Wallet 100000, 50 BTC @ 60000, mark 60000, target 20 % → P* = 48000. Per bracket (MMR, cum):
    // f* = (100000 + cum) / (600000 + 2400000·MMR). Bracket 2 (0.5 %, 50): 100050/612000, notional
    // 2400000·f* = 392353 ∈ [50000, 600000) ✓ (brackets 1 and 3 give notionals outside their bounds).
    // Close 50·511950/612000 = 41.825980392… → 41.825981 (up).
    const cross: PositionInput = {
      product: 'linear',
      marginMode: 'cross',
      side: 'long',
      quantity: '50',
      entryPrice: '60000',
      markPrice: '60000',
      margin: '100000',
      venue: 'binance',
      symbol: 'BTCUSDT',
    };
    const remedies = remediesOf(cross, { targetBufferPercent: '20' });
    expect(remedies.reduceQuantity).toBe('41.825981');
    const after = bufferPercent({
      ...cross,
      quantity: new Decimal(50).minus('41.825981').toFixed(),
    });
    expect(after.gte(20)).toBe(true);
  });

  it('prints no division artifacts and says "0" when the target is already met', () => {
    const remedies = remediesOf(LINEAR_LONG, { targetBufferPercent: '1' });
    expect(remedies).toMatchObject({ addMargin: '0', reduceQuantity: '0' });
    for (const target of ['3', '7.5', '12.345', '33.3']) {
      const values = remediesOf(LINEAR_LONG, { targetBufferPercent: target });
      const margin = values.addMargin ?? '';
      expect(margin).not.toMatch(/0000\d$/);
      expect(new Decimal(margin).precision(true)).toBeLessThanOrEqual(8);
    }
  });
});

describe('remedies: bisection fallback where no closed form applies', () => {
  it('fee at the bankruptcy price (Bybit inverse cross): still meets the target, no more than needed', () => {
    const bybit: PositionInput = {
      product: 'inverse',
      marginMode: 'cross',
      side: 'long',
      quantity: '10000',
      entryPrice: '40000',
      markPrice: '40000',
      margin: '0.1',
      maintenanceMarginRate: '0.005',
      venue: 'bybit',
      symbol: 'BTCUSD',
    };
    const remedies = remediesOf(bybit, { targetBufferPercent: '30' });
    const added = new Decimal(remedies.addMargin ?? 'NaN');
    expect(added.gt(0)).toBe(true);
    const after = bufferPercent({ ...bybit, margin: new Decimal('0.1').plus(added).toFixed() });
    expect(after.gte(30)).toBe(true);
    expect(after.minus(30).lt('1e-4')).toBe(true);
  });
});

describe('remedies: property', () => {
  it('the margin to add meets the target and 1e-6 less does not (tiers, both sides, cross and isolated)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('long', 'short'),
        fc.constantFrom('isolated', 'cross'),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 5, max: 60 }),
        (side, marginMode, tenths, leverage, target) => {
          const quantity = new Decimal(tenths).div(10);
          const input: PositionInput = {
            product: 'linear',
            marginMode,
            side,
            quantity: quantity.toFixed(),
            entryPrice: '60000',
            markPrice: '59000',
            margin: quantity.times(60000).div(leverage).toFixed(),
            venue: 'binance',
            symbol: 'BTCUSDT',
          };
          const remedies = remediesOf(input, { targetBufferPercent: String(target) });
          const added = new Decimal(remedies.addMargin ?? 'NaN');
          const margin = new Decimal(input.margin ?? '0');
          expect(
            bufferPercent({ ...input, margin: margin.plus(added).toFixed() }).gte(target),
          ).toBe(true);
          if (added.gt(0)) {
            const less = margin.plus(added).times(new Decimal(1).minus('1e-6'));
            expect(bufferPercent({ ...input, margin: less.toFixed() }).lt(target)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the quantity to close (cross, tiers) meets the target and 1e-6 less does not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('long', 'short'),
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 5, max: 40 }),
        (side, tenths, leverage, target) => {
          const quantity = new Decimal(tenths).div(10);
          const input: PositionInput = {
            product: 'linear',
            marginMode: 'cross',
            side,
            quantity: quantity.toFixed(),
            entryPrice: '60000',
            markPrice: '59500',
            margin: quantity.times(60000).div(leverage).toFixed(),
            venue: 'binance',
            symbol: 'BTCUSDT',
          };
          const reduce = remediesOf(input, { targetBufferPercent: String(target) }).reduceQuantity;
          if (reduce === null || reduce === '0') return;
          const kept = quantity.minus(reduce);
          expect(bufferPercent({ ...input, quantity: kept.toFixed() }).gte(target)).toBe(true);
          const more = kept.plus(quantity.times('1e-6'));
          expect(bufferPercent({ ...input, quantity: more.toFixed() }).lt(target)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
