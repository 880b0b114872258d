/**
 * Buffer: distance from the mark price to the liquidation price, positive on the safe side
 * (design.md §3). Long: mark − liq; short: liq − mark; percent of mark.
 */
import type { Side } from './contract';
import type { Decimal } from './decimal';
import type { Price } from './units';

export interface Buffer {
  readonly price: Decimal;
  readonly percent: Decimal;
}

/**
 * @returns price = side-adjusted (mark − liquidation), percent = price / mark × 100.
 */
export function bufferOf(side: Side, markPrice: Price, liquidationPrice: Price): Buffer {
  const price =
    side === 'long' ? markPrice.minus(liquidationPrice) : liquidationPrice.minus(markPrice);
  return { price, percent: price.div(markPrice).times(100) };
}

/** The liquidation price at which the buffer equals `targetPercent` of mark. */
export function liquidationPriceForBuffer(
  side: Side,
  markPrice: Decimal,
  targetPercent: Decimal,
): Decimal {
  const distance = markPrice.times(targetPercent).div(100);
  return side === 'long' ? markPrice.minus(distance) : markPrice.plus(distance);
}
