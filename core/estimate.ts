/**
 * estimatePosition: PositionInput → Estimate (design.md §4). Venue preset → validation → liquidation
 * (bankruptcy, fee, tiers) → buffer, cross-check, remedies → output strings. Never throws: an
 * unexpected failure becomes a coded error rather than reaching the page.
 */
import type {
  CoreError,
  Estimate,
  EstimateOptions,
  EstimateOutcome,
  PositionInput,
  TierUsed,
} from './contract';
import { bufferOf } from './buffer';
import { crossCheck, DEFAULT_TOLERANCE_PERCENT } from './cross-check';
import { Decimal, ZERO } from './decimal';
import { explainSteps } from './explain';
import { liquidate, maintenanceTermAt, type Liquidation } from './liquidation/index';
import { coreError, describeValue, ERROR_CODES } from './messages';
import { parseDecimalInput } from './parse-decimal-input';
import { validatePosition, type Position } from './position';
import { computeRemedies } from './remedies';
import { toOutput } from './round';
import { applyVenue } from './venues/apply-venue';

/**
 * Estimate one position's liquidation price and everything derived from it.
 *
 * Liquidation: equity(P) = k·maintenance(P) + fee (formulas.md §0, forms L, L-entry, I).
 *
 * @param input - the position as decimal strings (core/contract.ts PositionInput).
 * @param options - tolerance and target buffer in percent; `explain` adds the steps.
 * @returns `{ok: true, estimate}` or `{ok: false, errors}` listing every problem found.
 */
export function estimatePosition(
  input: PositionInput,
  options: EstimateOptions = {},
): EstimateOutcome {
  try {
    return estimateUnsafe(input, options);
  } catch (error) {
    // A bug must not break the page or the popup: report it as an input problem with the reason.
    return {
      ok: false,
      errors: [coreError(ERROR_CODES.INTERNAL, null, { reason: String(error).slice(0, 120) })],
    };
  }
}

/** Validate `input` (with its venue preset) into a Position, or the errors. */
export function positionFromInput(
  input: PositionInput,
):
  | { ok: true; position: Position; conventions: readonly string[] }
  | { ok: false; errors: readonly CoreError[] } {
  if (typeof input !== 'object' || (input as unknown) === null || Array.isArray(input)) {
    return { ok: false, errors: [coreError(ERROR_CODES.NOT_AN_OBJECT, null)] };
  }
  const applied = applyVenue(input);
  if (!applied.ok) return applied;
  const validated = validatePosition(applied.input, applied.context);
  if (!validated.ok) return validated;
  return { ok: true, position: validated.position, conventions: applied.conventions };
}

function estimateUnsafe(input: PositionInput, options: EstimateOptions): EstimateOutcome {
  const optionErrors: CoreError[] = [];
  const settings = readOptions(options, optionErrors);
  const prepared = positionFromInput(input);
  if (!prepared.ok) return { ok: false, errors: [...prepared.errors, ...optionErrors] };
  if (optionErrors.length > 0) return { ok: false, errors: optionErrors };
  return estimateValidated(prepared.position, prepared.conventions, settings, false);
}

export interface EstimateSettings {
  readonly tolerancePercent: Decimal;
  readonly targetBufferPercent: Decimal | null;
  readonly explain: boolean;
}

/** Options → decimals, pushing errors for bad values. */
export function readOptions(options: EstimateOptions, errors: CoreError[]): EstimateSettings {
  if (typeof options !== 'object' || (options as unknown) === null) {
    return {
      tolerancePercent: new Decimal(DEFAULT_TOLERANCE_PERCENT),
      targetBufferPercent: null,
      explain: false,
    };
  }
  return {
    tolerancePercent:
      readOption(options.tolerancePercent, 'tolerancePercent', errors) ??
      new Decimal(DEFAULT_TOLERANCE_PERCENT),
    targetBufferPercent: readOption(options.targetBufferPercent, 'targetBufferPercent', errors),
    explain: options.explain === true,
  };
}

/**
 * Estimate a validated position.
 *
 * @param allowPastLiquidation - the account view shows a position already past its point (its
 *   liquidation price then lies on the safe side of mark and the buffer is negative) instead of failing.
 */
