/**
 * Cross-check against the exchange's own liquidation price: the difference in percent of the
 * platform figure, and whether it is within the tolerance (settings, default "0.5" %).
 */
import type { Decimal } from './decimal';
import type { Price } from './units';

export const DEFAULT_TOLERANCE_PERCENT = '0.5';

export interface CrossCheck {
  readonly differencePercent: Decimal;
  readonly agrees: boolean;
}

/**
 * differencePercent = (estimate − platform) / platform × 100; agrees when |difference| ≤ tolerance.
 */
export function crossCheck(
  estimate: Price,
  platform: Price,
  tolerancePercent: Decimal,
): CrossCheck {
  const differencePercent = estimate.minus(platform).div(platform).times(100);
  return { differencePercent, agrees: differencePercent.abs().lte(tolerancePercent) };
}
