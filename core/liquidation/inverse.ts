/**
 * Inverse (coin-margined, contract value V in quote): form (I) of formulas.md §0, in u = 1/P.
 *
 *   equity(P)      = M + side·V·(1/EP − 1/P)                 (coin)
 *   requirement(P) = k·(V·MMR/P − cum) + fee                  (maintenance at mark: Binance COIN-M, OKX, Gate)
 *                  = k·(V·MMR/EP − cum) + fee                 (maintenance at entry: Bybit UTA isolated, legacy)
 *
 * so P = V·(side + k·MMR + f) / (M + k·cum + side·V/EP) with a proportional fee (form I).
 */
import type { MaintenanceBasis } from '../contract';
import { ZERO, type Decimal } from '../decimal';
import type { Affine, FeeTerm, MaintenanceTerm } from './equation';

export interface InverseTerms {
  readonly direction: 1 | -1;
  /** V: contracts × contract value, in quote (USD). */
  readonly exposure: Decimal;
  readonly entryPrice: Decimal;
  /** Coin. */
  readonly margin: Decimal;
  readonly liquidationThreshold: Decimal;
  readonly maintenanceBasis: MaintenanceBasis;
}

/**
 * gap(u) = equity − requirement as an affine function of u = 1/P (coin).
 *
 * @returns constant and slope; 1/P = −constant/slope solves form (I).
 */
export function inverseGap(
  terms: InverseTerms,
  maintenance: MaintenanceTerm,
  fee: FeeTerm,
): Affine {
  const { direction, exposure, entryPrice, margin, liquidationThreshold: k } = terms;
  let constant = margin.plus(exposure.div(entryPrice).times(direction));
  let slope = exposure.times(-direction);
  if (maintenance.kind === 'fixed') {
    constant = constant.minus(k.times(maintenance.maintenanceMargin));
  } else if (terms.maintenanceBasis === 'mark') {
    slope = slope.minus(k.times(exposure).times(maintenance.maintenanceMarginRate));
    constant = constant.plus(k.times(maintenance.maintenanceAmount));
  } else {
    const entryMaintenance = exposure
      .div(entryPrice)
      .times(maintenance.maintenanceMarginRate)
      .minus(maintenance.maintenanceAmount);
    constant = constant.minus(k.times(entryMaintenance));
  }
  if (fee.kind === 'proportional') slope = slope.minus(exposure.times(fee.closeFeeRate));
  else constant = constant.minus(fee.closeFee);
  return { constant, slope };
}

/** Maintenance requirement (before k, coin) at `price` for an inverse position. */
export function inverseMaintenanceAt(
  terms: InverseTerms,
  maintenance: MaintenanceTerm,
  price: Decimal,
): Decimal {
  if (maintenance.kind === 'fixed') return maintenance.maintenanceMargin;
  const basisPrice = terms.maintenanceBasis === 'mark' ? price : terms.entryPrice;
  const requirement = terms.exposure
    .div(basisPrice)
    .times(maintenance.maintenanceMarginRate)
    .minus(maintenance.maintenanceAmount);
  return requirement.isNegative() ? ZERO : requirement;
}
