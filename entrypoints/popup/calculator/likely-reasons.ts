/**
 * Why our estimate may differ from the exchange's figure, from what the user did and did not enter.
 * Returns i18n keys, most likely first. The list follows formulas.md §0 (fees, tiers, cross balance,
 * maintenance basis) and exchange-pages.md (exchanges recompute with mark price and funding).
 */
import type { PositionInput } from '../../../core/contract';

export function likelyReasonKeys(input: PositionInput, tierFromPreset: boolean): readonly string[] {
  const keys: string[] = [];
  if (input.closeFeeRate === undefined && input.venue === undefined) keys.push('reason.feeMissing');
  else keys.push('reason.feeDiffers');
  if (!tierFromPreset) keys.push('reason.tier');
  if (input.marginMode === 'cross') keys.push('reason.crossBalance');
  if (input.maintenanceBasis === undefined && input.venue === undefined) keys.push('reason.basis');
  keys.push('reason.mark');
  return keys;
}
