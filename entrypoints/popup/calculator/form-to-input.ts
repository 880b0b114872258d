/**
 * Calculator form → PositionInput, pure. Empty optional fields are left out (the core or the
 * venue preset fills them); a required field left empty makes the form "incomplete" (a hint, not an
 * error); text that is not a number is a field problem. Only a complete, readable form reaches the core.
 */
import type { PositionInput } from '../../../core/contract';
import type { Settings } from '../../../core/settings';
import type { CalculatorForm, TextField } from './form';
import { readNumberText } from './read-number-text';

export interface FieldProblem {
  readonly field: TextField;
  readonly reason: 'unreadable' | 'percent-not-allowed';
}

export type FormReading =
  | {
      readonly status: 'ready';
      readonly input: PositionInput;
      readonly feeRateFromSettings: boolean;
    }
  | {
      readonly status: 'incomplete' | 'invalid';
      readonly missing: readonly TextField[];
      readonly problems: readonly FieldProblem[];
    };

/** Fields holding a rate (fraction), where "0.4%" is accepted. */
const RATE_FIELDS: ReadonlySet<TextField> = new Set([
  'maintenanceMarginRate',
  'closeFeeRate',
  'liquidationThreshold',
]);

/** The number fields the current choices use, each marked required or optional. */
export function activeNumberFields(
  form: CalculatorForm,
): readonly { readonly field: TextField; readonly required: boolean }[] {
  const fields: { field: TextField; required: boolean }[] = [
    { field: 'quantity', required: true },
    // Inverse contracts and futures lots mean nothing without the contract value / multiplier.
    { field: 'contractSize', required: form.product !== 'linear' },
    { field: 'entryPrice', required: true },
    { field: 'markPrice', required: false },
  ];
  // Cross margin is the wallet balance: leverage does not move a cross liquidation price.
  const marginSource = form.marginMode === 'cross' ? 'margin' : form.marginSource;
  fields.push({ field: marginSource, required: true });
  if (form.maintenanceSource === 'rate') {
    fields.push(
      { field: 'maintenanceMarginRate', required: true },
      { field: 'maintenanceAmount', required: false },
    );
  } else if (form.maintenanceSource === 'fixed') {
    fields.push({ field: 'maintenanceMargin', required: true });
  }
  fields.push(
    { field: 'closeFeeRate', required: false },
    { field: 'liquidationThreshold', required: false },
  );
  if (form.marginMode === 'cross') {
    fields.push(
      { field: 'otherMaintenanceMargin', required: false },
      { field: 'otherUnrealizedPnl', required: false },
    );
  }
  fields.push({ field: 'platformLiquidationPrice', required: false });
  return fields;
}

/**
 * @param form what the user typed
 * @param settings number format and per-venue fee overrides
 * @returns the core input when every used field is filled and readable
 */
export function readCalculatorForm(
  form: CalculatorForm,
  settings: Pick<Settings, 'numberFormat' | 'feeRates'>,
): FormReading {
  const missing: TextField[] = [];
  const problems: FieldProblem[] = [];
  const values: Partial<Record<TextField, string>> = {};
  for (const { field, required } of activeNumberFields(form)) {
    const reading = readNumberText(form[field], settings.numberFormat, RATE_FIELDS.has(field));
    if (reading.ok) values[field] = reading.value;
    else if (reading.reason === 'empty') {
      if (required) missing.push(field);
    } else problems.push({ field, reason: reading.reason });
  }
  const usesPreset = form.maintenanceSource === 'preset';
  if (usesPreset && form.venue === '') missing.push('venue');
  if (usesPreset && form.symbol.trim() === '') missing.push('symbol');
  if (problems.length > 0) return { status: 'invalid', missing, problems };
  if (missing.length > 0) return { status: 'incomplete', missing, problems };

  // A fee override from settings applies only where the user typed no fee for this venue.
  const settingsFeeRate = form.venue === '' ? undefined : settings.feeRates[form.venue];
  const feeRateFromSettings = values.closeFeeRate === undefined && settingsFeeRate !== undefined;
  const closeFeeRate = values.closeFeeRate ?? settingsFeeRate;

  const input: PositionInput = {
    product: form.product,
    marginMode: form.marginMode,
    side: form.side,
    quantity: values.quantity ?? '',
    entryPrice: values.entryPrice ?? '',
    ...optional('contractSize', values.contractSize),
    ...optional('markPrice', values.markPrice),
    ...optional('margin', values.margin),
    ...optional('leverage', values.leverage),
    ...optional('maintenanceMarginRate', values.maintenanceMarginRate),
    ...optional('maintenanceAmount', values.maintenanceAmount),
    ...optional('maintenanceMargin', values.maintenanceMargin),
    ...(form.maintenanceBasis === '' ? {} : { maintenanceBasis: form.maintenanceBasis }),
    ...optional('closeFeeRate', closeFeeRate),
    ...(form.closeFeeBasis === '' ? {} : { closeFeeBasis: form.closeFeeBasis }),
    ...optional('liquidationThreshold', values.liquidationThreshold),
    ...optional('otherMaintenanceMargin', values.otherMaintenanceMargin),
    ...optional('otherUnrealizedPnl', values.otherUnrealizedPnl),
    ...optional('platformLiquidationPrice', values.platformLiquidationPrice),
    ...optional('venue', form.venue === '' ? undefined : form.venue),
    // The symbol selects a tier table; with a typed MMR the user's rate must win, so it is left out.
    ...optional('symbol', usesPreset ? form.symbol.trim() : undefined),
  };
  return { status: 'ready', input, feeRateFromSettings };
}

/** `{key: value}` when value is given, `{}` otherwise (exactOptionalPropertyTypes forbids undefined). */
function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
