/**
 * Tier tables stored tersely (the content-script bundle has a size budget, design.md §6): one string
 * per table, rows "cap:rate:amount" separated by spaces. Each row's floor is the previous row's cap
 * (the first starts at 0), so a table is contiguous by construction; the last row keeps its cap, which
 * marks the table as partial beyond it (LIQ_TIER_TABLE_EXCEEDED, never an extrapolated rate).
 */
import type { TierInput } from '../contract';

/**
 * @param encoded - e.g. "5000:0.005:0 10000:0.006:5" (Binance notionalCap:maintMarginRatio:cum).
 * @returns the rows as TierInput strings, unchanged digit for digit.
 */
export function decodeTiers(encoded: string): TierInput[] {
  let floor = '0';
  return encoded
    .trim()
    .split(/\s+/)
    .map((row) => {
      const [cap = '', maintenanceMarginRate = '', maintenanceAmount = ''] = row.split(':');
      const tier: TierInput = {
        notionalFloor: floor,
        notionalCap: cap,
        maintenanceMarginRate,
        maintenanceAmount,
      };
      floor = cap;
      return tier;
    });
}
