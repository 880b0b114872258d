/**
 * The account mode's form (a cross account: one wallet, several positions) and its pure mapping to
 * the core's AccountInput. Same rules as the single calculator: empty optional fields are left out,
 * a required empty field makes the form incomplete, unreadable text is a field problem.
 */
import type { AccountInput, PositionInput, Product, Side } from '../../../core/contract';
import type { Settings } from '../../../core/settings';
import { readNumberText } from '../calculator/read-number-text';

export interface AccountPositionForm {
  readonly symbol: string;
  readonly product: Extract<Product, 'linear' | 'inverse'>;
  readonly side: Side;
  readonly quantity: string;
  readonly contractSize: string;
  readonly entryPrice: string;
  readonly markPrice: string;
  /** Sets the margin in use (notional at mark / leverage) for the risk rate; not the liquidation price. */
  readonly leverage: string;
  readonly maintenanceMarginRate: string;
  readonly maintenanceAmount: string;
  readonly closeFeeRate: string;
}

export interface AccountForm {
  readonly walletBalance: string;
  readonly liquidationThreshold: string;
  readonly positions: readonly AccountPositionForm[];
}

export type AccountNumberField = Exclude<keyof AccountPositionForm, 'symbol' | 'product' | 'side'>;

export const EMPTY_ACCOUNT_POSITION: AccountPositionForm = Object.freeze({
  symbol: '',
  product: 'linear',
  side: 'long',
  quantity: '',
  contractSize: '',
  entryPrice: '',
  markPrice: '',
  leverage: '',
  maintenanceMarginRate: '',
  maintenanceAmount: '',
  closeFeeRate: '',
});

export const EMPTY_ACCOUNT_FORM: AccountForm = Object.freeze({
  walletBalance: '',
  liquidationThreshold: '',
  positions: [EMPTY_ACCOUNT_POSITION, EMPTY_ACCOUNT_POSITION],
});

/** Required per position: the account view needs every mark price (core/contract.ts AccountInput). */
const POSITION_FIELDS: readonly { field: AccountNumberField; required: boolean; rate: boolean }[] =
  [
    { field: 'quantity', required: true, rate: false },
    { field: 'contractSize', required: false, rate: false },
    { field: 'entryPrice', required: true, rate: false },
    { field: 'markPrice', required: true, rate: false },
    { field: 'leverage', required: true, rate: false },
    { field: 'maintenanceMarginRate', required: true, rate: true },
    { field: 'maintenanceAmount', required: false, rate: false },
    { field: 'closeFeeRate', required: false, rate: true },
  ];

/** A field's key in problem maps: "walletBalance" or "positions.1.markPrice". */
export type AccountFieldKey = string;

export type AccountReading =
  | { readonly status: 'ready'; readonly input: AccountInput }
  | {
      readonly status: 'incomplete' | 'invalid';
      readonly missing: readonly AccountFieldKey[];
      readonly unreadable: readonly AccountFieldKey[];
    };

export function readAccountForm(
  form: AccountForm,
  settings: Pick<Settings, 'numberFormat'>,
): AccountReading {
  const missing: AccountFieldKey[] = [];
  const unreadable: AccountFieldKey[] = [];
  const read = (key: AccountFieldKey, text: string, required: boolean, rate: boolean) => {
    const reading = readNumberText(text, settings.numberFormat, rate);
    if (reading.ok) return reading.value;
    if (reading.reason !== 'empty') unreadable.push(key);
    else if (required) missing.push(key);
    return undefined;
  };
  const walletBalance = read('walletBalance', form.walletBalance, true, false);
  const liquidationThreshold = read('liquidationThreshold', form.liquidationThreshold, false, true);
  const positions: PositionInput[] = form.positions.map((position, index) => {
    const values: Partial<Record<AccountNumberField, string>> = {};
    for (const { field, required, rate } of POSITION_FIELDS) {
      // An inverse contract means nothing without its value in quote.
      const isRequired = required || (field === 'contractSize' && position.product === 'inverse');
      const value = read(`positions.${index}.${field}`, position[field], isRequired, rate);
      if (value !== undefined) values[field] = value;
    }
    return {
      product: position.product,
      marginMode: 'cross',
      side: position.side,
      quantity: values.quantity ?? '',
      entryPrice: values.entryPrice ?? '',
      ...values,
      ...(position.symbol.trim() === '' ? {} : { symbol: position.symbol.trim() }),
    };
  });
  if (unreadable.length > 0) return { status: 'invalid', missing, unreadable };
  if (missing.length > 0 || positions.length === 0) {
    return { status: 'incomplete', missing, unreadable };
  }
  return {
    status: 'ready',
    input: {
      walletBalance: walletBalance ?? '',
      ...(liquidationThreshold === undefined ? {} : { liquidationThreshold }),
      positions,
    },
  };
}

const MAX_TEXT_LENGTH = 64;

function text(value: unknown): string {
  return typeof value === 'string' && value.length <= MAX_TEXT_LENGTH ? value : '';
}

/** Whatever storage holds → an AccountForm, field by field (at most 20 positions). */
export function sanitizeAccountForm(value: unknown): AccountForm {
  if (typeof value !== 'object' || value === null) return EMPTY_ACCOUNT_FORM;
  const stored = value as Record<string, unknown>;
  const positions = Array.isArray(stored.positions) ? (stored.positions as unknown[]) : [];
  return {
    walletBalance: text(stored.walletBalance),
    liquidationThreshold: text(stored.liquidationThreshold),
    positions: positions.slice(0, 20).map((item) => {
      const position =
        typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
      return {
        symbol: text(position.symbol),
        product: position.product === 'inverse' ? 'inverse' : 'linear',
        side: position.side === 'short' ? 'short' : 'long',
        quantity: text(position.quantity),
        contractSize: text(position.contractSize),
        entryPrice: text(position.entryPrice),
        markPrice: text(position.markPrice),
        leverage: text(position.leverage),
        maintenanceMarginRate: text(position.maintenanceMarginRate),
        maintenanceAmount: text(position.maintenanceAmount),
        closeFeeRate: text(position.closeFeeRate),
      };
    }),
  };
}
