/**
 * The plain-float baseline of the core bench: it deliberately parses with parseFloat and computes
 * prices in IEEE doubles, to measure what decimal.js costs and how far floats drift (BENCHMARKS.md).
 * It is never imported by product code (the only place number math on prices is allowed).
 *
 * The same formulas as core/liquidation (formulas.md §0, forms L and I, tiers by notional at the
 * liquidation price, cross margin with the others held at mark), transcribed to `number`.
 * Inputs are the core's own PositionInput / AccountInput (strings), so both sides do the same
 * parsing work; outputs are numbers (compared with the core's strings in core-bench.ts).
 */
import type { AccountInput, PositionInput, TierInput } from '../../core/contract';

export interface FloatEstimate {
  readonly liquidationPrice: number | null;
  readonly bankruptcyPrice: number | null;
  readonly bufferPercent: number | null;
}

interface Terms {
  readonly direction: number;
  readonly exposure: number;
  readonly entryPrice: number;
  readonly margin: number;
  readonly k: number;
  readonly feeRate: number;
  readonly inverse: boolean;
}

const num = (value: string | undefined, fallback = 0): number =>
  value === undefined ? fallback : parseFloat(value);

function termsOf(input: PositionInput, margin: number): Terms {
  const quantity = num(input.quantity);
  const contractSize = num(input.contractSize, 1);
  return {
    direction: input.side === 'long' ? 1 : -1,
    exposure: quantity * contractSize,
    entryPrice: num(input.entryPrice),
    margin,
    k: num(input.liquidationThreshold, 1),
    feeRate: num(input.closeFeeRate),
    inverse: input.product === 'inverse',
  };
}

/** Solve gap(P) = 0 for maintenance (rate, cum); null when no positive price solves it. */
function solve(terms: Terms, rate: number, amount: number, feeRate: number): number | null {
  const { direction, exposure, entryPrice, margin, k } = terms;
  if (terms.inverse) {
    // form (I) in u = 1/P
    const constant = margin + (exposure / entryPrice) * direction + k * amount;
    const slope = exposure * -direction - k * exposure * rate - exposure * feeRate;
    const u = -constant / slope;
    return u > 0 ? 1 / u : null;
  }
  const constant = margin - exposure * entryPrice * direction + k * amount;
  const slope = exposure * direction - k * exposure * rate - exposure * feeRate;
  const price = -constant / slope;
  return price > 0 ? price : null;
}

function valueAt(terms: Terms, price: number): number {
  return terms.inverse ? terms.exposure / price : terms.exposure * price;
}

function tierAt(tiers: readonly TierInput[], notional: number): TierInput | undefined {
  return tiers.find(
    (tier) =>
      notional >= num(tier.notionalFloor) &&
      (tier.notionalCap === undefined || notional < num(tier.notionalCap)),
  );
}

/** The tier whose [floor, cap) holds the notional at that tier's own solution (core/liquidation/solve.ts). */
function liquidationOf(terms: Terms, input: PositionInput): number | null {
  const tiers = input.tiers;
  if (tiers === undefined) {
    return solve(
      terms,
      num(input.maintenanceMarginRate),
      num(input.maintenanceAmount),
      terms.feeRate,
    );
  }
  for (const tier of tiers) {
    const price = solve(
      terms,
      num(tier.maintenanceMarginRate),
      num(tier.maintenanceAmount),
      terms.feeRate,
    );
    const notional = price === null ? 0 : valueAt(terms, price);
    if (
      notional >= num(tier.notionalFloor) &&
      (tier.notionalCap === undefined || notional < num(tier.notionalCap))
    ) {
      return price;
    }
  }
  return null;
}

function estimateWithMargin(input: PositionInput, margin: number): FloatEstimate {
  const terms = termsOf(input, margin);
  const liquidationPrice = liquidationOf(terms, input);
  const bankruptcyPrice = solve(terms, 0, 0, 0);
  const mark = input.markPrice === undefined ? null : num(input.markPrice);
  const bufferPercent =
    mark === null || liquidationPrice === null
      ? null
      : ((terms.direction * (mark - liquidationPrice)) / mark) * 100;
  return { liquidationPrice, bankruptcyPrice, bufferPercent };
}

/** One position (isolated or cross with others given). */
export function floatEstimatePosition(input: PositionInput): FloatEstimate {
  // margin = entry value / leverage, in the settlement unit (coin for inverse: V / EP / leverage)
  const value = num(input.quantity) * num(input.contractSize, 1);
  const entryValue =
    input.product === 'inverse' ? value / num(input.entryPrice) : value * num(input.entryPrice);
  const given =
    input.margin === undefined ? entryValue / num(input.leverage, 1) : num(input.margin);
  const margin =
    input.marginMode === 'cross'
      ? given - num(input.otherMaintenanceMargin) + num(input.otherUnrealizedPnl)
      : given;
  return estimateWithMargin(input, margin);
}

/** Maintenance and unrealised PnL of a position at its mark (linear). */
function atMark(input: PositionInput): { maintenance: number; pnl: number } {
  const terms = termsOf(input, 0);
  const mark = num(input.markPrice);
  const notional = valueAt(terms, mark);
  const tier = input.tiers === undefined ? undefined : tierAt(input.tiers, notional);
  const rate = num(tier?.maintenanceMarginRate ?? input.maintenanceMarginRate);
  const amount = num(tier?.maintenanceAmount ?? input.maintenanceAmount);
  return {
    maintenance: Math.max(0, notional * rate - amount),
    pnl: terms.direction * terms.exposure * (mark - terms.entryPrice),
  };
}

/** A cross account: every position's liquidation price with the others held at mark, and the margin ratio. */
export function floatEstimateAccount(account: AccountInput): {
  positions: FloatEstimate[];
  marginRatio: number;
} {
  const wallet = num(account.walletBalance);
  const marks = account.positions.map(atMark);
  const totalMaintenance = marks.reduce((sum, entry) => sum + entry.maintenance, 0);
  const totalPnl = marks.reduce((sum, entry) => sum + entry.pnl, 0);
  const positions = account.positions.map((input, index) => {
    const own = marks[index] ?? { maintenance: 0, pnl: 0 };
    const margin = wallet - (totalMaintenance - own.maintenance) + (totalPnl - own.pnl);
    return estimateWithMargin(input, margin);
  });
  return { positions, marginRatio: totalMaintenance / (wallet + totalPnl) };
}
