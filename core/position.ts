/**
 * PositionInput (strings, as the CLI and the UIs send it) → a typed Position with Decimal values.
 * Validation collects every problem, not only the first, so a form can mark all bad fields at once.
 * Venue presets are applied before this step (core/venues/apply-venue.ts).
 */
import {
  CLOSE_FEE_BASES,
  MAINTENANCE_BASES,
  MARGIN_MODES,
  PRODUCTS,
  SIDES,
  type CloseFeeBasis,
  type CoreError,
  type MaintenanceBasis,
  type MarginMode,
  type PositionInput,
  type Product,
  type Side,
} from './contract';
import { Decimal, ONE, ZERO } from './decimal';
import { validateTiers, type Tier, type TierMeasure } from './liquidation/tiers';
import { coreError, describeValue, ERROR_CODES } from './messages';
import { parseDecimalInput } from './parse-decimal-input';
import {
  asLeverage,
  asPrice,
  asQuantity,
  asRatio,
  type Leverage,
  type Price,
  type Quantity,
  type Ratio,
} from './units';

export type Maintenance =
  | {
      readonly kind: 'rate';
      readonly maintenanceMarginRate: Decimal;
      readonly maintenanceAmount: Decimal;
    }
  /** A fixed amount in the settlement asset (traditional futures: exchange/broker maintenance per position). */
  | { readonly kind: 'fixed'; readonly maintenanceMargin: Decimal }
  | {
      readonly kind: 'tiers';
      readonly tiers: readonly Tier[];
      readonly measure: TierMeasure;
      /** The venue whose table this is (for messages); null for user-given tiers. */
      readonly venue: string | null;
    };

export interface Position {
  readonly product: Product;
  readonly marginMode: MarginMode;
  readonly side: Side;
  /** +1 long, −1 short (formulas.md §0 `side`). */
  readonly direction: 1 | -1;
  readonly quantity: Quantity;
  readonly contractSize: Decimal;
  /**
   * linear / futures: base units Q = quantity × contractSize (lots × multiplier for futures);
   * inverse: contract value V in quote = contracts × contract value.
   */
  readonly exposure: Decimal;
  readonly entryPrice: Price;
  readonly markPrice: Price | null;
  /** Margin as given (isolated: position margin; cross: wallet balance), or entry notional / leverage. */
  readonly margin: Decimal;
  readonly marginFromLeverage: boolean;
  readonly leverage: Leverage | null;
  readonly otherMaintenanceMargin: Decimal;
  readonly otherUnrealizedPnl: Decimal;
  readonly maintenance: Maintenance;
  readonly maintenanceBasis: MaintenanceBasis;
  readonly closeFeeRate: Ratio;
  readonly closeFeeBasis: CloseFeeBasis;
  /** k: liquidation when equity = k × maintenance (default 1). */
  readonly liquidationThreshold: Decimal;
  readonly platformLiquidationPrice: Price | null;
}

export type PositionOutcome =
  | { readonly ok: true; readonly position: Position }
  | { readonly ok: false; readonly errors: readonly CoreError[] };

/** Options that only the venue layer sets: the measure of venue tier tables. */
export interface ValidateContext {
  readonly tierMeasure?: TierMeasure;
  readonly tierVenue?: string;
}

/**
 * Validate a PositionInput into a Position.
 *
 * @returns the typed position, or every problem found (codes from core/messages.ts).
 */
