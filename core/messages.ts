/**
 * Every error the core can report: a stable code (prefix LIQ_), the offending input field, and the
 * text in English and Simplified Chinese. UIs show `formatError(error, lang)`; tests iterate
 * `ERROR_CODES` and require each code to be produced by at least one input.
 */
import type { CoreError } from './contract';
import { Decimal } from './decimal';

export const ERROR_CODES = {
  INVALID_JSON: 'LIQ_INVALID_JSON',
  NOT_AN_OBJECT: 'LIQ_NOT_AN_OBJECT',
  MISSING_FIELD: 'LIQ_MISSING_FIELD',
  NOT_A_NUMBER: 'LIQ_NOT_A_NUMBER',
  NOT_POSITIVE: 'LIQ_NOT_POSITIVE',
  NEGATIVE: 'LIQ_NEGATIVE',
  LEVERAGE_NOT_POSITIVE: 'LIQ_LEVERAGE_NOT_POSITIVE',
  RATE_OUT_OF_RANGE: 'LIQ_RATE_OUT_OF_RANGE',
  NEGATIVE_FEE: 'LIQ_NEGATIVE_FEE',
  THRESHOLD_NOT_POSITIVE: 'LIQ_THRESHOLD_NOT_POSITIVE',
  MAINTENANCE_TOO_HIGH: 'LIQ_MAINTENANCE_TOO_HIGH',
  ALREADY_LIQUIDATABLE: 'LIQ_ALREADY_LIQUIDATABLE',
  UNKNOWN_PRODUCT: 'LIQ_UNKNOWN_PRODUCT',
  UNKNOWN_MARGIN_MODE: 'LIQ_UNKNOWN_MARGIN_MODE',
  UNKNOWN_SIDE: 'LIQ_UNKNOWN_SIDE',
  UNKNOWN_VENUE: 'LIQ_UNKNOWN_VENUE',
  UNKNOWN_BASIS: 'LIQ_UNKNOWN_BASIS',
  UNKNOWN_SYMBOL_TIERS: 'LIQ_UNKNOWN_SYMBOL_TIERS',
  TIERS_MALFORMED: 'LIQ_TIERS_MALFORMED',
  NEITHER_MARGIN_NOR_LEVERAGE: 'LIQ_NEITHER_MARGIN_NOR_LEVERAGE',
  NO_MAINTENANCE: 'LIQ_NO_MAINTENANCE',
  CONFLICTING_FIELDS: 'LIQ_CONFLICTING_FIELDS',
  CROSS_ONLY_FIELD: 'LIQ_CROSS_ONLY_FIELD',
  ACCOUNT_EMPTY: 'LIQ_ACCOUNT_EMPTY',
  POSITION_NOT_CROSS: 'LIQ_POSITION_NOT_CROSS',
  ACCOUNT_MIXED_SETTLEMENT: 'LIQ_ACCOUNT_MIXED_SETTLEMENT',
  TIER_TABLE_EXCEEDED: 'LIQ_TIER_TABLE_EXCEEDED',
  INTERNAL: 'LIQ_INTERNAL',
  UNKNOWN_OPTION: 'LIQ_UNKNOWN_OPTION',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

type Text = { readonly en: string; readonly zh: string };

/** Templates use {field} (translated label) plus the params named in each text. */
const MESSAGES: Readonly<Record<ErrorCode, Text>> = {
  LIQ_UNKNOWN_OPTION: {
    en: 'Unknown command-line option "{value}" (allowed: --explain, --lang en|zh, --tolerance <percent>, --target-buffer <percent>)',
    zh: '未知的命令行选项“{value}”（可用：--explain、--lang en|zh、--tolerance <百分比>、--target-buffer <百分比>）',
  },
  LIQ_INTERNAL: {
    en: 'The estimate could not be computed from this input ({reason})',
    zh: '无法根据此输入计算估算值（{reason}）',
  },
  LIQ_TIER_TABLE_EXCEEDED: {
    en: '{field}: the position is larger than the last tier of the {venue} table we hold ({cap}); enter the maintenance margin rate',
    zh: '{field}：仓位超出我们持有的 {venue} 档位表最后一档（{cap}）；请填写维持保证金率',
  },
  LIQ_INVALID_JSON: {
    en: 'The input is not valid JSON: {reason}',
    zh: '输入不是有效的 JSON：{reason}',
  },
  LIQ_NOT_AN_OBJECT: {
    en: '{field} must be an object',
    zh: '{field} 必须是一个对象',
  },
  LIQ_MISSING_FIELD: { en: '{field} is missing', zh: '缺少{field}' },
  LIQ_NOT_A_NUMBER: {
    en: '{field} is not a number: "{value}"',
    zh: '{field}不是数字：“{value}”',
  },
  LIQ_NOT_POSITIVE: { en: '{field} must be greater than 0', zh: '{field}必须大于 0' },
  LIQ_NEGATIVE: { en: '{field} must not be negative', zh: '{field}不能为负数' },
  LIQ_LEVERAGE_NOT_POSITIVE: {
    en: '{field} must be greater than 0 (got {value})',
    zh: '{field}必须大于 0（当前为 {value}）',
  },
  LIQ_RATE_OUT_OF_RANGE: {
    en: '{field} must be at least 0 and below 1 (got {value}; write 0.5% as 0.005)',
    zh: '{field}必须不小于 0 且小于 1（当前为 {value}；0.5% 请写作 0.005）',
  },
  LIQ_NEGATIVE_FEE: {
    en: '{field} must not be negative (got {value})',
    zh: '{field}不能为负数（当前为 {value}）',
  },
  LIQ_THRESHOLD_NOT_POSITIVE: {
    en: '{field} must be greater than 0 (got {value})',
    zh: '{field}必须大于 0（当前为 {value}）',
  },
  LIQ_MAINTENANCE_TOO_HIGH: {
    en: '{field} × threshold + fee rate must stay below 1 for this side; no liquidation price can be computed',
    zh: '{field} × 强平阈值 + 手续费率必须小于 1，否则无法计算该方向的强平价',
  },
  LIQ_ALREADY_LIQUIDATABLE: {
    en: 'Margin is already below the maintenance requirement at {price} (equity {equity}, requirement {requirement}): the position is past its liquidation point',
    zh: '在 {price} 时保证金已低于维持保证金（权益 {equity}，要求 {requirement}）：仓位已越过强平点',
  },
  LIQ_UNKNOWN_PRODUCT: {
    en: '{field} must be linear, inverse or futures (got "{value}")',
    zh: '{field}必须是 linear、inverse 或 futures（当前为“{value}”）',
  },
  LIQ_UNKNOWN_MARGIN_MODE: {
    en: '{field} must be isolated or cross (got "{value}")',
    zh: '{field}必须是 isolated（逐仓）或 cross（全仓）（当前为“{value}”）',
  },
  LIQ_UNKNOWN_SIDE: {
    en: '{field} must be long or short (got "{value}")',
    zh: '{field}必须是 long（多）或 short（空）（当前为“{value}”）',
  },
  LIQ_UNKNOWN_VENUE: {
    en: 'Unknown venue "{value}"; known venues: {known}',
    zh: '未知交易所“{value}”；支持：{known}',
  },
  LIQ_UNKNOWN_BASIS: {
    en: '{field} has an unknown value "{value}" (allowed: {allowed})',
    zh: '{field}的取值“{value}”无效（可选：{allowed}）',
  },
  LIQ_UNKNOWN_SYMBOL_TIERS: {
    en: 'No maintenance tier table for {symbol} on {venue}: enter the maintenance margin rate',
    zh: '{venue} 没有 {symbol} 的维持保证金档位表：请填写维持保证金率',
  },
  LIQ_TIERS_MALFORMED: {
    en: 'The maintenance tiers are malformed: {reason}',
    zh: '维持保证金档位表有误：{reason}',
  },
  LIQ_NEITHER_MARGIN_NOR_LEVERAGE: {
    en: 'Give either the margin or the leverage',
    zh: '请填写保证金或杠杆倍数',
  },
  LIQ_NO_MAINTENANCE: {
    en: 'Give a maintenance margin rate, a fixed maintenance margin, tiers, or a venue with a tier table for this symbol',
    zh: '请填写维持保证金率、固定维持保证金、档位表，或选择有该合约档位表的交易所',
  },
  LIQ_CONFLICTING_FIELDS: {
    en: '{field} conflicts with {other}: give only one of them',
    zh: '{field}与{other}冲突：只能填写其中一个',
  },
  LIQ_CROSS_ONLY_FIELD: {
    en: '{field} applies only to cross margin',
    zh: '{field}仅适用于全仓模式',
  },
  LIQ_ACCOUNT_EMPTY: {
    en: 'The account has no positions',
    zh: '账户中没有仓位',
  },
  LIQ_POSITION_NOT_CROSS: {
    en: '{field}: every position in an account view must be cross margin',
    zh: '{field}：账户视图中的仓位必须是全仓',
  },
  LIQ_ACCOUNT_MIXED_SETTLEMENT: {
    en: '{field}: an account view cannot mix coin-margined (inverse) and quote-margined positions',
    zh: '{field}：账户视图不能混合币本位（反向）与 U 本位仓位',
  },
};

/** Human labels for input fields; a nested path keeps its index ("tiers[2].maintenanceMarginRate"). */
const FIELD_LABELS: Readonly<Record<string, Text>> = {
  product: { en: 'Product', zh: '合约类型' },
  marginMode: { en: 'Margin mode', zh: '保证金模式' },
  side: { en: 'Side', zh: '方向' },
  quantity: { en: 'Quantity', zh: '数量' },
  contractSize: { en: 'Contract size', zh: '合约面值' },
  entryPrice: { en: 'Entry price', zh: '开仓价格' },
  markPrice: { en: 'Mark price', zh: '标记价格' },
  margin: { en: 'Margin', zh: '保证金' },
  leverage: { en: 'Leverage', zh: '杠杆倍数' },
  maintenanceMarginRate: { en: 'Maintenance margin rate', zh: '维持保证金率' },
  maintenanceAmount: { en: 'Maintenance amount', zh: '维持保证金速算额' },
  maintenanceMargin: { en: 'Maintenance margin', zh: '维持保证金' },
  tiers: { en: 'Tiers', zh: '档位表' },
  maintenanceBasis: { en: 'Maintenance basis', zh: '维持保证金计价基准' },
  closeFeeRate: { en: 'Close fee rate', zh: '平仓手续费率' },
  closeFeeBasis: { en: 'Close fee basis', zh: '手续费计价基准' },
  liquidationThreshold: { en: 'Liquidation threshold', zh: '强平阈值' },
  otherMaintenanceMargin: { en: 'Other positions’ maintenance margin', zh: '其他仓位维持保证金' },
  otherUnrealizedPnl: { en: 'Other positions’ unrealised PnL', zh: '其他仓位未实现盈亏' },
  platformLiquidationPrice: { en: 'Platform liquidation price', zh: '平台强平价' },
  venue: { en: 'Venue', zh: '交易所' },
  symbol: { en: 'Symbol', zh: '合约' },
  walletBalance: { en: 'Wallet balance', zh: '钱包余额' },
  collateral: { en: 'Collateral', zh: '抵押资产' },
  positions: { en: 'Positions', zh: '仓位' },
  amount: { en: 'Amount', zh: '数量' },
  price: { en: 'Price', zh: '价格' },
  haircut: { en: 'Haircut', zh: '折扣率' },
  notionalFloor: { en: 'Notional floor', zh: '档位下限' },
  notionalCap: { en: 'Notional cap', zh: '档位上限' },
  tolerancePercent: { en: 'Tolerance', zh: '容差' },
  targetBufferPercent: { en: 'Target buffer', zh: '目标缓冲' },
  input: { en: 'Input', zh: '输入' },
};

/** Translated label of a field path: "tiers[2].maintenanceMarginRate" → "Tiers #3 · Maintenance margin rate". */
export function fieldLabel(field: string | null, lang: 'en' | 'zh'): string {
  if (field === null) return lang === 'en' ? 'Input' : '输入';
  return field
    .split('.')
    .map((segment) => {
      const match = /^(\w+)(?:\[(\d+)\])?$/.exec(segment);
      const key = match?.[1] ?? segment;
      const label = FIELD_LABELS[key]?.[lang] ?? key;
      // A nested path shows the item number counted from 1, as a user would.
      const index = match?.[2];
      return index === undefined ? label : `${label} #${new Decimal(index).plus(1).toFixed()}`;
    })
    .join(' · ');
}

/** A short text for an offending input value, whatever its type (never "[object Object]"). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 40);
  // JSON numbers lose precision; the contract takes decimal strings (design.md §4).
  if (typeof value === 'number') return `${String(value)} (a JSON number: write it as a string)`;
  if (typeof value === 'boolean' || value === null) return String(value);
  return typeof value;
}

function fill(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/**
 * Build a CoreError with its English message.
 *
 * @param code - one of ERROR_CODES.
 * @param field - the PositionInput key (or nested path) at fault; null for whole-input problems.
 * @param params - values substituted into the message (value, reason, venue, ...).
 */
export function coreError(
  code: ErrorCode,
  field: string | null,
  params: Readonly<Record<string, string>> = {},
): CoreError {
  const message = fill(MESSAGES[code].en, { ...params, field: fieldLabel(field, 'en') });
  return Object.keys(params).length > 0
    ? { code, field, message, params }
    : { code, field, message };
}

/**
 * The message of a CoreError in the user's language; an unknown code falls back to its English text.
 *
 * @returns e.g. "缺少开仓价格" for `{code: 'LIQ_MISSING_FIELD', field: 'entryPrice'}` in zh.
 */
export function formatError(error: CoreError, lang: 'en' | 'zh'): string {
  const text = (MESSAGES as Readonly<Record<string, Text | undefined>>)[error.code];
  if (text === undefined) return error.message;
  return fill(text[lang], { ...(error.params ?? {}), field: fieldLabel(error.field, lang) });
}
