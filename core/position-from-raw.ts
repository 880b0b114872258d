/**
 * Raw cell texts read from an exchange page → a PositionInput for the core, or field problems.
 *
 * Rules (brief; exchange-pages.md §10): every number goes through parseNumber; a missing or
 * unreadable field becomes a problem naming that field, never a default; the page's liquidation
 * price is only a cross-check (`platformLiquidationPrice`); a cross position needs the wallet balance
 * (design.md §4: cross `margin` = wallet balance), and without it the result is `ok: false` with
 * everything read kept in `partialInput` so the panel can offer "open in calculator".
 */
import type { MarginMode, PositionInput, Product, Side } from './contract';
import { Decimal } from './decimal';
import { parseNumber, type NumberFormat, type ParsedNumber } from './parse-number';
import {
  marginModeFromText,
  QUOTE_ASSETS,
  sideFromGeometry,
  sideFromText,
  symbolParts,
} from './position-text';
import { findContractSize, findVenue } from './venues/index';

export {
  leverageTextFrom,
  marginModeFromText,
  productFromSymbolText,
  sideFromGeometry,
  sideFromText,
  sideWordIn,
} from './position-text';
import { productFromSymbolText } from './position-text';

export type RawPosition = Readonly<Partial<Record<string, string>>>;

export type RawSizeUnit = 'base' | 'quote' | 'contracts';

export interface RawContext {
  /** Venue id of core/venues (binance, okx, ...). */
  readonly venue: string;
  /** Overrides the product read from the symbol (e.g. Binance /delivery/ pages are inverse). */
  readonly product?: Product;
  readonly format?: NumberFormat;
  /** Account wallet balance text as read from the page (cross positions need it). */
  readonly walletBalance?: string;
  /** Unit of a size that carries no unit text. Default: base for linear, contracts for inverse. */
  readonly sizeUnit?: RawSizeUnit;
  /**
   * Linear: base per contract; inverse: quote value of one contract. Needed for sizes counted in
   * contracts; absent → core/venues `findContractSize` (OKX ctVal, Gate quanto multiplier, ...).
   */
  readonly contractSize?: string;
}

export type RawProblemReason =
  'not-found' | 'empty' | 'unparseable' | 'invalid' | 'unsupported-unit';

export interface RawProblem {
  readonly field: string;
  readonly reason: RawProblemReason;
}

export type PositionFromRaw =
  | {
      readonly ok: true;
      readonly input: PositionInput;
      readonly symbol: string;
      readonly notes: readonly string[];
    }
  | {
      readonly ok: false;
      readonly symbol: string | null;
      readonly side: Side | null;
      readonly problems: readonly RawProblem[];
      readonly partialInput: Partial<PositionInput>;
    };

const CONTRACT_UNITS = /^(cont|conts|cont\.|contract|contracts|张|張|lot|lots)$/i;

/**
 * Linear or inverse. A venue that lists only linear products (Hyperliquid, JasperVault, dYdX)
 * is linear whatever the symbol says ("BTC-USD" there is USD-quoted, USDC-settled). Otherwise a
 * USD (not USDT/USDC) quote is coin-margined: Binance BTCUSD_PERP, Bybit BTCUSD, OKX BTC-USD-SWAP,
 * Gate BTC_USD. A bare coin (Hyperliquid "BTC") is linear.
 *
 * @param venue - a core/venues id; unknown ids fall back to the symbol rule.
 */
export function productFromSymbol(symbol: string, venue?: string): Product {
  const listed = venue === undefined ? null : findVenue(venue);
  if (listed !== null && listed.products.inverse === undefined) return 'linear';
  return productFromSymbolText(symbol);
}

/** Wrapped forms of a coin used as the size unit on DEXes: cbBTC, WBTC, WETH (JasperVault, Base). */
function isBaseUnit(unit: string, base: string): boolean {
  const upper = unit.toUpperCase();
  return upper === base || upper === `CB${base}` || upper === `W${base}`;
}

function isQuoteUnit(unit: string): boolean {
  return unit === '$' || (QUOTE_ASSETS as readonly string[]).includes(unit.toUpperCase());
}

/** Settlement asset of a symbol: quote for linear, base coin for inverse; null when not written. */
function settlementAsset(symbol: string, product: Product): string | null {
  const parts = symbolParts(symbol);
  return product === 'inverse' ? parts.base : parts.quote;
}

/**
 * A money amount's unit must be the settlement asset (or a bare `$` on USD-quoted venues): a
 * BTC wallet balance is not the margin of an ETH coin-margined position, and a fiat display is
 * not USDT.
 */
function isSettlementUnit(unit: string | null, settlement: string | null): boolean {
  if (unit === null || settlement === null) return true;
  const upper = unit.toUpperCase();
  if (upper === settlement) return true;
  // A linear "USD" quote settles in a USD stablecoin (USDC on DEXes); `$` is a USD display.
  if (settlement === 'USD') return upper.startsWith('USD') || unit === '$';
  return unit === '$' && settlement.startsWith('USD');
}

interface Collected {
  readonly problems: RawProblem[];
  readonly notes: string[];
}

