import { describe, expect, it, vi } from 'vitest';
import type { Product } from '../../core/contract';
import type { RawContext } from '../../core/position-from-raw';
import { changedRows } from '../../entrypoints/positions.content/estimate-delta';
import { requestRow, type ReadRow } from '../../entrypoints/positions.content/estimate-client';
import { createRequestRows } from '../../entrypoints/positions.content/request-rows';

const NOT_INPUTS = ['unrealizedPnl'];

function readRow(key: string, markPrice: string, pnl = '+1.00 USDT'): ReadRow {
  return {
    key,
    raw: { symbol: key.split('|')[0] ?? '', markPrice, size: '0.5 BTC', unrealizedPnl: pnl },
    problems: [],
  };
}

/** A fresh context object per call, as read.ts rawContextFor makes them. */
function contextMaker(walletBalance = '9,800.00 USDT') {
  return vi.fn((product: Product): RawContext => ({
    venue: 'binance',
    format: { decimalSeparator: '.', groupSeparator: ',' },
    sizeUnit: product === 'inverse' ? 'contracts' : 'base',
    walletBalance,
  }));
}

const productOf = (row: ReadRow): Product =>
  row.raw.symbol?.endsWith('USD') === true ? 'inverse' : 'linear';

describe('createRequestRows', () => {
  it('builds the rows requestRow builds (the PnL left out, the context added)', () => {
    const rows = [readRow('BTCUSDT|long', '65,000'), readRow('BTCUSD|short', '64,990')];
    const contextOf = contextMaker();
    const built = createRequestRows(NOT_INPUTS).build(rows, productOf, contextOf);
    expect(built).toEqual(
      rows.map((row) => requestRow(row, NOT_INPUTS, contextOf(productOf(row)))),
    );
    expect(built[0]?.raw).not.toHaveProperty('unrealizedPnl');
  });

  it('makes each product context once per pass, and keeps last pass object while it is equal', () => {
    const builder = createRequestRows(NOT_INPUTS);
    const rows = [readRow('BTCUSDT|long', '1'), readRow('ETHUSDT|long', '2')];
    const contextOf = contextMaker();
    const first = builder.build(rows, productOf, contextOf);
    expect(contextOf).toHaveBeenCalledTimes(1);
    expect(first[0]?.context).toBe(first[1]?.context);
    const second = builder.build(
      rows.map((row) => ({ ...row })),
      productOf,
      contextMaker(),
    );
    expect(second[0]?.context).toBe(first[0]?.context);
    // The wallet moved: a new context, equal to what was read.
    const moved = builder.build(rows, productOf, contextMaker('9,700.00 USDT'));
    expect(moved[0]?.context).not.toBe(first[0]?.context);
    expect(moved[0]?.context.walletBalance).toBe('9,700.00 USDT');
  });

  it('hands on the request row of a read row the reader kept, and only then', () => {
    const builder = createRequestRows(NOT_INPUTS);
    const kept = readRow('BTCUSDT|long', '65,000');
    const ticked = readRow('ETHUSDT|long', '3,000');
    const first = builder.build([kept, ticked], productOf, contextMaker());
    const next = readRow('ETHUSDT|long', '3,001');
    const second = builder.build([kept, next], productOf, contextMaker());
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]?.raw.markPrice).toBe('3,001');
    // The delta skips the kept row by identity and patches the ticked one.
    const held = new Map(first.map((row) => [row.key, row]));
    expect(changedRows(held, second)).toEqual([
      { key: 'ETHUSDT|long', patch: { markPrice: '3,001' } },
    ]);
    // The same read row under another context is made again, with that context.
    const third = builder.build([kept, next], productOf, contextMaker('1.00 USDT'));
    expect(third[0]).not.toBe(first[0]);
    expect(third[0]?.context.walletBalance).toBe('1.00 USDT');
  });
});
