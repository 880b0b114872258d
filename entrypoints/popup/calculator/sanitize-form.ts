/**
 * Whatever storage (or the panel's prefill) holds → a CalculatorForm. Field by field: a corrupt
 * field falls back to empty, the others are kept. Pure.
 */
import {
  CLOSE_FEE_BASES,
  MAINTENANCE_BASES,
  MARGIN_MODES,
  PRODUCTS,
  SIDES,
  type PositionInput,
} from '../../../core/contract';
import {
  EMPTY_FORM,
  MAINTENANCE_SOURCES,
  MARGIN_SOURCES,
  type CalculatorForm,
  type TextField,
} from './form';

/** Longer text is not a number anyone typed; it is dropped rather than kept in storage. */
const MAX_TEXT_LENGTH = 64;

const TEXT_FIELDS: readonly TextField[] = [
  'quantity',
  'contractSize',
  'entryPrice',
  'markPrice',
  'margin',
  'leverage',
  'maintenanceMarginRate',
  'maintenanceAmount',
  'maintenanceMargin',
  'venue',
  'symbol',
  'closeFeeRate',
  'liquidationThreshold',
  'otherMaintenanceMargin',
  'otherUnrealizedPnl',
  'platformLiquidationPrice',
];

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((item) => item === value) ?? fallback;
}

function text(value: unknown): string {
  return typeof value === 'string' && value.length <= MAX_TEXT_LENGTH ? value : '';
}

export function sanitizeForm(value: unknown): CalculatorForm {
  const stored: Record<string, unknown> =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const texts: Partial<Record<TextField, string>> = {};
  for (const field of TEXT_FIELDS) texts[field] = text(stored[field]);
  return {
    ...EMPTY_FORM,
    ...texts,
    product: pick(stored.product, PRODUCTS, EMPTY_FORM.product),
    marginMode: pick(stored.marginMode, MARGIN_MODES, EMPTY_FORM.marginMode),
    side: pick(stored.side, SIDES, EMPTY_FORM.side),
    marginSource: pick(stored.marginSource, MARGIN_SOURCES, EMPTY_FORM.marginSource),
    maintenanceSource: pick(
      stored.maintenanceSource,
      MAINTENANCE_SOURCES,
      EMPTY_FORM.maintenanceSource,
    ),
    maintenanceBasis: pick(stored.maintenanceBasis, ['', ...MAINTENANCE_BASES], ''),
    closeFeeBasis: pick(stored.closeFeeBasis, ['', ...CLOSE_FEE_BASES], ''),
  };
}

/**
 * A position the panel read from a page → a form. The panel's numbers are canonical decimals, so
 * they go in as typed text; the choice of margin and maintenance source follows what was read.
 */
export function formFromPrefill(input: Partial<PositionInput>, symbol: string): CalculatorForm {
  const form = sanitizeForm(input);
  const maintenanceSource =
    input.maintenanceMarginRate !== undefined
      ? 'rate'
      : input.maintenanceMargin !== undefined
        ? 'fixed'
        : input.venue !== undefined
          ? 'preset'
          : 'rate';
  return {
    ...form,
    symbol: text(input.symbol ?? symbol),
    marginSource:
      input.margin === undefined && input.leverage !== undefined ? 'leverage' : 'margin',
    maintenanceSource,
  };
}

/** The panel's prefill as stored, or null when absent or not of the agreed shape. */
export function readPrefill(
  value: unknown,
): { input: Partial<PositionInput>; symbol: string; site: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { input, symbol, site } = value as Record<string, unknown>;
  if (typeof input !== 'object' || input === null) return null;
  return {
    input: input,
    symbol: typeof symbol === 'string' ? symbol : '',
    site: typeof site === 'string' ? site : '',
  };
}
