/**
 * Remedies (design.md §3): how much margin to add, which leverage to use, or how much to close so the
 * buffer reaches a target percent of mark.
 *
 * Closed forms (core/liquidation/README.md "Remedies"). The target liquidation price is known directly,
 * P* = mark·(1 − side·target/100) (buffer.ts). The liquidation equation is gap(P) = equity − k·MM − fee,
 * affine in the margin M (coefficient 1) and, for a fixed maintenance term, affine in the position
 * fraction f (isolated margin scales with f, cross margin does not). So:
 * - margin to add = −gap(P*) with the maintenance term that applies at P* (the tier holding the
 *   notional at P*, or the entry/size tier): exactly the M that puts the liquidation price at P*;
 * - max leverage (isolated) = entry notional / (M + added), rounded down to 2 decimals;
 * - fraction to keep f* = g(0) / (g(0) − g(1)) per tier, keeping the tier whose bounds hold f*·measure
 *   (continuous tables have exactly one); quantity to close = Q·(1 − f*).
 * Each result, once rounded, is checked against the full model; where no closed form applies (fee at
 * the bankruptcy price, target price ≤ 0, discontinuous user tiers) a bisection finds it instead.
 *
 * Rounding (round.ts): margin and quantity up to 8 significant digits, leverage down to 2 decimals.
 * Assumptions: added margin adds to M one for one; reducing an ISOLATED position releases its margin
 * pro rata (Binance/OKX behaviour), so only a tier deduction can make it help; a CROSS one keeps the wallet.
 */
import type { Remedies } from './contract';
import { bufferOf, liquidationPriceForBuffer } from './buffer';
import { Decimal, ONE, ZERO } from './decimal';
import {
  liquidate,
  maintenanceTermAt,
  modelFor,
  tierMeasure,
  type Liquidation,
} from './liquidation/index';
import type { MaintenanceTerm } from './liquidation/equation';
import { backingMargin } from './liquidation/cross';
import { isInTier, type Tier } from './liquidation/tiers';
import type { Position } from './position';
import {
  scaled,
  searchAddMargin,
  searchReduce,
  withMargin,
  type Meets,
  type Verdict,
} from './remedies-search';
import { remedyUp, toOutput, toRemedyUp } from './round';
import { asPrice, type Price } from './units';

/** A rounded remedy may land a hair short of the target through 40-digit division noise. */
const BUFFER_TOLERANCE_PERCENT = new Decimal('1e-20');

/**
 * @param targetBufferPercent - target distance mark → liquidation in percent of mark.
 * @returns the remedies; each is "0" when already met and null when impossible or not applicable.
 */
export function computeRemedies(position: Position, targetBufferPercent: Decimal): Remedies {
  const target = toOutput(targetBufferPercent);
  const markPrice = position.markPrice;
  if (markPrice === null) {
    return {
      targetBufferPercent: target,
      addMargin: null,
      maxLeverage: null,
      reduceQuantity: null,
    };
  }
  const floor = targetBufferPercent.minus(BUFFER_TOLERANCE_PERCENT);
  const verdictOf = (candidate: Position, { solution }: Liquidation): Verdict => {
    if (!solution.ok) return 'unknown';
    if (solution.price === null) return 'met';
    return bufferOf(candidate.side, markPrice, solution.price).percent.gte(floor)
      ? 'met'
      : 'not-met';
  };
  const meets: Meets = (candidate) => verdictOf(candidate, liquidate(candidate));
  const targetPrice = liquidationPriceForBuffer(position.side, markPrice, targetBufferPercent);
  const solvable = targetPrice.gt(ZERO) ? asPrice(targetPrice) : null;
  // The position as it stands, solved once and shared by the closed forms.
  const current = liquidate(position);
  const alreadyMet = verdictOf(position, current) === 'met';

  const addMargin = alreadyMet ? ZERO : addMarginFor(position, current, solvable, meets);
  const maxLeverage =
    position.marginMode === 'isolated' && addMargin !== null
      ? leverageFor(position, position.margin.plus(addMargin))
      : null;
  const reduceQuantity = alreadyMet ? ZERO : reduceFor(position, current, solvable, meets);
  return {
    targetBufferPercent: target,
    addMargin: addMargin === null ? null : toRemedyUp(addMargin),
    maxLeverage,
    reduceQuantity: reduceQuantity === null ? null : toRemedyUp(reduceQuantity),
  };
}

