/**
 * Every error code in core/messages.ts is produced by at least one input, names the offending field,
 * and has English and Chinese text with every placeholder filled.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../core/cli-run';
import type { AccountInput, CoreError, PositionInput } from '../../core/contract';
import {
  ERROR_CODES,
  estimateAccount,
  estimatePosition,
  formatError,
  type ErrorCode,
} from '../../core/index';

const BASE: PositionInput = {
  product: 'linear',
  marginMode: 'isolated',
  side: 'long',
  quantity: '1',
  entryPrice: '100',
  leverage: '10',
  maintenanceMarginRate: '0.005',
};

const CROSS_POSITION: PositionInput = {
  ...BASE,
  marginMode: 'cross',
  markPrice: '100',
  margin: '10',
};

function positionErrors(input: unknown): readonly CoreError[] {
  const outcome = estimatePosition(input as PositionInput);
  return outcome.ok ? [] : outcome.errors;
}

function accountErrors(account: unknown): readonly CoreError[] {
  const outcome = estimateAccount(account as AccountInput);
  return outcome.ok ? [] : outcome.errors;
}

function cliErrors(args: readonly string[], stdin: string): readonly CoreError[] {
  const result = runCli(args, stdin);
  const output = result.output as { errors?: CoreError[] };
  return result.status === 2 ? (output.errors ?? []) : [];
}

const throwingInput = Object.defineProperty({ ...BASE }, 'quantity', {
  enumerable: true,
  get(): string {
    throw new Error('hostile getter');
  },
});

/** code → [expected field, input that produces it]. */
const CASES: Readonly<Record<ErrorCode, readonly [string | null, () => readonly CoreError[]]>> = {
  LIQ_INVALID_JSON: [null, () => cliErrors([], '{"product": ')],
  LIQ_NOT_AN_OBJECT: ['input', () => cliErrors([], '[1, 2]')],
  LIQ_MISSING_FIELD: ['entryPrice', () => positionErrors({ ...BASE, entryPrice: undefined })],
  LIQ_NOT_A_NUMBER: ['entryPrice', () => positionErrors({ ...BASE, entryPrice: '1,00' })],
  LIQ_NOT_POSITIVE: ['quantity', () => positionErrors({ ...BASE, quantity: '0' })],
  LIQ_NEGATIVE: ['margin', () => positionErrors({ ...BASE, margin: '-5' })],
  LIQ_LEVERAGE_NOT_POSITIVE: ['leverage', () => positionErrors({ ...BASE, leverage: '0' })],
  LIQ_RATE_OUT_OF_RANGE: [
    'maintenanceMarginRate',
    () => positionErrors({ ...BASE, maintenanceMarginRate: '1' }),
  ],
  LIQ_NEGATIVE_FEE: ['closeFeeRate', () => positionErrors({ ...BASE, closeFeeRate: '-0.0005' })],
  LIQ_THRESHOLD_NOT_POSITIVE: [
    'liquidationThreshold',
    () => positionErrors({ ...BASE, liquidationThreshold: '0' }),
  ],
  // k·MMR = 1.5 × 0.9 ≥ 1 for a long: the requirement outgrows equity as the price rises.
  LIQ_MAINTENANCE_TOO_HIGH: [
    'maintenanceMarginRate',
    () =>
      positionErrors({
        ...BASE,
        leverage: '0.5',
        maintenanceMarginRate: '0.9',
        liquidationThreshold: '1.5',
      }),
  ],
  LIQ_ALREADY_LIQUIDATABLE: ['margin', () => positionErrors({ ...BASE, markPrice: '85' })],
  LIQ_UNKNOWN_PRODUCT: ['product', () => positionErrors({ ...BASE, product: 'spot' })],
  LIQ_UNKNOWN_MARGIN_MODE: [
    'marginMode',
    () => positionErrors({ ...BASE, marginMode: 'portfolio' }),
  ],
  LIQ_UNKNOWN_SIDE: ['side', () => positionErrors({ ...BASE, side: 'flat' })],
  LIQ_UNKNOWN_VENUE: ['venue', () => positionErrors({ ...BASE, venue: 'ftx' })],
  LIQ_UNKNOWN_BASIS: [
    'maintenanceBasis',
    () => positionErrors({ ...BASE, maintenanceBasis: 'index' }),
  ],
  LIQ_UNKNOWN_SYMBOL_TIERS: [
    'maintenanceMarginRate',
    () =>
      positionErrors({
        ...BASE,
        maintenanceMarginRate: undefined,
        venue: 'gate',
        symbol: 'BTC_USDT',
      }),
  ],
  LIQ_TIERS_MALFORMED: [
    'tiers[1].notionalFloor',
    () =>
      positionErrors({
        ...BASE,
        maintenanceMarginRate: undefined,
        tiers: [
          { notionalFloor: '0', notionalCap: '1000', maintenanceMarginRate: '0.004' },
          { notionalFloor: '2000', maintenanceMarginRate: '0.005' },
        ],
      }),
  ],
  LIQ_NEITHER_MARGIN_NOR_LEVERAGE: [
    'margin',
    () => positionErrors({ ...BASE, leverage: undefined }),
  ],
  LIQ_NO_MAINTENANCE: [
    'maintenanceMarginRate',
    () => positionErrors({ ...BASE, maintenanceMarginRate: undefined }),
  ],
  LIQ_CONFLICTING_FIELDS: [
    'maintenanceMargin',
    () => positionErrors({ ...BASE, maintenanceMargin: '2' }),
  ],
  LIQ_CROSS_ONLY_FIELD: [
    'otherMaintenanceMargin',
    () => positionErrors({ ...BASE, otherMaintenanceMargin: '5' }),
  ],
  LIQ_ACCOUNT_EMPTY: ['positions', () => accountErrors({ walletBalance: '100', positions: [] })],
  LIQ_POSITION_NOT_CROSS: [
    'positions[0].marginMode',
    () =>
      accountErrors({
        walletBalance: '100',
        positions: [{ ...CROSS_POSITION, marginMode: 'isolated' }],
      }),
  ],
  LIQ_ACCOUNT_MIXED_SETTLEMENT: [
    'positions',
    () =>
      accountErrors({
        walletBalance: '100',
        positions: [CROSS_POSITION, { ...CROSS_POSITION, product: 'inverse', contractSize: '100' }],
      }),
  ],
  LIQ_TIER_TABLE_EXCEEDED: [
    'quantity',
    () =>
      positionErrors({
        ...BASE,
        quantity: '20',
        entryPrice: '60000',
        maintenanceMarginRate: undefined,
        venue: 'okx',
        symbol: 'BTC-USDT-SWAP',
      }),
  ],
  LIQ_INTERNAL: [null, () => positionErrors(throwingInput)],
  LIQ_UNKNOWN_OPTION: [null, () => cliErrors(['--fast'], '{}')],
};