/** A required number: parsed, finite, and strictly positive unless `allowNegative` (signed size). */
function readNumber(
  raw: RawPosition,
  field: string,
  format: NumberFormat | undefined,
  collected: Collected,
  allowNegative = false,
): (ParsedNumber & { ok: true }) | null {
  const text = raw[field];
  if (text === undefined || text.trim() === '') {
    collected.problems.push({ field, reason: 'not-found' });
    return null;
  }
  const parsed = parseNumber(text, format);
  if (!parsed.ok) {
    collected.problems.push({ field, reason: parsed.reason === 'empty' ? 'empty' : 'unparseable' });
    return null;
  }
  const value = new Decimal(parsed.value);
  if (value.isZero() || (!allowNegative && value.isNegative())) {
    collected.problems.push({ field, reason: 'invalid' });
    return null;
  }
  return parsed;
}

/** An optional number: absent or "--" is a note, not a problem; garbage is a note too. */
function readOptionalNumber(
  raw: RawPosition,
  field: string,
  format: NumberFormat | undefined,
  collected: Collected,
): string | null {
  const text = raw[field];
  if (text === undefined) return null;
  const parsed = parseNumber(text, format);
  if (!parsed.ok) {
    collected.notes.push(`${field}-${parsed.reason}`);
    return null;
  }
  if (new Decimal(parsed.value).lte(0)) {
    collected.notes.push(`${field}-not-positive`);
    return null;
  }
  return parsed.value;
}

function resolveSide(
  raw: RawPosition,
  size: (ParsedNumber & { ok: true }) | null,
  format: NumberFormat | undefined,
  collected: Collected,
): Side | null {
  const text = raw.side;
  if (text !== undefined) {
    const side = sideFromText(text);
    if (side === 'long' || side === 'short') return side;
    if (side === 'ambiguous') {
      collected.problems.push({ field: 'side', reason: 'invalid' });
      return null;
    }
  }
  if (size !== null && new Decimal(size.value).isNegative()) {
    collected.notes.push('side-from-size-sign');
    return 'short';
  }
  const entry = raw.entryPrice;
  const liquidation = raw.liquidationPrice;
  if (entry !== undefined && liquidation !== undefined) {
    const side = sideFromGeometry(entry, liquidation, format);
    if (side !== null) {
      collected.notes.push('side-from-geometry');
      return side;
    }
  }
  collected.problems.push({ field: 'side', reason: text === undefined ? 'not-found' : 'invalid' });
  return null;
}

function resolveMarginMode(raw: RawPosition, collected: Collected): MarginMode | null {
  const text = raw.marginMode;
  if (text === undefined) {
    collected.problems.push({ field: 'marginMode', reason: 'not-found' });
    return null;
  }
  const found = marginModeFromText(text);
  if (found === null) {
    collected.problems.push({ field: 'marginMode', reason: 'unparseable' });
    return null;
  }
  return found.mode;
}

interface Quantity {
  readonly quantity: string;
  readonly contractSize?: string;
}

/** Size text → the core's quantity (linear: base amount; inverse: contracts with their value). */
function resolveQuantity(
  size: ParsedNumber & { ok: true },
  product: Product,
  symbol: string,
  markPrice: string | null,
  context: RawContext,
  collected: Collected,
): Quantity | null {
  const amount = new Decimal(size.value).abs();
  const unit = size.unit;
  let sizeUnit: RawSizeUnit;
  if (unit === null) sizeUnit = context.sizeUnit ?? (product === 'inverse' ? 'contracts' : 'base');
  else if (CONTRACT_UNITS.test(unit)) sizeUnit = 'contracts';
  else if (isBaseUnit(unit, symbolParts(symbol).base)) sizeUnit = 'base';
  else if (isQuoteUnit(unit)) sizeUnit = 'quote';
  else {
    collected.problems.push({ field: 'size', reason: 'unsupported-unit' });
    return null;
  }
  // Venue data knows the standard contract sizes; null when it does not list this symbol.
  const contractSize =
    context.contractSize ?? findContractSize(context.venue, symbol, product) ?? undefined;
  if (product === 'inverse') {
    if (sizeUnit === 'quote') {
      // A USD amount on an inverse market is a count of 1-USD contracts (Bybit inverse Qty).
      return { quantity: amount.toFixed(), contractSize: '1' };
    }
    if (sizeUnit === 'contracts') {
      if (contractSize === undefined) {
        collected.problems.push({ field: 'contractSize', reason: 'not-found' });
        return null;
      }
      return { quantity: amount.toFixed(), contractSize };
    }
    // Coin amounts on inverse markets depend on the price used by the page: not a safe conversion.
    collected.problems.push({ field: 'size', reason: 'unsupported-unit' });
    return null;
  }
  if (sizeUnit === 'base') return { quantity: amount.toFixed() };
  if (sizeUnit === 'contracts') {
    if (contractSize === undefined) {
      collected.problems.push({ field: 'contractSize', reason: 'not-found' });
      return null;
    }
    return { quantity: amount.times(contractSize).toFixed() };
  }
  // Quote value (Binance "Size" switched to USDT): the page values it at mark (inferred,
  // exchange-pages.md §1 "Size 22.4458 USDT"), so quantity = value / mark. No mark, no conversion.
  if (markPrice === null) {
    collected.problems.push({ field: 'markPrice', reason: 'not-found' });
    return null;
  }
  collected.notes.push('size-from-quote-value-at-mark');
  return { quantity: amount.dividedBy(markPrice).toFixed() };
}

