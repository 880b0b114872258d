import { describe, expect, it } from 'vitest';
import { BTC_LONG_INPUT } from './btc-long-case';
import type { PositionInput } from '../../core/contract';
import { estimateAccount, estimatePosition, formatError } from '../../core/index';
import { positionFromRaw, type RawContext } from '../../core/position-from-raw';
import {
  NOT_AN_INPUT,
  createPipeline,
  type PipelineDeps,
  type PipelineInput,
  type PipelineRow,
  type PipelineSettings,
} from '../../entrypoints/positions.content/pipeline';

const DEPS: PipelineDeps = { positionFromRaw, estimatePosition, estimateAccount, formatError };

const SETTINGS: PipelineSettings = { lang: 'en', tolerancePercent: '0.5', feeRates: {} };

const EN_FORMAT = { decimalSeparator: '.', groupSeparator: ',' } as const;

/** A Binance-like row as the reader returns it: cell texts, units and separators included. */
function binanceRow(
  overrides: Partial<Record<string, string>> = {},
  key = 'BTCUSDT|long',
): PipelineRow {
  return {
    key,
    raw: {
      symbol: 'BTCUSDT',
      side: 'long',
      size: '0.500 BTC',
      entryPrice: '64,250.0',
      markPrice: '65,010.3',
      leverage: '20x',
      marginMode: 'Isolated',
      margin: '1,606.25 USDT',
      liquidationPrice: '61,282.63',
      ...overrides,
    },
    problems: [],
  };
}

function input(rows: readonly PipelineRow[], walletBalance?: string): PipelineInput {
  const rawContext: RawContext = {
    venue: 'binance',
    format: EN_FORMAT,
    sizeUnit: 'base',
    ...(walletBalance === undefined ? {} : { walletBalance }),
  };
  return {
    siteId: 'binance',
    siteLabel: 'Binance Futures',
    status: 'ok',
    rows,
    rawContextOf: () => rawContext,
  };
}

function expectedEstimate(positionInput: PositionInput, tolerancePercent = '0.5') {
  const outcome = estimatePosition(positionInput, { tolerancePercent });
  if (!outcome.ok) throw new Error(`fixture input rejected: ${JSON.stringify(outcome.errors)}`);
  return outcome.estimate;
}

