/**
 * The account view of a cross account (design.md §3): each position's liquidation price with the
 * others held at mark (M = collateral − other MM + other uPnL), account equity / maintenance / margin
 * ratio / risk degree (风险度 = margin in use / equity, formulas.md §12), and the liquidation order:
 * positions ranked by risk rate = (floating loss + estimated closing fee) / margin in use, closed
 * highest first until equity > k × maintenance again.
 *
 * In an account input, a position's `margin` is the margin it uses (the exchange's "Margin" column);
 * the wallet balance and collateral are account fields.
 */
import type {
  AccountEstimate,
  AccountInput,
  AccountOutcome,
  AccountPositionEstimate,
  CoreError,
  EstimateOptions,
  PositionInput,
} from './contract';
import { Decimal, ONE, ZERO } from './decimal';
import { estimateValidated, positionFromInput, readOptions } from './estimate';
import { maintenanceTermAt, modelFor } from './liquidation/index';
import { coreError, ERROR_CODES } from './messages';
import type { Position } from './position';
import { readDecimal } from './position';
import { toOutput } from './round';

interface AccountPosition {
  readonly index: number;
  readonly input: PositionInput;
  readonly position: Position;
  readonly conventions: readonly string[];
  readonly markPrice: Decimal;
  readonly maintenanceMargin: Decimal;
  readonly unrealizedPnl: Decimal;
  readonly closingFee: Decimal;
  readonly marginInUse: Decimal;
}

/**
 * Estimate a cross account.
 *
 * @returns the account view, or every input problem (fields named `positions[i].field`).
 */
export function estimateAccount(
  account: AccountInput,
  options: EstimateOptions = {},
): AccountOutcome {
  try {
    return estimateAccountUnsafe(account, options);
  } catch (error) {
    return {
      ok: false,
      errors: [coreError(ERROR_CODES.INTERNAL, null, { reason: String(error).slice(0, 120) })],
    };
  }
}

