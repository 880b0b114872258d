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
