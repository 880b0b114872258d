/**
 * Cross margin (formulas.md §0, Binance FAQ `WB − TMM1 + UPNL1`): the margin backing one position is
 * the wallet balance minus the other positions' maintenance plus their unrealised PnL, with the other
 * positions held at their current marks. Isolated: the position margin itself.
 */
import type { Decimal } from '../decimal';
import type { Position } from '../position';

/**
 * M = wallet − otherMaintenanceMargin + otherUnrealizedPnl (cross); M = margin (isolated).
 *
 * @returns the margin that backs `position`, in its settlement asset.
 */
export function backingMargin(position: Position): Decimal {
  if (position.marginMode === 'isolated') return position.margin;
  return position.margin.minus(position.otherMaintenanceMargin).plus(position.otherUnrealizedPnl);
}
