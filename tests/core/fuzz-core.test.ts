/**
 * Fuzz tests of the core (issue 5.4): arbitrary strings, hostile shapes and extreme magnitudes in
 * every field of a position and an account. The core must never throw, never reach its internal-
 * error net (LIQ_INTERNAL = an unexpected exception was caught), never return NaN, Infinity, an
 * exponent or a non-positive price, and every failure must be a known code naming its field, with
 * a message in English and Chinese. Run counts are fixed so CI time is bounded.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type {
  AccountOutcome,
  CoreError,
  EstimateOutcome,
  PositionInput,
} from '../../core/contract';
import { Decimal } from '../../core/decimal';
import { ERROR_CODES, estimateAccount, estimatePosition, formatError } from '../../core/index';

const POSITION_RUNS = 2000;
const EXTREME_RUNS = 1000;
/** Generous: the machine is shared; a typical run takes a few seconds. */
const FUZZ_TIMEOUT_MS = 60_000;
const ACCOUNT_RUNS = 800;
const KNOWN_CODES = new Set<string>(Object.values(ERROR_CODES));
const PLAIN_UNSIGNED = /^\d+(\.\d+)?$/;
const PLAIN_SIGNED = /^-?\d+(\.\d+)?$/;
/** Every field an error may name: the PositionInput keys, the account's and the options'. */
const KNOWN_FIELDS = new Set<string>([
  'account',
  'walletBalance',
  'collateral',
  'positions',
  'tolerancePercent',
  'targetBufferPercent',
  'product',
  'marginMode',
  'side',
  'quantity',
  'contractSize',
  'entryPrice',
  'markPrice',
  'margin',
  'leverage',
  'maintenanceMarginRate',
  'maintenanceAmount',
  'maintenanceMargin',
  'tiers',
  'maintenanceBasis',
  'closeFeeRate',
  'closeFeeBasis',
  'liquidationThreshold',
  'otherMaintenanceMargin',
  'otherUnrealizedPnl',
  'platformLiquidationPrice',
  'venue',
  'symbol',
]);

/** A decimal string of any magnitude from 1e-30 to 1e30, either sign, written plainly or with an exponent. */
const extremeDecimal = fc
  .tuple(
    fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
    fc.integer({ min: -30, max: 30 }),
    fc.boolean(),
  )
  .map(([digits, exponent, scientific]) =>
    scientific
      ? `${digits.toString()}e${exponent}`
      : new Decimal(digits.toString()).times(new Decimal(10).pow(exponent)).toFixed(),
  );

/** A sane positive decimal (so that some inputs get past validation and reach the formulas). */
const saneDecimal = (min: number, max: number, scale: number) =>
  fc
    .integer({ min, max })
    .map((units) => new Decimal(units).div(new Decimal(10).pow(scale)).toFixed());

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999999',
    '1e-999999',
    '0x1F',
    '0b101',
    '1_000',
    '1,5',
    '１２３',
    '--',
    '−5',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    '9'.repeat(400),
    `0.${'0'.repeat(300)}1`,
    '1e308',
    '-0',
    '+0',
    '.5',
    '5.',
    '00012',
    '1 000',
  ),
);

const anyValue = fc.oneof(
  { weight: 3, arbitrary: extremeDecimal },
  { weight: 3, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 1, arbitrary: fc.constantFrom({}, [], ['1'], { value: '1' }) },
);

const anyTiers = fc.oneof(
  fc.constant(undefined),
  fc.array(
    fc.record(
      {
        notionalFloor: anyValue,
        notionalCap: anyValue,
        maintenanceMarginRate: anyValue,
        maintenanceAmount: anyValue,
      },
      { requiredKeys: [] },
    ),
    { maxLength: 8 },
  ),
  anyValue,
);

/** Any object shaped roughly like a position: every field may be missing, garbage or extreme. */
const hostilePosition = fc.record(
  {
    product: fc.oneof(fc.constantFrom('linear', 'inverse', 'futures'), hostileString),
    marginMode: fc.oneof(fc.constantFrom('isolated', 'cross'), hostileString),
    side: fc.oneof(fc.constantFrom('long', 'short'), hostileString),
    quantity: anyValue,
    contractSize: anyValue,
    entryPrice: anyValue,
    markPrice: anyValue,
    margin: anyValue,
    leverage: anyValue,
    maintenanceMarginRate: anyValue,
    maintenanceAmount: anyValue,
    maintenanceMargin: anyValue,
    tiers: anyTiers,
    maintenanceBasis: fc.oneof(fc.constantFrom('mark', 'entry'), hostileString),
    closeFeeRate: anyValue,
    closeFeeBasis: fc.oneof(fc.constantFrom('liquidation', 'bankruptcy'), hostileString),
    liquidationThreshold: anyValue,
    otherMaintenanceMargin: anyValue,
    otherUnrealizedPnl: anyValue,
    platformLiquidationPrice: anyValue,
    venue: fc.oneof(
      fc.constantFrom('binance', 'okx', 'bybit', 'bitget', 'gate', 'htx', 'mexc', 'hyperliquid'),
      hostileString,
    ),
    symbol: fc.oneof(
      fc.constantFrom('BTCUSDT', 'ETHUSDT', 'BTC-USDT-SWAP', 'BTC_USDT', 'BTCUSD_PERP', 'BTC'),
      hostileString,
    ),
  },
  { requiredKeys: [] },
);