export function estimateValidated(
  position: Position,
  conventions: readonly string[],
  settings: EstimateSettings,
  allowPastLiquidation: boolean,
): EstimateOutcome {
  const liquidation = liquidate(position);
  const failure = liquidationFailure(position, liquidation, allowPastLiquidation);
  if (failure !== null) return { ok: false, errors: [failure] };
  const { solution, model } = liquidation;
  if (!solution.ok)
    return {
      ok: false,
      errors: [coreError(ERROR_CODES.MAINTENANCE_TOO_HIGH, 'maintenanceMarginRate')],
    };

  const referencePrice = position.markPrice ?? position.entryPrice;
  const maintenanceMargin = model.maintenanceAt(
    solution.maintenance,
    solution.price ?? referencePrice,
  );

  let estimate: Estimate = {
    liquidationPrice: solution.price === null ? null : toOutput(solution.price),
    bankruptcyPrice:
      liquidation.bankruptcyPrice === null ? null : toOutput(liquidation.bankruptcyPrice),
    maintenanceMargin: toOutput(maintenanceMargin),
    margin: toOutput(position.margin),
  };
  if (solution.tier !== null) {
    const { tier, measure } = solution.tier;
    const tierUsed: TierUsed = {
      index: tier.index,
      notionalFloor: toOutput(tier.floor),
      notionalCap: tier.cap === null ? null : toOutput(tier.cap),
      maintenanceMarginRate: toOutput(tier.maintenanceMarginRate),
      maintenanceAmount: toOutput(tier.maintenanceAmount),
      notionalAtLiquidation: toOutput(measure),
    };
    estimate = { ...estimate, tier: tierUsed };
  }
  if (position.markPrice !== null && solution.price !== null) {
    const buffer = bufferOf(position.side, position.markPrice, solution.price);
    estimate = {
      ...estimate,
      buffer: { price: toOutput(buffer.price), percent: toOutput(buffer.percent) },
    };
  }
  if (position.platformLiquidationPrice !== null && solution.price !== null) {
    const check = crossCheck(
      solution.price,
      position.platformLiquidationPrice,
      settings.tolerancePercent,
    );
    estimate = {
      ...estimate,
      crossCheck: {
        platform: toOutput(position.platformLiquidationPrice),
        differencePercent: toOutput(check.differencePercent),
        agrees: check.agrees,
      },
    };
  }
  if (settings.targetBufferPercent !== null) {
    estimate = { ...estimate, remedies: computeRemedies(position, settings.targetBufferPercent) };
  }
  if (conventions.length > 0) estimate = { ...estimate, conventions };
  if (settings.explain) {
    estimate = { ...estimate, steps: explainSteps(position, liquidation, conventions, estimate) };
  }
  return { ok: true, estimate };
}

/** Problems that make any number meaningless: past liquidation already, k·MMR + f ≥ 1, table exceeded. */
function liquidationFailure(
  position: Position,
  liquidation: Liquidation,
  allowPastLiquidation: boolean,
): CoreError | null {
  const { model, solution } = liquidation;
  if (!solution.ok && solution.reason === 'tier-table-exceeded') {
    const venue =
      position.maintenance.kind === 'tiers' ? (position.maintenance.venue ?? 'given') : 'given';
    return coreError(ERROR_CODES.TIER_TABLE_EXCEEDED, 'quantity', {
      venue,
      cap: toOutput(solution.cap),
    });
  }
  const referencePrice = position.markPrice ?? position.entryPrice;
  const atReference = maintenanceTermAt(model, referencePrice);
  if (atReference === null) {
    const venue =
      position.maintenance.kind === 'tiers' ? (position.maintenance.venue ?? 'given') : 'given';
    const cap =
      position.maintenance.kind === 'tiers' ? position.maintenance.tiers.at(-1)?.cap : null;
    return coreError(ERROR_CODES.TIER_TABLE_EXCEEDED, 'quantity', {
      venue,
      cap: cap ? toOutput(cap) : '',
    });
  }
  const gap = model.gap(atReference.term, liquidation.fee);
  const gapAtReference = model.gapAt(gap, referencePrice);
  if (!allowPastLiquidation && !gapAtReference.gt(ZERO)) {
    const equity = model.margin.plus(model.pnlAt(referencePrice));
    return coreError(ERROR_CODES.ALREADY_LIQUIDATABLE, 'margin', {
      price: toOutput(referencePrice),
      equity: toOutput(equity),
      requirement: toOutput(equity.minus(gapAtReference)),
    });
  }
  if (!solution.ok) return coreError(ERROR_CODES.MAINTENANCE_TOO_HIGH, 'maintenanceMarginRate');
  return null;
}

function readOption(value: unknown, field: string, errors: CoreError[]): Decimal | null {
  if (value === undefined) return null;
  const parsed = typeof value === 'string' ? parseDecimalInput(value) : null;
  if (parsed === null) {
    errors.push(coreError(ERROR_CODES.NOT_A_NUMBER, field, { value: describeValue(value) }));
    return null;
  }
  if (!parsed.gt(ZERO)) {
    errors.push(coreError(ERROR_CODES.NOT_POSITIVE, field, { value: parsed.toFixed() }));
    return null;
  }
  return parsed;
}
