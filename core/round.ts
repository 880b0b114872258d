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

/** Significant digits of remedy amounts (margin to add, quantity to close): far finer than any tick. */
export const REMEDY_SIGNIFICANT_DIGITS = 8;
/** Digits kept before rounding a remedy: drops the last digits of 40-digit division noise. */
const REMEDY_DENOISE_DIGITS = 24;

/**
 * A remedy amount, rounded up (the safe direction) to 8 significant digits after dropping division
 * noise, so an exact 803.06 prints "803.06", never "803.060000001".
 */
export function toRemedyUp(value: Decimal): string {
  const rounded = value
    .toSignificantDigits(REMEDY_DENOISE_DIGITS, Decimal.ROUND_HALF_EVEN)
    .toSignificantDigits(REMEDY_SIGNIFICANT_DIGITS, Decimal.ROUND_UP);
  return rounded.isZero() ? '0' : rounded.toFixed();
}

/** The exact value `toRemedyUp` prints (for checking the rounded amount against the model). */
export function remedyUp(value: Decimal): Decimal {
  return new Decimal(toRemedyUp(value));
}