/** Valid in shape, extreme in size: tiny and huge quantities, prices, leverage, rates. */
const extremePosition = fc.record(
  {
    product: fc.constantFrom('linear', 'inverse', 'futures'),
    marginMode: fc.constantFrom('isolated', 'cross'),
    side: fc.constantFrom('long', 'short'),
    quantity: extremeDecimal,
    contractSize: fc.oneof(fc.constantFrom('1', '10', '100', '0.001', '300'), extremeDecimal),
    entryPrice: extremeDecimal,
    markPrice: extremeDecimal,
    margin: extremeDecimal,
    leverage: fc.oneof(saneDecimal(1, 2000, 0), extremeDecimal),
    maintenanceMarginRate: fc.oneof(saneDecimal(0, 5000, 4), extremeDecimal),
    maintenanceAmount: extremeDecimal,
    closeFeeRate: fc.oneof(saneDecimal(0, 100, 4), extremeDecimal),
    liquidationThreshold: fc.oneof(saneDecimal(5, 20, 1), extremeDecimal),
    otherMaintenanceMargin: extremeDecimal,
    otherUnrealizedPnl: extremeDecimal,
    platformLiquidationPrice: extremeDecimal,
  },
  { requiredKeys: ['product', 'marginMode', 'side', 'quantity', 'entryPrice'] },
);

/** Top-level values that are not positions at all. */
const notAPosition = fc.oneof(
  fc.constantFrom(null, undefined, 0, '', 'position', true, [], [{}]),
  fc.string(),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.anything(), { maxKeys: 8 }),
  fc.constant(
    JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}',
    ) as unknown,
  ),
);