type MutablePartial = { -readonly [K in keyof PositionInput]?: PositionInput[K] };

/**
 * Raw page texts → PositionInput.
 *
 * @param raw - cell texts per field (symbol, side, size, entryPrice, markPrice, leverage,
 *   marginMode, margin, liquidationPrice, unrealizedPnl), exactly as read.
 * @param context - venue, number format, size unit default, contract size and wallet balance.
 * @returns `ok: true` with the input and notes on conversions made, or `ok: false` with one
 *   problem per missing or unreadable field and everything that was read in `partialInput`.
 */
export function positionFromRaw(raw: RawPosition, context: RawContext): PositionFromRaw {
  const collected: Collected = { problems: [], notes: [] };
  const format = context.format;
  const partial: MutablePartial = { venue: context.venue };

  const symbolText = raw.symbol?.trim() ?? '';
  const symbol = symbolText === '' ? null : symbolText;
  if (symbol === null) collected.problems.push({ field: 'symbol', reason: 'not-found' });
  else partial.symbol = symbol;
  const product =
    context.product ?? (symbol === null ? null : productFromSymbol(symbol, context.venue));
  if (product !== null) partial.product = product;

  const size = readNumber(raw, 'size', format, collected, true);
  const side = resolveSide(raw, size, format, collected);
  if (side !== null) partial.side = side;
  const marginMode = resolveMarginMode(raw, collected);
  if (marginMode !== null) partial.marginMode = marginMode;

  const entry = readNumber(raw, 'entryPrice', format, collected);
  if (entry !== null) partial.entryPrice = entry.value;
  const markPrice = readOptionalNumber(raw, 'markPrice', format, collected);
  if (markPrice !== null) partial.markPrice = markPrice;
  const platformLiquidationPrice = readOptionalNumber(raw, 'liquidationPrice', format, collected);
  if (platformLiquidationPrice !== null)
    partial.platformLiquidationPrice = platformLiquidationPrice;

  if (size !== null && product !== null && symbol !== null) {
    const quantity = resolveQuantity(size, product, symbol, markPrice, context, collected);
    if (quantity !== null) {
      partial.quantity = quantity.quantity;
      if (quantity.contractSize !== undefined) partial.contractSize = quantity.contractSize;
    }
  }

  if (raw.leverage !== undefined) {
    const leverage = parseNumber(raw.leverage, format);
    if (leverage.ok && new Decimal(leverage.value).gt(0)) partial.leverage = leverage.value;
    else collected.notes.push('leverage-unparseable');
  }

  const settlement = symbol === null || product === null ? null : settlementAsset(symbol, product);
  if (marginMode === 'cross') {
    // Cross margin is the wallet balance, an account figure (design.md §4), not the row's margin.
    const balanceText = context.walletBalance;
    const balance = balanceText === undefined ? null : parseNumber(balanceText, format);
    if (balance === null) collected.problems.push({ field: 'walletBalance', reason: 'not-found' });
    else if (!balance.ok) {
      collected.problems.push({
        field: 'walletBalance',
        reason: balance.reason === 'empty' ? 'empty' : 'unparseable',
      });
    } else if (new Decimal(balance.value).lte(0)) {
      collected.problems.push({ field: 'walletBalance', reason: 'invalid' });
    } else if (!isSettlementUnit(balance.unit, settlement)) {
      collected.problems.push({ field: 'walletBalance', reason: 'unsupported-unit' });
    } else partial.margin = balance.value;
  } else if (marginMode === 'isolated') {
    const marginText = raw.margin;
    const margin = marginText === undefined ? null : parseNumber(marginText, format);
    if (margin !== null && margin.ok && new Decimal(margin.value).gt(0)) {
      if (isSettlementUnit(margin.unit, settlement)) partial.margin = margin.value;
      else collected.problems.push({ field: 'margin', reason: 'unsupported-unit' });
    } else if (partial.leverage !== undefined && (margin === null || !margin.ok)) {
      // The core's documented convention: margin = entry notional / leverage.
      collected.notes.push('margin-from-leverage');
    } else {
      let reason: RawProblemReason = 'not-found';
      if (margin !== null) {
        if (margin.ok) reason = 'invalid';
        else reason = margin.reason === 'empty' ? 'empty' : 'unparseable';
      }
      collected.problems.push({ field: 'margin', reason });
    }
  }

  if (collected.problems.length > 0) {
    return { ok: false, symbol, side, problems: collected.problems, partialInput: partial };
  }
  // Every required key was set above when no problem was recorded.
  const input = partial as PositionInput;
  return { ok: true, input, symbol: symbol ?? '', notes: collected.notes };
}
