/**
 * Calls the core for the calculator, with the settings that shape the answer (tolerance, target
 * buffer) and the explain steps. A core bug must not blank the popup or show a wrong kind of number:
 * anything thrown, and any price that is not a finite positive decimal, becomes an error outcome.
 */
import type { Estimate, EstimateOutcome, PositionInput } from '../../../core/contract';
import { Decimal } from '../../../core/decimal';
import { estimatePosition } from '../../../core/index';
import type { Settings } from '../../../core/settings';

export const INTERNAL_ERROR_CODE = 'POPUP_INTERNAL_ERROR';

const INTERNAL_ERROR: EstimateOutcome = {
  ok: false,
  errors: [{ code: INTERNAL_ERROR_CODE, field: null, message: 'The estimate failed' }],
};

/** null (no such price) or a finite decimal above zero; anything else is a core bug. */
function isPriceOrNone(price: string | null): boolean {
  if (price === null) return true;
  try {
    const decimal = new Decimal(price);
    return decimal.isFinite() && decimal.gt(0);
  } catch {
    return false;
  }
}

function isFiniteDecimal(value: string): boolean {
  try {
    return new Decimal(value).isFinite();
  } catch {
    return false;
  }
}

/** The figures the popup shows as numbers are all readable, and prices are positive. */
export function isDisplayable(estimate: Estimate): boolean {
  return (
    isPriceOrNone(estimate.liquidationPrice) &&
    isPriceOrNone(estimate.bankruptcyPrice) &&
    isFiniteDecimal(estimate.maintenanceMargin) &&
    isFiniteDecimal(estimate.margin) &&
    (estimate.buffer === undefined ||
      (isFiniteDecimal(estimate.buffer.price) && isFiniteDecimal(estimate.buffer.percent)))
  );
}

export function runEstimate(
  input: PositionInput,
  settings: Pick<Settings, 'tolerancePercent' | 'targetBufferPercent'>,
  estimate: typeof estimatePosition = estimatePosition,
): EstimateOutcome {
  try {
    const outcome = estimate(input, {
      tolerancePercent: settings.tolerancePercent,
      targetBufferPercent: settings.targetBufferPercent,
      explain: true,
    });
    return outcome.ok && !isDisplayable(outcome.estimate) ? INTERNAL_ERROR : outcome;
  } catch {
    return INTERNAL_ERROR;
  }
}