function expectCodedErrors(errors: readonly CoreError[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(KNOWN_CODES.has(error.code), error.code).toBe(true);
    expect(error.code).not.toBe(ERROR_CODES.INTERNAL);
    if (error.field !== null) {
      // "quantity", "tiers[2].maintenanceMarginRate", "positions[0].entryPrice", "collateral[1].price"
      const head = error.field.split(/[.[]/)[0] ?? '';
      expect(KNOWN_FIELDS.has(head), `field ${error.field}`).toBe(true);
    }
    expect(error.message.length).toBeGreaterThan(0);
    for (const lang of ['en', 'zh'] as const) {
      const text = formatError(error, lang);
      expect(text.length).toBeGreaterThan(0);
      // Every placeholder filled (the user's own text, even "NaN" or "{0}", may be quoted back).
      for (const name of ['field', ...Object.keys(error.params ?? {})]) {
        expect(text).not.toContain(`{${name}}`);
      }
    }
  }
}

function expectFiniteEstimate(outcome: EstimateOutcome): void {
  if (!outcome.ok) {
    expectCodedErrors(outcome.errors);
    return;
  }
  const { estimate } = outcome;
  for (const value of [estimate.liquidationPrice, estimate.bankruptcyPrice]) {
    if (value === null) continue;
    expect(value).toMatch(PLAIN_UNSIGNED);
    expect(new Decimal(value).gt(0)).toBe(true);
  }
  expect(estimate.maintenanceMargin).toMatch(PLAIN_UNSIGNED);
  expect(estimate.margin).toMatch(PLAIN_UNSIGNED);
  if (estimate.buffer) {
    expect(estimate.buffer.price).toMatch(PLAIN_SIGNED);
    expect(estimate.buffer.percent).toMatch(PLAIN_SIGNED);
  }
  if (estimate.crossCheck) expect(estimate.crossCheck.differencePercent).toMatch(PLAIN_SIGNED);
  for (const value of Object.values(estimate.remedies ?? {})) {
    if (typeof value === 'string') expect(value).toMatch(PLAIN_SIGNED);
  }
  // Nothing anywhere in the result may be a non-finite or exponent number.
  expect(JSON.stringify(estimate)).not.toMatch(/NaN|Infinity|\d[eE][+-]?\d/);
}

function expectFiniteAccount(outcome: AccountOutcome, positionCount: number): void {
  if (!outcome.ok) {
    expectCodedErrors(outcome.errors);
    return;
  }
  const { account } = outcome;
  expect(JSON.stringify(account)).not.toMatch(/NaN|Infinity|\d[eE][+-]?\d/);
  expect(account.positions.length).toBeLessThanOrEqual(positionCount);
  expect(new Set(account.liquidationOrder).size).toBe(account.liquidationOrder.length);
  for (const index of account.liquidationOrder) {
    expect(index >= 0 && index < positionCount).toBe(true);
  }
}

vi.setConfig({ testTimeout: FUZZ_TIMEOUT_MS });

describe('estimatePosition (fuzz)', () => {
  it(`handles hostile field values without throwing or an internal error (${POSITION_RUNS} runs)`, () => {
    fc.assert(
      fc.property(hostilePosition, fc.boolean(), (input, explain) => {
        expectFiniteEstimate(
          estimatePosition(input as unknown as PositionInput, {
            targetBufferPercent: '15',
            explain,
          }),
        );
      }),
      { numRuns: POSITION_RUNS },
    );
  });

  it(`handles extreme magnitudes (1e-30 … 1e30) with finite plain results (${EXTREME_RUNS} runs)`, () => {
    fc.assert(
      fc.property(extremePosition, (input) => {
        expectFiniteEstimate(
          estimatePosition(input, {
            targetBufferPercent: '15',
            tolerancePercent: '0.5',
          }),
        );
      }),
      { numRuns: EXTREME_RUNS },
    );
  });

  it('answers anything that is not a position with a coded error', () => {
    fc.assert(
      fc.property(notAPosition, (value) => {
        const outcome = estimatePosition(value as PositionInput);
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expectCodedErrors(outcome.errors);
      }),
      { numRuns: 500 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('handles hostile options: a coded error or a finite result', () => {
    const input: PositionInput = {
      product: 'linear',
      marginMode: 'isolated',
      side: 'long',
      quantity: '1',
      entryPrice: '100',
      markPrice: '100',
      leverage: '10',
      maintenanceMarginRate: '0.005',
    };
    fc.assert(
      fc.property(hostileString, hostileString, (tolerancePercent, targetBufferPercent) => {
        expectFiniteEstimate(estimatePosition(input, { tolerancePercent, targetBufferPercent }));
      }),
      { numRuns: 500 },
    );
  });

  it('names the offending field: one bad field among good ones is reported as that field', () => {
    const good: Record<string, string> = {
      product: 'linear',
      marginMode: 'isolated',
      side: 'long',
      quantity: '0.5',
      entryPrice: '62000',
      markPrice: '61000',
      leverage: '20',
      maintenanceMarginRate: '0.004',
    };
    const numericFields = [
      'quantity',
      'entryPrice',
      'markPrice',
      'leverage',
      'maintenanceMarginRate',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...numericFields),
        fc.constantFrom('NaN', 'Infinity', 'abc', '', '1,5', '<b>1</b>', '-5'),
        (field, bad) => {
          const outcome = estimatePosition({ ...good, [field]: bad } as unknown as PositionInput);
          expect(outcome.ok).toBe(false);
          if (outcome.ok) return;
          expectCodedErrors(outcome.errors);
          expect(outcome.errors.map((error) => error.field)).toContain(field);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays fast on pathological input: 5,000 tiers, 400-digit numbers', () => {
    const tiers = Array.from({ length: 5000 }, (_, index) => ({
      notionalFloor: new Decimal(index).times(1000).toFixed(),
      notionalCap: new Decimal(index + 1).times(1000).toFixed(),
      maintenanceMarginRate: '0.004',
      maintenanceAmount: '0',
    }));
    const started = performance.now();
    expectFiniteEstimate(
      estimatePosition({
        product: 'linear',
        marginMode: 'isolated',
        side: 'long',
        quantity: '4000',
        entryPrice: '1000',
        markPrice: '990',
        leverage: '5',
        tiers,
      }),
    );
    expectFiniteEstimate(
      estimatePosition({
        product: 'linear',
        marginMode: 'isolated',
        side: 'short',
        quantity: `1${'0'.repeat(40)}`,
        entryPrice: `9${'9'.repeat(399)}`,
        leverage: '10',
        maintenanceMarginRate: '0.01',
      }),
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('estimateAccount (fuzz)', () => {
  it(`handles hostile accounts without throwing or an internal error (${ACCOUNT_RUNS} runs)`, () => {
    const account = fc.record(
      {
        walletBalance: anyValue,
        liquidationThreshold: anyValue,
        collateral: fc.oneof(
          fc.constant(undefined),
          fc.array(
            fc.record(
              { asset: hostileString, amount: anyValue, price: anyValue, haircut: anyValue },
              { requiredKeys: [] },
            ),
            { maxLength: 4 },
          ),
        ),
        positions: fc.oneof(
          {
            weight: 4,
            arbitrary: fc.array(
              fc.oneof(
                hostilePosition,
                extremePosition.map((p) => ({ ...p, marginMode: 'cross' })),
              ),
              { maxLength: 6 },
            ),
          },
          { weight: 1, arbitrary: anyValue },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(account, (input) => {
        const positionCount = Array.isArray(input.positions) ? input.positions.length : 0;
        expectFiniteAccount(
          estimateAccount(input as never, { targetBufferPercent: '15' }),
          positionCount,
        );
      }),
      { numRuns: ACCOUNT_RUNS },
    );
  });

  it('answers anything that is not an account with a coded error', () => {
    fc.assert(
      fc.property(notAPosition, (value) => {
        const outcome = estimateAccount(value as never);
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expectCodedErrors(outcome.errors);
      }),
      { numRuns: 300 },
    );
  });
});
