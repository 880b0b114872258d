/**
 * One interface over the linear (also traditional futures) and inverse forms, so the tier search,
 * the bankruptcy price and the remedies are written once.
 */
import type { Position } from '../position';
import { ONE, ZERO, type Decimal } from '../decimal';
import { asPrice, type Price } from '../units';
import type { Affine, FeeTerm, MaintenanceTerm } from './equation';
import { inverseGap, inverseMaintenanceAt } from './inverse';
import { linearGap, linearMaintenanceAt } from './linear';

/**
 * 'price': liquidated at `price`; 'none': no liquidation at any positive price (a long whose root is
 * ≤ 0, an over-collateralised inverse short); 'bad-slope': k·MMR + f ≥ 1 on the side where the
 * requirement then grows faster than equity, so the equation has no meaningful root.
 */
export type Solution =
  | { readonly kind: 'price'; readonly price: Price }
  | { readonly kind: 'none' }
  | { readonly kind: 'bad-slope' };

export interface Model {
  readonly position: Position;
  /** M: the margin backing this position (cross: wallet − other MM + other uPnL). */
  readonly margin: Decimal;
  gap(maintenance: MaintenanceTerm, fee: FeeTerm): Affine;
  gapAt(gap: Affine, price: Price): Decimal;
  solve(gap: Affine): Solution;
  maintenanceAt(maintenance: MaintenanceTerm, price: Price): Decimal;
  /** Position value at `price` in the settlement unit: Q·P (linear) or V/P (inverse, coin). */
  valueAt(price: Price): Decimal;
  /** Unrealised PnL at `price` in the settlement unit. */
  pnlAt(price: Price): Decimal;
}

/**
 * Build the model of `position` backed by `margin`.
 *
 * @param margin - M of formulas.md §0 (already net of other positions for cross).
 */
export function modelFor(position: Position, margin: Decimal): Model {
  const terms = {
    direction: position.direction,
    exposure: position.exposure,
    entryPrice: position.entryPrice,
    margin,
    liquidationThreshold: position.liquidationThreshold,
    maintenanceBasis: position.maintenanceBasis,
  };
  const long = position.direction === 1;
  if (position.product === 'inverse') {
    return {
      position,
      margin,
      gap: (maintenance, fee) => inverseGap(terms, maintenance, fee),
      gapAt: (gap, price) => gap.constant.plus(gap.slope.div(price)),
      solve(gap) {
        // Adverse move: long → P falls → u = 1/P rises, so the gap must fall with u (slope < 0);
        // short → u falls, so slope > 0 is required.
        if (long ? !gap.slope.isNegative() || gap.slope.isZero() : !gap.slope.gt(ZERO))
          return { kind: 'bad-slope' };
        const inversePrice = gap.constant.negated().div(gap.slope);
        return inversePrice.gt(ZERO)
          ? { kind: 'price', price: asPrice(ONE.div(inversePrice)) }
          : { kind: 'none' };
      },
      maintenanceAt: (maintenance, price) => inverseMaintenanceAt(terms, maintenance, price),
      valueAt: (price) => position.exposure.div(price),
      pnlAt: (price) =>
        position.exposure
          .times(ONE.div(position.entryPrice).minus(ONE.div(price)))
          .times(position.direction),
    };
  }
  return {
    position,
    margin,
    gap: (maintenance, fee) => linearGap(terms, maintenance, fee),
    gapAt: (gap, price) => gap.constant.plus(gap.slope.times(price)),
    solve(gap) {
      // Adverse move: long → P falls, so the gap must rise with P (slope > 0); short → slope < 0.
      if (long ? !gap.slope.gt(ZERO) : !gap.slope.isNegative() || gap.slope.isZero())
        return { kind: 'bad-slope' };
      const price = gap.constant.negated().div(gap.slope);
      return price.gt(ZERO) ? { kind: 'price', price: asPrice(price) } : { kind: 'none' };
    },
    maintenanceAt: (maintenance, price) => linearMaintenanceAt(terms, maintenance, price),
    valueAt: (price) => position.exposure.times(price),
    pnlAt: (price) =>
      position.exposure.times(price.minus(position.entryPrice)).times(position.direction),
  };
}
