/**
 * Linear (USDT/USDC-margined) and traditional futures: form (L) of formulas.md §0.
 *
 *   equity(P)      = M + side·Q·(P − EP)
 *   requirement(P) = k·(Q·P·MMR − cum) + fee      (maintenance at mark, Binance/OKX/Gate/Bitget/HL/dYdX)
 *                  = k·(Q·EP·MMR − cum) + fee     (maintenance at entry, Bybit classic/MEXC/KuCoin: L-entry)
 *                  = k·MM_fixed + fee             (traditional futures with a fixed amount, formulas.md §12)
 *
 * Q is in base units: quantity × contractSize (lots × multiplier for futures).
 */
import type { MaintenanceBasis } from '../contract';
import { ZERO, type Decimal } from '../decimal';
import type { Affine, FeeTerm, MaintenanceTerm } from './equation';

export interface LinearTerms {
  readonly direction: 1 | -1;
  /** Q, base units. */
  readonly exposure: Decimal;
  readonly entryPrice: Decimal;
  readonly margin: Decimal;
  readonly liquidationThreshold: Decimal;
  readonly maintenanceBasis: MaintenanceBasis;
}

/**
 * gap(P) = equity(P) − requirement(P) as an affine function of P.
 *
 * @returns constant and slope; P = −constant/slope solves form (L).
 */
export function linearGap(terms: LinearTerms, maintenance: MaintenanceTerm, fee: FeeTerm): Affine {
  const { direction, exposure, entryPrice, margin, liquidationThreshold: k } = terms;
  let constant = margin.minus(exposure.times(entryPrice).times(direction));
  let slope = exposure.times(direction);
  if (maintenance.kind === 'fixed') {
    constant = constant.minus(k.times(maintenance.maintenanceMargin));
  } else if (terms.maintenanceBasis === 'mark') {
    slope = slope.minus(k.times(exposure).times(maintenance.maintenanceMarginRate));
    constant = constant.plus(k.times(maintenance.maintenanceAmount));
  } else {
    const entryMaintenance = exposure
      .times(entryPrice)
      .times(maintenance.maintenanceMarginRate)
      .minus(maintenance.maintenanceAmount);
    constant = constant.minus(k.times(entryMaintenance));
  }
  if (fee.kind === 'proportional') slope = slope.minus(exposure.times(fee.closeFeeRate));
  else constant = constant.minus(fee.closeFee);
  return { constant, slope };
}

/** Maintenance requirement (before k) at `price` for a linear position. */
export function linearMaintenanceAt(
  terms: LinearTerms,
  maintenance: MaintenanceTerm,
  price: Decimal,
): Decimal {
  if (maintenance.kind === 'fixed') return maintenance.maintenanceMargin;
  const basisPrice = terms.maintenanceBasis === 'mark' ? price : terms.entryPrice;
  const requirement = terms.exposure
    .times(basisPrice)
    .times(maintenance.maintenanceMarginRate)
    .minus(maintenance.maintenanceAmount);
  return requirement.isNegative() ? ZERO : requirement;
}