describe('createPipeline().run', () => {
  it('returns the core estimate for a fully read isolated row', () => {
    const { view } = createPipeline(DEPS).run(input([binanceRow()]), SETTINGS);
    const expected = expectedEstimate(BTC_LONG_INPUT);
    expect(view.rows).toHaveLength(1);
    const [row] = view.rows;
    expect(row?.symbol).toBe('BTCUSDT');
    expect(row?.side).toBe('long');
    expect(row?.marginMode).toBe('isolated');
    expect(row?.state).toMatchObject({
      kind: 'estimate',
      liquidationPrice: expected.liquidationPrice,
      platformLiquidationPrice: '61282.63',
      differencePercent: expected.crossCheck?.differencePercent,
      agrees: expected.crossCheck?.agrees,
      bufferPercent: expected.buffer?.percent,
    });
    expect(expected.liquidationPrice).not.toBeNull();
  });

  it('shows a reader problem instead of an estimate, with what was read kept for the calculator', () => {
    const row: PipelineRow = {
      ...binanceRow({ margin: undefined, leverage: undefined }),
      problems: [{ field: 'margin', reason: 'not-found' }],
    };
    const { view, buffers } = createPipeline(DEPS).run(input([row]), SETTINGS);
    const state = view.rows[0]?.state;
    expect(state?.kind).toBe('problems');
    if (state?.kind !== 'problems') return;
    expect(state.problems.map((problem) => problem.message)).toContain(
      'Margin not found on this page',
    );
    expect(state.calculatorPrefill).toMatchObject({
      entryPrice: '64250',
      side: 'long',
      quantity: '0.5',
    });
    expect(buffers).toEqual([
      { key: 'BTCUSDT|long', symbol: 'BTCUSDT', side: 'long', bufferPercent: null },
    ]);
  });

  it('says the wallet balance is missing for a cross position and gives no estimate', () => {
    const cross = binanceRow({ marginMode: 'Cross', margin: '677.28 USDT (Cross)' });
    const { view } = createPipeline(DEPS).run(input([cross]), SETTINGS);
    const state = view.rows[0]?.state;
    expect(state?.kind).toBe('problems');
    if (state?.kind !== 'problems') return;
    expect(state.problems.map((problem) => problem.message)).toEqual([
      'Cross margin: the wallet balance is not shown on this page, so no estimate.',
    ]);
    expect(state.calculatorPrefill).toMatchObject({ marginMode: 'cross', entryPrice: '64250' });
  });

  it('estimates cross positions together as one account (the others held at mark)', () => {
    const btc = binanceRow({ marginMode: 'Cross', liquidationPrice: '--' }, 'BTCUSDT|long');
    const eth = binanceRow(
      {
        symbol: 'ETHUSDT',
        side: 'short',
        size: '-4.000 ETH',
        entryPrice: '3,120.50',
        markPrice: '3,088.42',
        leverage: '10x',
        marginMode: 'Cross',
        liquidationPrice: '--',
      },
      'ETHUSDT|short',
    );
    const { view } = createPipeline(DEPS).run(input([btc, eth], '9,800.00 USDT'), SETTINGS);
    // The page shows "--" for a cross position's liquidation price: no platform figure.
    const btcInput: PositionInput = { ...BTC_LONG_INPUT };
    delete (btcInput as { platformLiquidationPrice?: string }).platformLiquidationPrice;
    const account = estimateAccount(
      {
        walletBalance: '9800',
        positions: [
          { ...btcInput, marginMode: 'cross', margin: '9800' },
          {
            venue: 'binance',
            symbol: 'ETHUSDT',
            product: 'linear',
            marginMode: 'cross',
            side: 'short',
            quantity: '4',
            entryPrice: '3120.5',
            markPrice: '3088.42',
            margin: '9800',
            leverage: '10',
          },
        ],
      },
      { tolerancePercent: '0.5' },
    );
    if (!account.ok) throw new Error(JSON.stringify(account.errors));
    const liquidationPrices = view.rows.map((row) =>
      row.state.kind === 'estimate' ? row.state.liquidationPrice : row.state.problems,
    );
    expect(liquidationPrices).toEqual(
      account.account.positions.map((position) => position.estimate.liquidationPrice),
    );
  });

  it('withholds every cross estimate when one cross position could not be read', () => {
    const btc = binanceRow({ marginMode: 'Cross' }, 'BTCUSDT|long');
    const eth: PipelineRow = {
      ...binanceRow({ symbol: 'ETHUSDT', marginMode: 'Cross', size: undefined }, 'ETHUSDT|long'),
      problems: [{ field: 'size', reason: 'not-found' }],
    };
    const { view } = createPipeline(DEPS).run(input([btc, eth], '9,800.00 USDT'), SETTINGS);
    expect(view.rows.map((row) => row.state.kind)).toEqual(['problems', 'problems']);
    const messages = view.rows.map((row) =>
      row.state.kind === 'problems' ? row.state.problems.map((problem) => problem.message) : [],
    );
    expect(messages[0]?.[0]).toMatch(/another cross position/);
    expect(messages[1]).toContain('Size not found on this page');
  });

  it('recomputes only the rows whose raw inputs changed', () => {
    const pipeline = createPipeline(DEPS);
    const eth = binanceRow({ symbol: 'ETHUSDT' }, 'ETHUSDT|long');
    pipeline.run(input([binanceRow(), eth]), SETTINGS);
    expect(pipeline.lastComputed).toBe(2);
    pipeline.run(input([binanceRow(), eth]), SETTINGS);
    expect(pipeline.lastComputed).toBe(0);
    const { view } = pipeline.run(input([binanceRow({ markPrice: '64,900.0' }), eth]), SETTINGS);
    expect(pipeline.lastComputed).toBe(1);
    const expected = expectedEstimate({ ...BTC_LONG_INPUT, markPrice: '64900' });
    const state = view.rows[0]?.state;
    expect(state?.kind === 'estimate' ? state.bufferPercent : null).toBe(expected.buffer?.percent);
  });

  it('applies the tolerance and fee-rate settings (and recomputes when they change)', () => {
    const pipeline = createPipeline(DEPS);
    pipeline.run(input([binanceRow()]), SETTINGS);
    const strict = { ...SETTINGS, tolerancePercent: '0.001', feeRates: { binance: '0.0005' } };
    const { view } = pipeline.run(input([binanceRow()]), strict);
    expect(pipeline.lastComputed).toBe(1);
    const expected = expectedEstimate({ ...BTC_LONG_INPUT, closeFeeRate: '0.0005' }, '0.001');
    expect(view.rows[0]?.state).toMatchObject({
      liquidationPrice: expected.liquidationPrice,
      agrees: expected.crossCheck?.agrees,
    });
  });

  it('turns a core error into a translated problem, never a number', () => {
    const rejecting: PipelineDeps = {
      ...DEPS,
      estimatePosition: () => ({
        ok: false,
        errors: [
          { code: 'E_TEST', field: 'maintenanceMarginRate', message: 'Maintenance rate missing.' },
        ],
      }),
    };
    const { view } = createPipeline(rejecting).run(input([binanceRow()]), SETTINGS);
    const state = view.rows[0]?.state;
    expect(state?.kind).toBe('problems');
    if (state?.kind !== 'problems') return;
    expect(state.problems).toEqual([
      {
        field: 'maintenanceMarginRate',
        message: formatError(
          { code: 'E_TEST', field: 'maintenanceMarginRate', message: 'Maintenance rate missing.' },
          'en',
        ),
      },
    ]);
  });

  it('writes problems in Chinese when the language is zh', () => {
    const row: PipelineRow = {
      ...binanceRow({ margin: undefined, leverage: undefined }),
      problems: [{ field: 'margin', reason: 'not-found' }],
    };
    const { view } = createPipeline(DEPS).run(input([row]), { ...SETTINGS, lang: 'zh' });
    const state = view.rows[0]?.state;
    expect(state?.kind === 'problems' ? state.problems[0]?.message : null).toBe(
      '页面上未找到保证金',
    );
  });

  it("says each missing field once, in the reader's more precise words", () => {
    const row: PipelineRow = {
      ...binanceRow({ entryPrice: undefined }),
      problems: [{ field: 'entryPrice', reason: 'not-rendered-yet' }],
    };
    const { view } = createPipeline(DEPS).run(input([row]), SETTINGS);
    const state = view.rows[0]?.state;
    const messages =
      state?.kind === 'problems' ? state.problems.map((problem) => problem.message) : [];
    expect(messages.filter((message) => message.startsWith('Entry price'))).toEqual([
      'Entry price not shown yet',
    ]);
  });

  it('does not recompute when only a cell that is not an input ticks (PnL)', () => {
    // The premise: position-from-raw gives the same result whatever those cells say.
    const context = input([]).rawContextOf(binanceRow());
    for (const field of NOT_AN_INPUT) {
      expect(positionFromRaw({ ...binanceRow().raw, [field]: '+1.00 USDT' }, context)).toEqual(
        positionFromRaw({ ...binanceRow().raw, [field]: '-999.99 USDT (-50%)' }, context),
      );
    }
    const pipeline = createPipeline(DEPS);
    pipeline.run(input([binanceRow({ unrealizedPnl: '+380.15 USDT' })]), SETTINGS);
    pipeline.run(input([binanceRow({ unrealizedPnl: '+381.40 USDT' })]), SETTINGS);
    expect(pipeline.lastComputed).toBe(0);
  });
});
