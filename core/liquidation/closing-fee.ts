/**
 * The closing fee in the liquidation equation (formulas.md §14.2):
 * - basis 'liquidation': rate × position value at the liquidation price (OKX, Gate, Bitget: taker in
 *   the denominator of form L/I); rate 0 for venues without a fee term (Binance, Hyperliquid, dYdX);
 * - basis 'bankruptcy': rate × position value at the bankruptcy price, a constant (Bybit inverse
 *   cross "Qty·0.00075/BP", Phemex assigned balance).
 */
import { ZERO } from '../decimal';
import type { FeeTerm } from './equation';
import type { Model } from './model';
import type { Price } from '../units';

/**
 * @param bankruptcy - the bankruptcy price from bankruptcy.ts (null: never bankrupt → no fee).
 * @returns the fee term for the liquidation equation.
 */
export function closingFeeTerm(model: Model, bankruptcy: Price | null): FeeTerm {
  const { closeFeeBasis, closeFeeRate } = model.position;
  if (closeFeeBasis === 'liquidation') return { kind: 'proportional', closeFeeRate };
  const closeFee = bankruptcy === null ? ZERO : model.valueAt(bankruptcy).times(closeFeeRate);
  return { kind: 'constant', closeFee };
}