export function validatePosition(
  input: PositionInput,
  context: ValidateContext = {},
): PositionOutcome {
  const errors: CoreError[] = [];
  if (typeof input !== 'object' || (input as unknown) === null || Array.isArray(input)) {
    return { ok: false, errors: [coreError(ERROR_CODES.NOT_AN_OBJECT, null)] };
  }
  const read = fieldReader(input, errors);

  const product = read.choice('product', PRODUCTS, ERROR_CODES.UNKNOWN_PRODUCT, undefined);
  const marginMode = read.choice(
    'marginMode',
    MARGIN_MODES,
    ERROR_CODES.UNKNOWN_MARGIN_MODE,
    undefined,
  );
  const side = read.choice('side', SIDES, ERROR_CODES.UNKNOWN_SIDE, undefined);
  const maintenanceBasis = read.choice(
    'maintenanceBasis',
    MAINTENANCE_BASES,
    ERROR_CODES.UNKNOWN_BASIS,
    'mark',
  );
  const closeFeeBasis = read.choice(
    'closeFeeBasis',
    CLOSE_FEE_BASES,
    ERROR_CODES.UNKNOWN_BASIS,
    'liquidation',
  );

  const quantity = read.positive('quantity', true);
  const contractSize = read.positive('contractSize', false) ?? ONE;
  const entryPrice = read.positive('entryPrice', true);
  const markPrice = read.positive('markPrice', false);
  const platformLiquidationPrice = read.positive('platformLiquidationPrice', false);
  const givenMargin = read.decimal('margin');
  const leverage = read.decimal('leverage');
  if (leverage !== null && !leverage.gt(ZERO)) {
    errors.push(
      coreError(ERROR_CODES.LEVERAGE_NOT_POSITIVE, 'leverage', { value: leverage.toFixed() }),
    );
  }
  if (givenMargin !== null && givenMargin.isNegative()) {
    errors.push(coreError(ERROR_CODES.NEGATIVE, 'margin'));
  }
  const closeFeeRate = read.decimal('closeFeeRate') ?? ZERO;
  if (closeFeeRate.isNegative()) {
    errors.push(
      coreError(ERROR_CODES.NEGATIVE_FEE, 'closeFeeRate', { value: closeFeeRate.toFixed() }),
    );
  } else if (closeFeeRate.gte(ONE)) {
    errors.push(
      coreError(ERROR_CODES.RATE_OUT_OF_RANGE, 'closeFeeRate', { value: closeFeeRate.toFixed() }),
    );
  }
  const liquidationThreshold = read.decimal('liquidationThreshold') ?? ONE;
  if (!liquidationThreshold.gt(ZERO)) {
    errors.push(
      coreError(ERROR_CODES.THRESHOLD_NOT_POSITIVE, 'liquidationThreshold', {
        value: liquidationThreshold.toFixed(),
      }),
    );
  }
  const otherMaintenanceMargin = read.decimal('otherMaintenanceMargin') ?? ZERO;
  const otherUnrealizedPnl = read.decimal('otherUnrealizedPnl') ?? ZERO;
  if (otherMaintenanceMargin.isNegative()) {
    errors.push(coreError(ERROR_CODES.NEGATIVE, 'otherMaintenanceMargin'));
  }
  if (marginMode === 'isolated') {
    // Other positions never back an isolated one; a non-zero value here is a mistake, not a default.
    if (!otherMaintenanceMargin.isZero())
      errors.push(coreError(ERROR_CODES.CROSS_ONLY_FIELD, 'otherMaintenanceMargin'));
    if (!otherUnrealizedPnl.isZero())
      errors.push(coreError(ERROR_CODES.CROSS_ONLY_FIELD, 'otherUnrealizedPnl'));
  }

  const maintenance = readMaintenance(input, read, errors, context);

  let margin: Decimal | null = givenMargin;
  let marginFromLeverage = false;
  if (givenMargin === null) {
    if (marginMode === 'cross') {
      // Cross liquidation depends on the wallet balance, which leverage cannot tell us.
      errors.push(coreError(ERROR_CODES.MISSING_FIELD, 'margin'));
    } else if (leverage === null) {
      if (input.leverage === undefined)
        errors.push(coreError(ERROR_CODES.NEITHER_MARGIN_NOR_LEVERAGE, 'margin'));
    } else if (leverage.gt(ZERO) && quantity !== null && entryPrice !== null && product !== null) {
      const exposure = quantity.times(contractSize);
      margin = (product === 'inverse' ? exposure.div(entryPrice) : exposure.times(entryPrice)).div(
        leverage,
      );
      marginFromLeverage = true;
    }
  }

  if (
    errors.length > 0 ||
    product === null ||
    marginMode === null ||
    side === null ||
    maintenanceBasis === null ||
    closeFeeBasis === null ||
    quantity === null ||
    entryPrice === null ||
    margin === null ||
    maintenance === null
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    position: {
      product,
      marginMode,
      side,
      direction: side === 'long' ? 1 : -1,
      quantity: asQuantity(quantity),
      contractSize,
      exposure: quantity.times(contractSize),
      entryPrice: asPrice(entryPrice),
      markPrice: markPrice === null ? null : asPrice(markPrice),
      margin,
      marginFromLeverage,
      leverage: leverage !== null && leverage.gt(ZERO) ? asLeverage(leverage) : null,
      otherMaintenanceMargin,
      otherUnrealizedPnl,
      maintenance,
      maintenanceBasis,
      closeFeeRate: asRatio(closeFeeRate),
      closeFeeBasis,
      liquidationThreshold,
      platformLiquidationPrice:
        platformLiquidationPrice === null ? null : asPrice(platformLiquidationPrice),
    },
  };
}

type NumericField = {
  [K in keyof PositionInput]-?: NonNullable<PositionInput[K]> extends string ? K : never;
}[keyof PositionInput];

