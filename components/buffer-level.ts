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
  return plainBufferLevel(
    canonicalDecimal(bufferPercent),
    canonicalDecimal(warningPercent),
    canonicalDecimal(dangerPercent),
  );
}

/** bufferLevel on canonical plain decimals (canonicalDecimal's): no parsing, for a hot path. */
export function plainBufferLevel(buffer: string, warning: string, danger: string): BufferLevel {
  if (compareDecimal(buffer, '0') <= 0) return 'breached';
  if (compareDecimal(buffer, danger) < 0) return 'danger';
  if (compareDecimal(buffer, warning) < 0) return 'warning';
  return 'safe';
}

/**
 * How full a buffer bar is, in [0, 1]: the bar spans 0 → twice the warning level, so the warning
 * threshold sits in the middle.
 */
export function bufferFill(bufferPercent: string, warningPercent: string): number {
  return plainBufferFill(canonicalDecimal(bufferPercent), canonicalDecimal(warningPercent));
}

/** bufferFill on canonical plain decimals: no parsing, for a hot path. */
export function plainBufferFill(buffer: string, warning: string): number {
  // A bar's length is a picture, not a figure: float arithmetic on the exactly parsed strings is
  // precise enough for a fraction of a pixel and keeps decimal.js out of the page.
  // eslint-disable-next-line no-restricted-syntax
  const span = Number(warning) * 2;
  // eslint-disable-next-line no-restricted-syntax
  return span > 0 ? Math.min(Math.max(Number(buffer) / span, 0), 1) : 0;
}

/** The canonical form of a decimal string; an unreadable one is a programming error. */
export function canonicalDecimal(value: string): string {
  const plain = plainDecimalOf(value);
  if (plain === null) throw new Error(`not a decimal: ${value}`);
  return plain;
}
