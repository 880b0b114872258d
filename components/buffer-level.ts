/**
 * Which band a buffer (percent of mark, positive = safe side) falls in. Shared by the buffer bar,
 * the price ladder and the panel so they never disagree.
 */
import { Decimal } from '../core/decimal';

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
  const buffer = new Decimal(bufferPercent);
  if (buffer.lte(0)) return 'breached';
  if (buffer.lt(dangerPercent)) return 'danger';
  if (buffer.lt(warningPercent)) return 'warning';
  return 'safe';
}
