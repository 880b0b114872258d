/**
 * Numeric fallback for the remedies (remedies.ts): bounded bisection on the full model, used only where
 * the closed forms do not apply — a close fee charged at the bankruptcy price (the fee then depends on
 * the margin and size being solved for), a target at or beyond a zero price, or a tier table whose
 * amounts are not continuous (so no tier is self-consistent at the target price). Relative precision
 * 1e-12; the caller rounds in the safe direction.
 */
import { Decimal, ONE, ZERO } from './decimal';
import type { Position } from './position';
import { asQuantity } from './units';

const RELATIVE_PRECISION = new Decimal('1e-12');
const MAX_ITERATIONS = 200;
const MAX_DOUBLINGS = 80;
/** Smallest remaining fraction of the position tried when reducing. */
export const MIN_REMAINING_FRACTION = new Decimal('1e-9');

export type Verdict = 'met' | 'not-met' | 'unknown';
export type Meets = (candidate: Position) => Verdict;

export function withMargin(position: Position, margin: Decimal): Position {
  return { ...position, margin };
}

/**
 * The position with `fraction` of its size. Isolated margin is released pro rata (Binance/OKX); a cross
 * position keeps the wallet.
 */
export function scaled(position: Position, fraction: Decimal): Position {
  const quantity = asQuantity(position.quantity.times(fraction));
  return {
    ...position,
    quantity,
    exposure: quantity.times(position.contractSize),
    margin: position.marginMode === 'isolated' ? position.margin.times(fraction) : position.margin,
  };
}

/** @returns margin to add (an upper bound within 1e-12 relative), or null when no amount suffices. */
export function searchAddMargin(position: Position, meets: Meets): Decimal | null {
  if (meets(position) === 'met') return ZERO;
  let high = Decimal.max(position.margin, position.exposure.times(position.entryPrice).abs(), ONE);
  let verdict = meets(withMargin(position, position.margin.plus(high)));
  for (let doubling = 0; verdict !== 'met' && doubling < MAX_DOUBLINGS; doubling += 1) {
    high = high.times(2);
    verdict = meets(withMargin(position, position.margin.plus(high)));
  }
  if (verdict !== 'met') return null;
  let low = ZERO;
  for (
    let step = 0;
    step < MAX_ITERATIONS && high.minus(low).gt(high.times(RELATIVE_PRECISION));
    step += 1
  ) {
    const middle = low.plus(high).div(2);
    if (meets(withMargin(position, position.margin.plus(middle))) === 'met') high = middle;
    else low = middle;
  }
  return high;
}

/** @returns quantity to close (at least what is needed), or null when no partial close suffices. */
export function searchReduce(position: Position, meets: Meets): Decimal | null {
  if (meets(position) === 'met') return ZERO;
  if (meets(scaled(position, MIN_REMAINING_FRACTION)) !== 'met') return null;
  // Largest remaining fraction that meets the target: `low` meets, `high` does not.
  let low = MIN_REMAINING_FRACTION;
  let high = ONE;
  for (let step = 0; step < MAX_ITERATIONS && high.minus(low).gt(RELATIVE_PRECISION); step += 1) {
    const middle = low.plus(high).div(2);
    if (meets(scaled(position, middle)) === 'met') low = middle;
    else high = middle;
  }
  return position.quantity.times(ONE.minus(low));
}
