/**
 * The one equation behind every venue (design.md §3, formulas.md §0): liquidation happens when
 * equity equals k × maintenance + closing fee. Both sides are affine in the solve variable u
 * (u = P for linear and futures, u = 1/P for inverse), so we carry `gap(u) = constant + slope·u`
 * = equity − requirement and solve gap(u) = 0.
 */
import type { Decimal } from '../decimal';

/** gap(u) = constant + slope × u, in the settlement asset (quote for linear, coin for inverse). */
export interface Affine {
  readonly constant: Decimal;
  readonly slope: Decimal;
}

/** Maintenance requirement of one tier, or a fixed amount (traditional futures). */
export type MaintenanceTerm =
  | {
      readonly kind: 'rate';
      readonly maintenanceMarginRate: Decimal;
      readonly maintenanceAmount: Decimal;
    }
  | { readonly kind: 'fixed'; readonly maintenanceMargin: Decimal };

/**
 * Closing fee: 'proportional' = rate × position value at the price solved for (OKX, Gate, Bitget);
 * 'constant' = an amount fixed in advance (fee charged at the bankruptcy price: Bybit inverse, Phemex).
 */
export type FeeTerm =
  | { readonly kind: 'proportional'; readonly closeFeeRate: Decimal }
  | { readonly kind: 'constant'; readonly closeFee: Decimal };