interface FieldReader {
  decimal(field: NumericField): Decimal | null;
  positive(field: NumericField, required: boolean): Decimal | null;
  choice<T extends string>(
    field: 'product' | 'marginMode' | 'side' | 'maintenanceBasis' | 'closeFeeBasis',
    allowed: readonly T[],
    code: (typeof ERROR_CODES)[keyof typeof ERROR_CODES],
    fallback: T | undefined,
  ): T | null;
}

function fieldReader(input: PositionInput, errors: CoreError[]): FieldReader {
  const raw = input as unknown as Readonly<Record<string, unknown>>;
  const decimal = (field: string): Decimal | null => readDecimal(raw[field], field, errors);
  return {
    decimal,
    positive(field, required) {
      if (raw[field] === undefined) {
        if (required) errors.push(coreError(ERROR_CODES.MISSING_FIELD, field));
        return null;
      }
      const parsed = decimal(field);
      if (parsed === null) return null;
      if (!parsed.gt(ZERO)) {
        errors.push(coreError(ERROR_CODES.NOT_POSITIVE, field, { value: parsed.toFixed() }));
        return null;
      }
      return parsed;
    },
    choice(field, allowed, code, fallback) {
      const value = raw[field];
      if (value === undefined) {
        if (fallback !== undefined) return fallback;
        errors.push(coreError(ERROR_CODES.MISSING_FIELD, field));
        return null;
      }
      const match = allowed.find((option) => option === value);
      if (match === undefined) {
        errors.push(
          coreError(code, field, { value: describeValue(value), allowed: allowed.join(', ') }),
        );
        return null;
      }
      return match;
    },
  };
}

/** A decimal-string field (absent → null without error; present but invalid → NOT_A_NUMBER). */
export function readDecimal(value: unknown, field: string, errors: CoreError[]): Decimal | null {
  if (value === undefined) return null;
  const parsed = typeof value === 'string' ? parseDecimalInput(value) : null;
  if (parsed === null) {
    errors.push(coreError(ERROR_CODES.NOT_A_NUMBER, field, { value: describeValue(value) }));
  }
  return parsed;
}

function readMaintenance(
  input: PositionInput,
  read: FieldReader,
  errors: CoreError[],
  context: ValidateContext,
): Maintenance | null {
  const given = {
    maintenanceMarginRate: input.maintenanceMarginRate !== undefined,
    maintenanceMargin: input.maintenanceMargin !== undefined,
    tiers: input.tiers !== undefined,
  };
  const present = (Object.keys(given) as (keyof typeof given)[]).filter((key) => given[key]);
  if (present.length > 1) {
    errors.push(
      coreError(ERROR_CODES.CONFLICTING_FIELDS, present[1] ?? null, { other: present[0] ?? '' }),
    );
    return null;
  }
  if (input.maintenanceAmount !== undefined && !given.maintenanceMarginRate) {
    // A tier offset only means something next to its rate: with tiers or a fixed amount it conflicts,
    // alone it means the rate is missing.
    const other = given.tiers ? 'tiers' : given.maintenanceMargin ? 'maintenanceMargin' : null;
    errors.push(
      other === null
        ? coreError(ERROR_CODES.MISSING_FIELD, 'maintenanceMarginRate')
        : coreError(ERROR_CODES.CONFLICTING_FIELDS, 'maintenanceAmount', { other }),
    );
    return null;
  }
  if (given.maintenanceMarginRate) {
    const rate = read.decimal('maintenanceMarginRate');
    const amount = read.decimal('maintenanceAmount') ?? ZERO;
    if (amount.isNegative()) errors.push(coreError(ERROR_CODES.NEGATIVE, 'maintenanceAmount'));
    if (rate === null) return null;
    if (rate.isNegative() || rate.gte(ONE)) {
      errors.push(
        coreError(ERROR_CODES.RATE_OUT_OF_RANGE, 'maintenanceMarginRate', {
          value: rate.toFixed(),
        }),
      );
      return null;
    }
    return { kind: 'rate', maintenanceMarginRate: rate, maintenanceAmount: amount };
  }
  if (given.maintenanceMargin) {
    const fixed = read.decimal('maintenanceMargin');
    if (fixed === null) return null;
    if (fixed.isNegative()) {
      errors.push(coreError(ERROR_CODES.NEGATIVE, 'maintenanceMargin'));
      return null;
    }
    return { kind: 'fixed', maintenanceMargin: fixed };
  }
  if (given.tiers) {
    const tiers = validateTiers(input.tiers, errors);
    if (tiers === null) return null;
    return {
      kind: 'tiers',
      tiers,
      measure: context.tierMeasure ?? 'notional',
      venue: context.tierVenue ?? null,
    };
  }
  errors.push(coreError(ERROR_CODES.NO_MAINTENANCE, 'maintenanceMarginRate'));
  return null;
}