function estimateAccountUnsafe(account: AccountInput, options: EstimateOptions): AccountOutcome {
  const errors: CoreError[] = [];
  if (typeof account !== 'object' || (account as unknown) === null || Array.isArray(account)) {
    return { ok: false, errors: [coreError(ERROR_CODES.NOT_AN_OBJECT, 'account')] };
  }
  const settings = readOptions(options, errors);
  const collateralValue = readCollateral(account, errors);
  const threshold =
    readDecimal(account.liquidationThreshold, 'liquidationThreshold', errors) ?? ONE;
  if (!threshold.gt(ZERO)) {
    errors.push(
      coreError(ERROR_CODES.THRESHOLD_NOT_POSITIVE, 'liquidationThreshold', {
        value: threshold.toFixed(),
      }),
    );
  }
  const inputs: unknown = account.positions;
  if (!Array.isArray(inputs) || inputs.length === 0) {
    errors.push(coreError(ERROR_CODES.ACCOUNT_EMPTY, 'positions'));
    return { ok: false, errors };
  }
  const positions: AccountPosition[] = [];
  (inputs as PositionInput[]).forEach((input, index) => {
    const read = readAccountPosition(input, index, collateralValue, errors);
    if (read !== null) positions.push(read);
  });
  const inverseCount = positions.filter((entry) => entry.position.product === 'inverse').length;
  if (inverseCount > 0 && inverseCount < positions.length) {
    errors.push(coreError(ERROR_CODES.ACCOUNT_MIXED_SETTLEMENT, 'positions'));
  }
  if (errors.length > 0 || collateralValue === null) return { ok: false, errors };

  const totalMaintenance = sum(positions.map((entry) => entry.maintenanceMargin));
  const totalPnl = sum(positions.map((entry) => entry.unrealizedPnl));
  const totalMarginInUse = sum(positions.map((entry) => entry.marginInUse));
  const equity = collateralValue.plus(totalPnl);

  const results: AccountPositionEstimate[] = [];
  for (const entry of positions) {
    const crossPosition: Position = {
      ...entry.position,
      margin: collateralValue,
      otherMaintenanceMargin: totalMaintenance.minus(entry.maintenanceMargin),
      otherUnrealizedPnl: totalPnl.minus(entry.unrealizedPnl),
    };
    const outcome = estimateValidated(crossPosition, entry.conventions, settings, true);
    if (!outcome.ok) {
      errors.push(...outcome.errors.map((error) => prefixed(error, entry.index)));
      continue;
    }
    const floatingLoss = entry.unrealizedPnl.isNegative() ? entry.unrealizedPnl.negated() : ZERO;
    const symbol = typeof entry.input.symbol === 'string' ? { symbol: entry.input.symbol } : {};
    results.push({
      index: entry.index,
      ...symbol,
      estimate: outcome.estimate,
      riskRate: toOutput(floatingLoss.plus(entry.closingFee).div(entry.marginInUse)),
      maintenanceMargin: toOutput(entry.maintenanceMargin),
      unrealizedPnl: toOutput(entry.unrealizedPnl),
      marginInUse: toOutput(entry.marginInUse),
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  const riskRanking = positions
    .map((entry) => ({
      index: entry.index,
      riskRate: (entry.unrealizedPnl.isNegative() ? entry.unrealizedPnl.negated() : ZERO)
        .plus(entry.closingFee)
        .div(entry.marginInUse),
    }))
    .sort((a, b) => b.riskRate.comparedTo(a.riskRate) || a.index - b.index)
    .map((entry) => entry.index);

  const accountView: AccountEstimate = {
    equity: toOutput(equity),
    maintenanceMargin: toOutput(totalMaintenance),
    marginRatio: equity.gt(ZERO) ? toOutput(totalMaintenance.div(equity)) : null,
    riskDegree: equity.gt(ZERO) ? toOutput(totalMarginInUse.div(equity)) : null,
    positions: results,
    liquidationOrder: liquidationOrder(positions, riskRanking, equity, totalMaintenance, threshold),
    riskRanking,
    liquidationThreshold: toOutput(threshold),
    collateralValue: toOutput(collateralValue),
  };
  return { ok: true, account: accountView };
}

/**
 * Close positions in risk order while equity ≤ k × maintenance; each close pays its estimated
 * closing fee (its PnL is already in equity) and releases its maintenance.
 */
function liquidationOrder(
  positions: readonly AccountPosition[],
  ranking: readonly number[],
  equity: Decimal,
  maintenance: Decimal,
  threshold: Decimal,
): number[] {
  const order: number[] = [];
  let remainingEquity = equity;
  let remainingMaintenance = maintenance;
  const byIndex = new Map(positions.map((entry) => [entry.index, entry]));
  for (const index of ranking) {
    if (remainingEquity.gt(threshold.times(remainingMaintenance))) break;
    const entry = byIndex.get(index);
    if (entry === undefined) continue;
    order.push(index);
    remainingEquity = remainingEquity.minus(entry.closingFee);
    remainingMaintenance = remainingMaintenance.minus(entry.maintenanceMargin);
  }
  return order;
}

function readCollateral(account: AccountInput, errors: CoreError[]): Decimal | null {
  const wallet = readDecimal(account.walletBalance, 'walletBalance', errors);
  const collateral: unknown = account.collateral;
  if (account.walletBalance === undefined && collateral === undefined) {
    errors.push(coreError(ERROR_CODES.MISSING_FIELD, 'walletBalance'));
    return null;
  }
  let total = wallet ?? ZERO;
  if (collateral === undefined) return wallet === null ? null : total;
  if (!Array.isArray(collateral)) {
    errors.push(coreError(ERROR_CODES.NOT_AN_OBJECT, 'collateral'));
    return null;
  }
  let valid = wallet !== null || account.walletBalance === undefined;
  (collateral as unknown[]).forEach((item, index) => {
    const path = `collateral[${String(index)}]`;
    if (typeof item !== 'object' || item === null) {
      errors.push(coreError(ERROR_CODES.NOT_AN_OBJECT, path));
      valid = false;
      return;
    }
    const asset = item as Readonly<Record<string, unknown>>;
    const amount =
      asset.amount === undefined
        ? missing(`${path}.amount`, errors)
        : readDecimal(asset.amount, `${path}.amount`, errors);
    const price =
      asset.price === undefined
        ? missing(`${path}.price`, errors)
        : readDecimal(asset.price, `${path}.price`, errors);
    const haircut = readDecimal(asset.haircut, `${path}.haircut`, errors) ?? ZERO;
    if (price !== null && !price.gt(ZERO))
      errors.push(coreError(ERROR_CODES.NOT_POSITIVE, `${path}.price`, { value: price.toFixed() }));
    if (haircut.isNegative() || haircut.gte(ONE)) {
      errors.push(
        coreError(ERROR_CODES.RATE_OUT_OF_RANGE, `${path}.haircut`, { value: haircut.toFixed() }),
      );
    }
    if (
      amount === null ||
      price === null ||
      !price.gt(ZERO) ||
      haircut.isNegative() ||
      haircut.gte(ONE)
    ) {
      valid = false;
      return;
    }
    // Collateral value = amount × price × (1 − haircut) (Binance multi-assets mode, formulas.md §1).
    total = total.plus(amount.times(price).times(ONE.minus(haircut)));
  });
  return valid ? total : null;
}

function missing(field: string, errors: CoreError[]): null {
  errors.push(coreError(ERROR_CODES.MISSING_FIELD, field));
  return null;
}

function readAccountPosition(
  input: PositionInput,
  index: number,
  collateralValue: Decimal | null,
  errors: CoreError[],
): AccountPosition | null {
  const path = `positions[${String(index)}]`;
  if (typeof input !== 'object' || (input as unknown) === null) {
    errors.push(coreError(ERROR_CODES.NOT_AN_OBJECT, path));
    return null;
  }
  if (input.marginMode !== 'cross') {
    errors.push(coreError(ERROR_CODES.POSITION_NOT_CROSS, `${path}.marginMode`));
    return null;
  }
  if (input.markPrice === undefined) {
    errors.push(coreError(ERROR_CODES.MISSING_FIELD, `${path}.markPrice`));
  }
  for (const field of ['otherMaintenanceMargin', 'otherUnrealizedPnl'] as const) {
    // The account computes these from the other positions; a given value would silently disagree.
    if (input[field] !== undefined)
      errors.push(
        coreError(ERROR_CODES.CONFLICTING_FIELDS, `${path}.${field}`, { other: 'positions' }),
      );
  }
  // Validate with the account collateral as the cross wallet; the position's own margin is its margin in use.
  const { margin: marginInUseText, ...rest } = input;
  const prepared = positionFromInput({ ...rest, margin: (collateralValue ?? ONE).toFixed() });
  if (!prepared.ok) {
    errors.push(...prepared.errors.map((error) => prefixed(error, index)));
    return null;
  }
  const { position } = prepared;
  if (position.markPrice === null) return null;
  const model = modelFor(position, position.margin);
  const term = maintenanceTermAt(model, position.markPrice);
  if (term === null) {
    errors.push(
      coreError(ERROR_CODES.TIER_TABLE_EXCEEDED, `${path}.quantity`, {
        venue: input.venue ?? 'given',
        cap: '',
      }),
    );
    return null;
  }
  const valueAtMark = model.valueAt(position.markPrice);
  let marginInUse: Decimal | null = null;
  if (marginInUseText !== undefined) {
    marginInUse = readDecimal(marginInUseText, `${path}.margin`, errors);
    if (marginInUse !== null && !marginInUse.gt(ZERO)) {
      errors.push(
        coreError(ERROR_CODES.NOT_POSITIVE, `${path}.margin`, { value: marginInUse.toFixed() }),
      );
      marginInUse = null;
    }
  } else if (position.leverage !== null) {
    marginInUse = valueAtMark.div(position.leverage);
  } else {
    errors.push(coreError(ERROR_CODES.NEITHER_MARGIN_NOR_LEVERAGE, `${path}.margin`));
  }
  if (marginInUse === null) return null;
  return {
    index,
    input,
    position,
    conventions: prepared.conventions,
    markPrice: position.markPrice,
    maintenanceMargin: model.maintenanceAt(term.term, position.markPrice),
    unrealizedPnl: model.pnlAt(position.markPrice),
    closingFee: valueAtMark.times(position.closeFeeRate),
    marginInUse,
  };
}

function prefixed(error: CoreError, index: number): CoreError {
  const field =
    error.field === null
      ? `positions[${String(index)}]`
      : `positions[${String(index)}].${error.field}`;
  return { ...error, field };
}

function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((total, value) => total.plus(value), ZERO);
}
