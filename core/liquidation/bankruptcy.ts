/**
 * Bankruptcy price: the same equation with zero maintenance (design.md §3): equity reaches zero.
 * With the fee charged at the bankruptcy price (Bybit inverse cross, Phemex), equity reaches the
 * closing fee at that price instead: Bybit's `BP = (1 + fee)·N / (N/EP + Balance)` (formulas.md §3,
 * help.bybit.com/hc/en-us/articles/360039261334), reproduced exactly by vector
 * bybit-inverse-cross-long-btcusd.
 */
import { ZERO } from '../decimal';
import type { Model } from './model';
import type { Price } from '../units';

const NO_MAINTENANCE = { kind: 'fixed', maintenanceMargin: ZERO } as const;

/**
 * Solve equity(P) = [fee at P when the fee basis is 'bankruptcy', else 0].
 *
 * @returns the bankruptcy price, or null when equity never reaches it (e.g. a 1x linear long).
 */
export function bankruptcyPrice(model: Model): Price | null {
  const { closeFeeBasis, closeFeeRate } = model.position;
  const fee =
    closeFeeBasis === 'bankruptcy'
      ? ({ kind: 'proportional', closeFeeRate } as const)
      : ({ kind: 'constant', closeFee: ZERO } as const);
  const solution = model.solve(model.gap(NO_MAINTENANCE, fee));
  return solution.kind === 'price' ? solution.price : null;
}
