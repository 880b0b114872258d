/**
 * Which band a buffer (percent of mark, positive = safe side) falls in. Shared by the buffer bar,
 * the price ladder and the panel so they never disagree.
 */
import { compareDecimal } from '../core/decimal-string';
import { plainDecimalOf } from '../core/parse-number';

export const BUFFER_LEVELS = ['safe', 'warning', 'danger', 'breached'] as const;
export type BufferLevel = (typeof BUFFER_LEVELS)[number];

/**
 * @param bufferPercent distance mark → liquidation in percent of mark
 * @returns breached at or below 0, danger below the danger level, warning below the warning level
 */
export function bufferLevel(
  bufferPercent: string,
  warningPercent: string,
  dangerPercent: string,
): BufferLevel {
  const buffer = exact(bufferPercent);
  if (compareDecimal(buffer, '0') <= 0) return 'breached';
  if (compareDecimal(buffer, exact(dangerPercent)) < 0) return 'danger';
  if (compareDecimal(buffer, exact(warningPercent)) < 0) return 'warning';
  return 'safe';
}

/** The canonical form of a decimal string; an unreadable one is a programming error, as before. */
function exact(value: string): string {
  const plain = plainDecimalOf(value);
  if (plain === null) throw new Error(`not a decimal: ${value}`);
  return plain;
}
