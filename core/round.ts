/**
 * Rounding policy (core/liquidation/README.md): every computation keeps Decimal's 40 significant
 * digits; only outputs are rounded, to 12 significant digits (half-even), written without exponent and
 * without trailing zeros. Remedies round in the safe direction instead (see remedies.ts).
 */
import { Decimal } from './decimal';

export const OUTPUT_SIGNIFICANT_DIGITS = 12;

/** Decimal → plain output string with the output precision ("26316.8932640" → "26316.893264"). */
export function toOutput(value: Decimal): string {
  const rounded = value.toSignificantDigits(OUTPUT_SIGNIFICANT_DIGITS, Decimal.ROUND_HALF_EVEN);
  return rounded.isZero() ? '0' : rounded.toFixed();
}

/** Round away from zero to the output precision (amounts a user must add or close). */
export function toOutputUp(value: Decimal): string {
  const rounded = value.toSignificantDigits(OUTPUT_SIGNIFICANT_DIGITS, Decimal.ROUND_UP);
  return rounded.isZero() ? '0' : rounded.toFixed();
}
