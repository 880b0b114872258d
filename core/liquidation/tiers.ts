/**
 * Maintenance-margin tiers (Binance brackets, Bybit risk limits, OKX position tiers).
 *
 * Rule (formulas.md §0, Binance COIN-M FAQ): the tier is chosen by the notional AT THE LIQUIDATION
 * PRICE, not at entry. We solve the liquidation equation with every tier's (MMR, amount) and keep the
 * tier whose [floor, cap) contains the notional at that tier's own solution.
 */
import type { CoreError, TierInput } from '../contract';
import { ZERO, type Decimal } from '../decimal';
import { coreError, describeValue, ERROR_CODES } from '../messages';
import { parseDecimalInput } from '../parse-decimal-input';

export interface Tier {
  readonly index: number;
  readonly floor: Decimal;
  /** null: the last tier is unbounded. */
  readonly cap: Decimal | null;
  readonly maintenanceMarginRate: Decimal;
  readonly maintenanceAmount: Decimal;
  /** True when maintenanceAmount was derived by the recurrence, not given. */
  readonly amountDerived: boolean;
}

/**
 * What a tier's bounds measure: 'notional' = position value in the settlement unit at the price
 * considered (quote for linear, coin for inverse: V/P); 'base' = position size in base units
 * (OKX tiers are by size: maxSz contracts × ctVal).
 */
export type TierMeasure = 'notional' | 'base';

/**
 * Validate user or venue tiers: sorted, starting at 0, contiguous (each floor = previous cap), rates
 * in [0, 1), amounts ≥ 0; only the last may omit its cap. A missing maintenanceAmount is derived by
 * Binance's recurrence `cum_n = floor_n × (MMR_n − MMR_{n−1}) + cum_{n−1}` (formulas.md §1), which is
 * what keeps the maintenance requirement continuous across tier boundaries.
 *
 * @returns the tiers, or null after pushing LIQ_TIERS_MALFORMED / LIQ_NOT_A_NUMBER errors.
 */
export function validateTiers(input: unknown, errors: CoreError[]): readonly Tier[] | null {
  // Venue tables are frozen module data: validate each once (a mutable array is never cached).
  const frozen =
    Array.isArray(input) && Object.isFrozen(input) && input.every((tier) => Object.isFrozen(tier));
  const cached = frozen ? VALIDATED.get(input as object) : undefined;
  if (cached !== undefined) return cached;
  const tiers = validateTiersUncached(input, errors);
  if (frozen && tiers !== null) VALIDATED.set(input as object, tiers);
  return tiers;
}

const VALIDATED = new WeakMap<object, readonly Tier[]>();

function validateTiersUncached(input: unknown, errors: CoreError[]): readonly Tier[] | null {
  const malformed = (reason: string, field = 'tiers'): null => {
    errors.push(coreError(ERROR_CODES.TIERS_MALFORMED, field, { reason }));
    return null;
  };
  if (!Array.isArray(input)) return malformed('tiers must be a list');
  if (input.length === 0) return malformed('the list is empty');
  const tiers: Tier[] = [];
  let previous: Tier | null = null;
  for (const [index, raw] of (input as unknown[]).entries()) {
    const path = `tiers[${String(index)}]`;
    if (typeof raw !== 'object' || raw === null) return malformed(`${path} is not an object`, path);
    const tier = raw as Partial<Record<keyof TierInput, unknown>>;
    const floor = readTierNumber(tier.notionalFloor, `${path}.notionalFloor`, errors);
    const cap =
      tier.notionalCap === undefined
        ? null
        : readTierNumber(tier.notionalCap, `${path}.notionalCap`, errors);
    const rate = readTierNumber(
      tier.maintenanceMarginRate,
      `${path}.maintenanceMarginRate`,
      errors,
    );
    const givenAmount =
      tier.maintenanceAmount === undefined
        ? null
        : readTierNumber(tier.maintenanceAmount, `${path}.maintenanceAmount`, errors);
    if (floor === null || rate === null || (tier.notionalCap !== undefined && cap === null))
      return null;
    if (tier.maintenanceAmount !== undefined && givenAmount === null) return null;
    if (rate.isNegative() || rate.gte(1)) {
      errors.push(
        coreError(ERROR_CODES.RATE_OUT_OF_RANGE, `${path}.maintenanceMarginRate`, {
          value: rate.toFixed(),
        }),
      );
      return null;
    }
    if (givenAmount?.isNegative() === true) {
      errors.push(coreError(ERROR_CODES.NEGATIVE, `${path}.maintenanceAmount`));
      return null;
    }
    if (previous === null) {
      if (!floor.isZero())
        return malformed('the first tier must start at 0', `${path}.notionalFloor`);
    } else {
      if (previous.cap === null) return malformed('only the last tier may omit its cap', 'tiers');
      if (!floor.eq(previous.cap)) {
        return malformed(
          `tier ${String(index + 1)} starts at ${floor.toFixed()} but the previous one ends at ${previous.cap.toFixed()} (unsorted, gap or overlap)`,
          `${path}.notionalFloor`,
        );
      }
    }
    if (cap !== null && !cap.gt(floor))
      return malformed(`tier ${String(index + 1)} ends before it starts`, `${path}.notionalCap`);
    const amount =
      givenAmount ??
      (previous === null
        ? ZERO
        : floor.times(rate.minus(previous.maintenanceMarginRate)).plus(previous.maintenanceAmount));
    const current: Tier = {
      index,
      floor,
      cap,
      maintenanceMarginRate: rate,
      maintenanceAmount: amount,
      amountDerived: givenAmount === null,
    };
    tiers.push(current);
    previous = current;
  }
  return tiers;
}

function readTierNumber(value: unknown, field: string, errors: CoreError[]): Decimal | null {
  if (value === undefined) {
    errors.push(coreError(ERROR_CODES.MISSING_FIELD, field));
    return null;
  }
  const parsed = typeof value === 'string' ? parseDecimalInput(value) : null;
  if (parsed === null)
    errors.push(coreError(ERROR_CODES.NOT_A_NUMBER, field, { value: describeValue(value) }));
  else if (parsed.isNegative()) {
    errors.push(coreError(ERROR_CODES.NEGATIVE, field));
    return null;
  }
  return parsed;
}

/** True when `measure` falls in [floor, cap). */
export function isInTier(tier: Tier, measure: Decimal): boolean {
  return measure.gte(tier.floor) && (tier.cap === null || measure.lt(tier.cap));
}

/** The tier containing `measure`, or null when it lies beyond a bounded table. */
export function tierContaining(tiers: readonly Tier[], measure: Decimal): Tier | null {
  return tiers.find((tier) => isInTier(tier, measure)) ?? null;
}

/** The cap of the last tier: null when the table is unbounded, else where our table ends. */
export function lastCap(tiers: readonly Tier[]): Decimal | null {
  return tiers[tiers.length - 1]?.cap ?? null;
}
