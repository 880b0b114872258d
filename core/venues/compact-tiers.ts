/**
 * Tier tables stored tersely (the content-script bundle has a size budget, design.md §6): one string
 * per table, rows "cap:rate" separated by spaces, the rate without its leading zero (".005"). Each row's floor is the previous row's cap (the
 * first starts at 0), so a table is contiguous by construction; the last row keeps its cap, which marks
 * the table as partial beyond it (LIQ_TIER_TABLE_EXCEEDED, never an extrapolated rate).
 *
 * The maintenance amount is not stored: Binance defines it by the recurrence
 * cum_n = floor_n × (MMR_n − MMR_{n−1}) + cum_{n−1}, cum_1 = 0 (formulas.md §1), and every published
 * `cum` we transcribed equals it (tests/core/binance-brackets.test.ts checks each table's last `cum`
 * against the source). A row may still give it explicitly as "cap:rate:amount".
 */
import type { TierInput } from '../contract';
import { Decimal, ZERO } from '../decimal';

/**
 * @param encoded - e.g. "5000:.005 10000:.006" (Binance notionalCap:maintMarginRatio).
 * @returns contiguous rows with floor, cap, rate and amount as decimal strings.
 */
export function decodeTiers(encoded: string): TierInput[] {
  let floor = ZERO;
  let previousRate: Decimal | null = null;
  let amount = ZERO;
  return encoded
    .trim()
    .split(/\s+/)
    .map((row) => {
      const [cap = '', rate = '', given] = row.split(':');
      const maintenanceMarginRate = new Decimal(rate);
      amount =
        given !== undefined
          ? new Decimal(given)
          : previousRate === null
            ? ZERO
            : floor.times(maintenanceMarginRate.minus(previousRate)).plus(amount);
      const tier: TierInput = {
        notionalFloor: floor.toFixed(),
        notionalCap: cap,
        maintenanceMarginRate: maintenanceMarginRate.toFixed(),
        maintenanceAmount: amount.toFixed(),
      };
      floor = new Decimal(cap);
      previousRate = maintenanceMarginRate;
      return tier;
    });
}
