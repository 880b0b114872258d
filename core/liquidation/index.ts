/**
 * The liquidation computation for one validated position: margin backing it, bankruptcy price,
 * closing fee, and the liquidation price with the maintenance model (rate, fixed or tiers).
 */
import type { Position } from '../position';
import type { Price } from '../units';
import { bankruptcyPrice } from './bankruptcy';
import { closingFeeTerm } from './closing-fee';
import { backingMargin } from './cross';
import type { FeeTerm } from './equation';
import { modelFor, type Model } from './model';
import { solveLiquidation, type LiquidationSolution } from './solve';

export interface Liquidation {
  readonly model: Model;
  readonly bankruptcyPrice: Price | null;
  readonly fee: FeeTerm;
  readonly solution: LiquidationSolution;
}

/**
 * Liquidation of `position`: equity(P) = k·maintenance(P) + fee, solved per formulas.md §0.
 *
 * @returns the model, bankruptcy price, fee term and solution (never throws for a valid Position).
 */
export function liquidate(position: Position): Liquidation {
  const model = modelFor(position, backingMargin(position));
  const bankruptcy = bankruptcyPrice(model);
  const fee = closingFeeTerm(model, bankruptcy);
  return { model, bankruptcyPrice: bankruptcy, fee, solution: solveLiquidation(model, fee) };
}

export { modelFor } from './model';
export { maintenanceTermAt, tierMeasure } from './solve';