describe('error codes', () => {
  it('has a producing case for every code in messages.ts', () => {
    const uncovered = Object.values(ERROR_CODES).filter((code) => !(code in CASES));
    expect(uncovered).toEqual([]);
  });

  it.each(Object.values(ERROR_CODES))(
    '%s is produced, names its field and reads in en and zh',
    (code) => {
      const testCase = CASES[code];
      expect(testCase).toBeDefined();
      const [field, produce] = testCase;
      const error = produce().find((candidate) => candidate.code === code);
      expect(error, `no ${code} produced`).toBeDefined();
      if (error === undefined) return;
      expect(error.field).toBe(field);
      for (const lang of ['en', 'zh'] as const) {
        const text = formatError(error, lang);
        expect(text.length).toBeGreaterThan(5);
        expect(text).not.toMatch(/\{\w+\}/);
      }
      expect(formatError(error, 'en')).toBe(error.message);
      expect(formatError(error, 'zh')).not.toBe(error.message);
    },
  );

  it('collects every problem, not only the first', () => {
    const errors = positionErrors({ ...BASE, quantity: '-1', entryPrice: 'x', side: 'up' });
    expect(errors.map((error) => error.field).sort()).toEqual(['entryPrice', 'quantity', 'side']);
  });

  it('translates field labels', () => {
    const [error] = positionErrors({ ...BASE, entryPrice: undefined });
    expect(error && formatError(error, 'zh')).toBe('缺少开仓价格');
    expect(error && formatError(error, 'en')).toBe('Entry price is missing');
  });

  it('explains JSON numbers instead of silently converting them', () => {
    const [error] = positionErrors({ ...BASE, entryPrice: 62000.5 });
    expect(error?.code).toBe('LIQ_NOT_A_NUMBER');
    expect(error?.message).toContain('write it as a string');
  });
});
