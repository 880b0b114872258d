/**
 * Remedies (design.md §3): how much margin to add, which leverage to use, or how much to close so the
 * buffer reaches a target percent of mark. Solved by bounded bisection on the full model (so tiers,
 * fee conventions and cross margin are all honoured) to a relative precision of 1e-12, then rounded
 * in the safe direction: margin and quantity up, leverage down.
 *
 * Assumptions (core/liquidation/README.md): added margin adds to M one for one (isolated margin or
 * cross wallet); reducing an ISOLATED position releases its margin pro rata (Binance/OKX behaviour),
 * so only tiers can make reducing help there; reducing a CROSS position keeps the wallet.
 */
import type { Remedies } from './contract';
import { bufferOf } from './buffer';
import { Decimal, ONE, ZERO } from './decimal';
import { liquidate } from './liquidation/index';
import type { Position } from './position';
import { toOutput, toOutputUp } from './round';
import { asQuantity } from './units';

const RELATIVE_PRECISION = new Decimal('1e-12');
const MAX_ITERATIONS = 200;
const MAX_DOUBLINGS = 80;
/** Smallest remaining fraction of the position tried when reducing. */
const MIN_REMAINING_FRACTION = new Decimal('1e-9');

type Verdict = 'met' | 'not-met' | 'unknown';

/**
 * @param targetBufferPercent - target distance mark → liquidation in percent of mark.
 * @returns the remedies; each is "0" when already met and null when impossible or not applicable.
 */
export function computeRemedies(position: Position, targetBufferPercent: Decimal): Remedies {
  const target = toOutput(targetBufferPercent);
  const markPrice = position.markPrice;
  if (markPrice === null) {
    return {
      targetBufferPercent: target,
      addMargin: null,
      maxLeverage: null,
      reduceQuantity: null,
    };
  }
  const meets = (candidate: Position): Verdict => {
    const { solution } = liquidate(candidate);
    if (!solution.ok) return 'unknown';
    if (solution.price === null) return 'met';
    return bufferOf(candidate.side, markPrice, solution.price).percent.gte(targetBufferPercent)
      ? 'met'
      : 'not-met';
  };

  const addMargin = solveAddMargin(position, meets);
  const maxLeverage =
    position.marginMode === 'isolated' && addMargin !== null
      ? leverageFor(position, position.margin.plus(addMargin))
      : null;
  const reduceQuantity = solveReduce(position, meets);
  return {
    targetBufferPercent: target,
    addMargin: addMargin === null ? null : toOutputUp(addMargin),
    maxLeverage,
    reduceQuantity: reduceQuantity === null ? null : toOutputUp(reduceQuantity),
  };
}

function withMargin(position: Position, margin: Decimal): Position {
  return { ...position, margin };
}

function solveAddMargin(
  position: Position,
  meets: (candidate: Position) => Verdict,
): Decimal | null {
  const initial = meets(position);
  if (initial === 'met') return ZERO;
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

/** Entry notional / margin, rounded down to 2 decimals (a leverage at or below it meets the target). */
function leverageFor(position: Position, margin: Decimal): string | null {
  if (!margin.gt(ZERO)) return null;
  const notional =
    position.product === 'inverse'
      ? position.exposure.div(position.entryPrice)
      : position.exposure.times(position.entryPrice);
  const leverage = notional.div(margin).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  return leverage.gt(ZERO) ? leverage.toFixed() : null;
}

function scaled(position: Position, fraction: Decimal): Position {
  const quantity = asQuantity(position.quantity.times(fraction));
  return {
    ...position,
    quantity,
    exposure: quantity.times(position.contractSize),
    margin: position.marginMode === 'isolated' ? position.margin.times(fraction) : position.margin,
  };
}

function solveReduce(position: Position, meets: (candidate: Position) => Verdict): Decimal | null {
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
