/**
 * The core's input/output contract, shared by the CLI, the popup and the content script.
 * Mirrors ../shared/design.md §4: numbers are decimal strings in and out.
 */

export const PRODUCTS = ['linear', 'inverse', 'futures'] as const;
export type Product = (typeof PRODUCTS)[number];

export const MARGIN_MODES = ['isolated', 'cross'] as const;
export type MarginMode = (typeof MARGIN_MODES)[number];

export const SIDES = ['long', 'short'] as const;
export type Side = (typeof SIDES)[number];

export const MAINTENANCE_BASES = ['mark', 'entry'] as const;
export type MaintenanceBasis = (typeof MAINTENANCE_BASES)[number];

export const CLOSE_FEE_BASES = ['liquidation', 'bankruptcy'] as const;
export type CloseFeeBasis = (typeof CLOSE_FEE_BASES)[number];

/** A decimal number written as a string, e.g. "62000.5". */
export type DecimalString = string;

export interface TierInput {
  readonly notionalFloor: DecimalString;
  /** Absent on the last, unbounded tier. */
  readonly notionalCap?: DecimalString;
  readonly maintenanceMarginRate: DecimalString;
  readonly maintenanceAmount?: DecimalString;
}

/** One position, as the CLI and every UI hand it to the core (design.md §4 table). */
export interface PositionInput {
  readonly product: Product;
  readonly marginMode: MarginMode;
  readonly side: Side;
  /** linear: base-asset amount; inverse: contracts; futures: lots. */
  readonly quantity: DecimalString;
  /** inverse: quote value of one contract; futures: multiplier; linear: base per contract (default "1"). */
  readonly contractSize?: DecimalString;
  readonly entryPrice: DecimalString;
  readonly markPrice?: DecimalString;
  /** isolated: position margin incl. added margin; cross: wallet balance. Settlement asset. */
  readonly margin?: DecimalString;
  /** When margin is absent: margin = entry notional / leverage. */
  readonly leverage?: DecimalString;
  readonly maintenanceMarginRate?: DecimalString;
  readonly maintenanceAmount?: DecimalString;
  /** A fixed maintenance amount instead of a rate (traditional futures). */
  readonly maintenanceMargin?: DecimalString;
  readonly tiers?: readonly TierInput[];
  readonly maintenanceBasis?: MaintenanceBasis;
  readonly closeFeeRate?: DecimalString;
  readonly closeFeeBasis?: CloseFeeBasis;
  readonly liquidationThreshold?: DecimalString;
  readonly otherMaintenanceMargin?: DecimalString;
  readonly otherUnrealizedPnl?: DecimalString;
  readonly platformLiquidationPrice?: DecimalString;
  /** A venue id from core/venues (binance, okx, ...): fills conventions where a field is not given. */
  readonly venue?: string;
  /** Venue symbol (BTCUSDT, BTC-USDT-SWAP, ...): with `venue`, selects a tier table. */
  readonly symbol?: string;
}

/** A cross account: several positions sharing one wallet (design.md §3, §4). */
export interface AccountInput {
  /** In the settlement unit (USDT for linear). */
  readonly walletBalance?: DecimalString;
  /** Collateral in several assets, converted with `price` (settlement units per unit of asset). */
  readonly collateral?: readonly {
    readonly asset: string;
    readonly amount: DecimalString;
    readonly price: DecimalString;
    readonly haircut?: DecimalString;
  }[];
  /** Account-level liquidation threshold (margin ratio at which liquidation starts, default "1"). */
  readonly liquidationThreshold?: DecimalString;
  /** Each position must carry a markPrice; marginMode is "cross". */
  readonly positions: readonly PositionInput[];
}

export interface EstimateOptions {
  /** Cross-check tolerance in percent (settings; default "0.5"). */
  readonly tolerancePercent?: DecimalString;
  /** Target buffer in percent of mark for the remedies (settings). Remedies are computed when given. */
  readonly targetBufferPercent?: DecimalString;
  /** Include `steps` (the explain view). */
  readonly explain?: boolean;
}

