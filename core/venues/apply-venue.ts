/**
 * Fill the fields a position does not give from its venue preset (basis, close fee, inverse contract
 * size, tier table), and record each convention applied so the UI and --explain can show it.
 * Fields the input gives always win. An unknown venue, or a venue without a table for the symbol
 * when no maintenance is given, is an error: we never guess a maintenance rate.
 */
import { PRODUCTS, type CoreError, type PositionInput, type Product } from '../contract';
import { coreError, describeValue, ERROR_CODES } from '../messages';
import type { ValidateContext } from '../position';
import { findContractSize, findTierTable, findVenue, VENUES } from './index';

export type VenueApplication =
  | {
      readonly ok: true;
      readonly input: PositionInput;
      readonly conventions: readonly string[];
      readonly context: ValidateContext;
    }
  | { readonly ok: false; readonly errors: readonly CoreError[] };

/**
 * @returns the completed input with the conventions applied, or the venue errors.
 */
export function applyVenue(input: PositionInput): VenueApplication {
  if (input.venue === undefined) return { ok: true, input, conventions: [], context: {} };
  const venue = typeof input.venue === 'string' ? findVenue(input.venue) : null;
  if (venue === null) {
    return {
      ok: false,
      errors: [
        coreError(ERROR_CODES.UNKNOWN_VENUE, 'venue', {
          value: describeValue(input.venue),
          known: VENUES.map((known) => known.id).join(', '),
        }),
      ],
    };
  }
  const product = PRODUCTS.find((known) => known === input.product);
  // An invalid product is reported by validation; nothing can be filled without one.
  if (product === undefined) return { ok: true, input, conventions: [], context: {} };
  const preset = venue.products[product];
  const conventions: string[] = [];
  const filled: { -readonly [K in keyof PositionInput]: PositionInput[K] } = { ...input };
  if (preset === undefined) {
    conventions.push(`no ${product} preset for ${venue.id}: nothing filled`);
    return { ok: true, input, conventions, context: {} };
  }
  const tag = preset.confirmed ? venue.id : `${venue.id}, unconfirmed`;
  if (input.maintenanceBasis === undefined) {
    filled.maintenanceBasis = preset.maintenanceBasis;
    conventions.push(`maintenance basis: ${preset.maintenanceBasis} (${tag})`);
  }
  if (input.closeFeeRate === undefined) {
    filled.closeFeeRate = preset.closeFee === 'none' ? '0' : preset.takerFeeRate;
    conventions.push(
      preset.closeFee === 'none'
        ? `close fee: none in the formula (${tag})`
        : `close fee: taker ${preset.takerFeeRate} on the value at the ${preset.closeFee} price (${tag})`,
    );
  }
  if (input.closeFeeBasis === undefined && preset.closeFee !== 'none') {
    filled.closeFeeBasis = preset.closeFee;
  }
  if (
    product === 'inverse' &&
    input.contractSize === undefined &&
    typeof input.symbol === 'string'
  ) {
    const contractSize = findContractSize(venue.id, input.symbol, product);
    if (contractSize !== null) {
      filled.contractSize = contractSize;
      conventions.push(`contract size: ${contractSize} USD per contract (${venue.id})`);
    }
  }
  const context = fillMaintenance(input, filled, venue.id, product, conventions);
  if (!context.ok) return { ok: false, errors: [context.error] };
  return { ok: true, input: filled, conventions, context: context.context };
}

function fillMaintenance(
  input: PositionInput,
  filled: { -readonly [K in keyof PositionInput]: PositionInput[K] },
  venueId: string,
  product: Product,
  conventions: string[],
): { ok: true; context: ValidateContext } | { ok: false; error: CoreError } {
  const given =
    input.maintenanceMarginRate !== undefined ||
    input.maintenanceMargin !== undefined ||
    input.tiers !== undefined;
  if (given) return { ok: true, context: {} };
  const symbol = typeof input.symbol === 'string' ? input.symbol : '';
  const table = symbol === '' ? null : findTierTable(venueId, symbol, product);
  if (table === null) {
    return {
      ok: false,
      error: coreError(ERROR_CODES.UNKNOWN_SYMBOL_TIERS, 'maintenanceMarginRate', {
        venue: venueId,
        symbol: symbol === '' ? '(no symbol)' : symbol,
      }),
    };
  }
  filled.tiers = table.tiers;
  conventions.push(
    `tiers: ${venueId} ${table.base}/${table.quote} ${product}, by ${table.measure === 'base' ? 'position size' : 'notional'}, taken ${table.takenOn}${table.note === undefined ? '' : ` (${table.note})`} — ${table.source}`,
  );
  return { ok: true, context: { tierMeasure: table.measure, tierVenue: venueId } };
}