/** Margin to add: closed form, checked once rounded; bisection where the closed form does not apply. */
function addMarginFor(
  position: Position,
  current: Liquidation,
  targetPrice: Price | null,
  meets: Meets,
): Decimal | null {
  const exact = targetPrice === null ? null : closedFormAddMargin(current, targetPrice);
  if (exact !== null) {
    const amount = Decimal.max(exact, ZERO);
    if (meets(withMargin(position, position.margin.plus(remedyUp(amount)))) === 'met')
      return amount;
  }
  return searchAddMargin(position, meets);
}

/**
 * −gap(P*) with the maintenance term in force at P*: the margin that puts the liquidation price at P*.
 *
 * @returns the amount (≤ 0 when already enough), or null when no closed form applies.
 */
function closedFormAddMargin({ model, fee }: Liquidation, targetPrice: Price): Decimal | null {
  if (fee.kind !== 'proportional') return null;
  const applicable = maintenanceTermAt(model, targetPrice);
  if (applicable === null) return null;
  return model.gapAt(model.gap(applicable.term, fee), targetPrice).negated();
}

/** Quantity to close: closed form over the tiers, checked once rounded; bisection otherwise. */
function reduceFor(
  position: Position,
  current: Liquidation,
  targetPrice: Price | null,
  meets: Meets,
): Decimal | null {
  const keep = targetPrice === null ? null : closedFormKeepFraction(position, current, targetPrice);
  if (keep === 'never') return null;
  if (keep !== null) {
    const amount = position.quantity.times(ONE.minus(keep));
    const remaining = ONE.minus(remedyUp(amount).div(position.quantity));
    if (remaining.gt(ZERO) && meets(scaled(position, remaining)) === 'met') return amount;
  }
  return searchReduce(position, meets);
}

/**
 * Largest fraction f of the position that meets the target: per maintenance term, gap(P*) is
 * g0 + f·(g1 − g0) (g0: nothing held; g1: all held), so f* = g0 / (g0 − g1); a tier counts only when
 * f*·measure lies in its bounds.
 *
 * @returns f*, 'never' when no fraction helps under any term, or null when no closed form applies.
 */
function closedFormKeepFraction(
  position: Position,
  { model: whole, fee }: Liquidation,
  targetPrice: Price,
): Decimal | 'never' | null {
  if (fee.kind !== 'proportional') return null;
  const empty = scaled(position, ZERO);
  const none = modelFor(empty, backingMargin(empty));
  const maintenance = position.maintenance;
  const candidates: readonly { term: MaintenanceTerm; tier: Tier | null }[] =
    maintenance.kind === 'tiers'
      ? maintenance.tiers.map((tier) => ({ tier, term: termOf(tier) }))
      : [{ term: maintenance, tier: null }];
  const measure =
    maintenance.kind === 'tiers' ? tierMeasure(whole, maintenance.measure, targetPrice) : ZERO;
  let best: Decimal | null = null;
  for (const { term, tier } of candidates) {
    const g0 = none.gapAt(none.gap(term, fee), targetPrice);
    const g1 = whole.gapAt(whole.gap(term, fee), targetPrice);
    if (!g0.gt(ZERO) || !g1.isNegative()) continue;
    const keep = g0.div(g0.minus(g1));
    if (tier !== null && !isInTier(tier, measure.times(keep))) continue;
    if (best === null || keep.lt(best)) best = keep;
  }
  if (best !== null) return best;
  // Without tiers a single term decides: no positive fraction helps.
  return maintenance.kind === 'tiers' ? null : 'never';
}

function termOf(tier: Tier): MaintenanceTerm {
  return {
    kind: 'rate',
    maintenanceMarginRate: tier.maintenanceMarginRate,
    maintenanceAmount: tier.maintenanceAmount,
  };
}

/** Entry notional / margin, rounded down to 2 decimals (a leverage at or below it meets the target). */
function leverageFor(position: Position, margin: Decimal): string | null {
  if (!margin.gt(ZERO)) return null;
  const notional =
    position.product === 'inverse'
      ? position.exposure.div(position.entryPrice)
      : position.exposure.times(position.entryPrice);
  const leverage = notional.div(margin).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  return leverage.gt(ZERO) ? leverage.toFixed() : null;
}