/** One line of the explain view: the formula, the user's numbers substituted, the result. */
export interface ExplainStep {
  readonly label: { readonly en: string; readonly zh: string };
  readonly formula: string;
  readonly substituted: string;
  readonly result: DecimalString | null;
}

export interface TierUsed {
  readonly index: number;
  readonly notionalFloor: DecimalString;
  readonly notionalCap: DecimalString | null;
  readonly maintenanceMarginRate: DecimalString;
  readonly maintenanceAmount: DecimalString;
  /** Notional at the liquidation price that selected this tier. */
  readonly notionalAtLiquidation: DecimalString;
}

export interface Remedies {
  readonly targetBufferPercent: DecimalString;
  /** Margin to add (settlement asset); "0" when the target is already met; null when impossible. */
  readonly addMargin: DecimalString | null;
  /** Highest leverage (isolated) that still meets the target; null when not applicable. */
  readonly maxLeverage: DecimalString | null;
  /** Quantity to close; null when not reachable by reducing. */
  readonly reduceQuantity: DecimalString | null;
}

export interface Estimate {
  /** null: no liquidation at any price (never 0 or negative). */
  readonly liquidationPrice: DecimalString | null;
  readonly bankruptcyPrice: DecimalString | null;
  /** Maintenance requirement at the liquidation price (or at entry for basis "entry"). */
  readonly maintenanceMargin: DecimalString;
  /** Margin actually used (given, or notional / leverage). */
  readonly margin: DecimalString;
  readonly tier?: TierUsed;
  /** Distance mark → liquidation; positive = safe side. Only with markPrice and a liquidation price. */
  readonly buffer?: { readonly price: DecimalString; readonly percent: DecimalString };
  readonly crossCheck?: {
    readonly platform: DecimalString;
    readonly differencePercent: DecimalString;
    readonly agrees: boolean;
  };
  readonly remedies?: Remedies;
  /** Conventions applied from a venue preset, e.g. ["maintenance basis: mark (binance)"]. */
  readonly conventions?: readonly string[];
  readonly steps?: readonly ExplainStep[];
}

/** A coded failure; `field` names the offending input field (null for whole-input problems). */
export interface CoreError {
  readonly code: string;
  readonly field: string | null;
  /** English text; translate with `formatError(error, lang)` from core/messages.ts. */
  readonly message: string;
  readonly params?: Readonly<Record<string, string>>;
}

export type EstimateOutcome =
  | { readonly ok: true; readonly estimate: Estimate }
  | { readonly ok: false; readonly errors: readonly CoreError[] };

export interface AccountPositionEstimate {
  readonly index: number;
  readonly symbol?: string;
  readonly estimate: Estimate;
  /** (floating loss + estimated closing fee) / margin in use. */
  readonly riskRate: DecimalString;
  /** Maintenance margin of this position at its mark. */
  readonly maintenanceMargin?: DecimalString;
  /** Unrealised PnL of this position at its mark. */
  readonly unrealizedPnl?: DecimalString;
  /** Margin in use: the position's `margin` field, or notional at mark / leverage. */
  readonly marginInUse?: DecimalString;
}

export interface AccountEstimate {
  readonly equity: DecimalString;
  readonly maintenanceMargin: DecimalString;
  /** maintenance / equity (Binance-style margin ratio; >= threshold means liquidation). */
  readonly marginRatio: DecimalString | null;
  /** margin in use / equity (broker risk degree, 风险度). */
  readonly riskDegree: DecimalString | null;
  readonly positions: readonly AccountPositionEstimate[];
  /** Position indexes in the order they would be closed, until the account is back under its threshold. */
  readonly liquidationOrder: readonly number[];
  /** Every position index by risk rate, highest first (the order liquidation would follow). */
  readonly riskRanking?: readonly number[];
  /** Account-level threshold k used (margin ratio at which liquidation starts). */
  readonly liquidationThreshold?: DecimalString;
  /** Wallet balance plus collateral value after haircuts, in the settlement unit. */
  readonly collateralValue?: DecimalString;
}

export type AccountOutcome =
  | { readonly ok: true; readonly account: AccountEstimate }
  | { readonly ok: false; readonly errors: readonly CoreError[] };
