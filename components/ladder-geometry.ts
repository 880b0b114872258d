/**
 * Pure geometry for the price ladder: prices → x positions on one axis. The scaling is done in Decimal;
 * only the final pixel position becomes a JS number (display only; no money value comes from it).
 */
import { Decimal } from '../core/decimal';

export interface LadderScale {
  /** x of a price in SVG user units (a pixel position, never a money value). */
  readonly x: (price: string) => number;
  readonly min: string;
  readonly max: string;
}

/**
 * @param prices the prices to fit (at least one)
 * @param left x of the axis start
 * @param right x of the axis end
 * @returns a scale with 8 % padding on each side so end markers are not cut off
 */
export function ladderScale(prices: readonly string[], left: number, right: number): LadderScale {
  const decimals = prices.map((price) => new Decimal(price));
  let min = Decimal.min(...decimals);
  let max = Decimal.max(...decimals);
  if (max.eq(min)) {
    // One distinct price: centre it on a ±1 % window.
    const half = min
      .abs()
      .times('0.01')
      .plus(min.isZero() ? 1 : 0);
    min = min.minus(half);
    max = max.plus(half);
  }
  const padding = max.minus(min).times('0.08');
  min = min.minus(padding);
  max = max.plus(padding);
  const span = max.minus(min);
  const width = new Decimal(right).minus(left);
  return {
    x: (price) =>
      new Decimal(price).minus(min).div(span).times(width).plus(left).toDecimalPlaces(1).toNumber(),
    min: min.toFixed(),
    max: max.toFixed(),
  };
}

/**
 * The mark price at which the buffer would equal `bufferPercent`, for a given liquidation price.
 * Long: buffer = (mark − liq) / mark → mark = liq / (1 − b); short: mark = liq / (1 + b).
 * Null when no such mark exists (a long with b ≥ 100 %).
 */
export function markAtBuffer(
  liquidationPrice: string,
  bufferPercent: string,
  side: 'long' | 'short',
): string | null {
  const fraction = new Decimal(bufferPercent).div(100);
  const denominator = side === 'long' ? new Decimal(1).minus(fraction) : fraction.plus(1);
  if (denominator.lte(0)) return null;
  return new Decimal(liquidationPrice).div(denominator).toFixed();
}
