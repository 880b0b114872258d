/**
 * Branded Decimal types (style.md §4.4): a price cannot be passed where a quantity is expected.
 * Arithmetic on a branded value returns a plain Decimal; a result becomes a unit again only through
 * these constructors, at the point where its meaning is known.
 */
import type { Decimal } from './decimal';

declare const UNIT: unique symbol;
type Branded<Unit extends string> = Decimal & { readonly [UNIT]: Unit };

/** Quote per base (USDT per BTC, USD per BTC for inverse). */
export type Price = Branded<'price'>;
/** Contracts or base units as the position states them (before contract size). */
export type Quantity = Branded<'quantity'>;
/** A dimensionless rate: maintenance margin rate, fee rate. */
export type Ratio = Branded<'ratio'>;
/** Notional / margin. */
export type Leverage = Branded<'leverage'>;

export const asPrice = (value: Decimal): Price => value as Price;
export const asQuantity = (value: Decimal): Quantity => value as Quantity;
export const asRatio = (value: Decimal): Ratio => value as Ratio;
export const asLeverage = (value: Decimal): Leverage => value as Leverage;
