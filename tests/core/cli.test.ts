/**
 * The CLI end to end: a real `node --import tsx core/cli.ts` process per case (each spawn costs
 * about half a second, so there are only a few).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../core/decimal';

const ROOT = path.resolve(import.meta.dirname, '../..');
const VECTORS = JSON.parse(
  readFileSync(path.resolve(ROOT, '../shared/vectors/public.json'), 'utf8'),
) as { id: string; cli?: object; expected: Record<string, string>; tolerance_rel: number }[];

function runCli(
  input: string,
  args: readonly string[] = [],
): { status: number | null; output: any } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'core/cli.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (result.stdout.trim() === '') {
    throw new Error(
      `no output (status ${String(result.status)}): ${result.stderr || String(result.error)}`,
    );
  }
  return { status: result.status, output: JSON.parse(result.stdout) };
}

describe('core/cli.ts', { timeout: 60_000 }, () => {
  it('reproduces a vector and adds the steps with --explain', () => {
    const vector = VECTORS.find((candidate) => candidate.id === 'binance-um-doc-cross-btcusdt');
    expect(vector?.cli).toBeDefined();
    const { status, output } = runCli(JSON.stringify(vector?.cli), ['--explain']);
    expect(status).toBe(0);
    const error = new Decimal(output.liquidationPrice)
      .minus(vector?.expected.liqPrice ?? '0')
      .div(vector?.expected.liqPrice ?? '1');
    expect(error.abs().lte(vector?.tolerance_rel ?? 0)).toBe(true);
    expect(output.steps.length).toBeGreaterThan(3);
    expect(output.steps.find((step: any) => step.label.en === 'Liquidation price').result).toBe(
      output.liquidationPrice,
    );
    expect(output.buffer.percent).toMatch(/^\d+\.\d+$/);
  });

  it('returns the account view for {"account": ...} with options from the JSON', () => {
    const account = {
      walletBalance: '1000',
      positions: [
        {
          product: 'linear',
          marginMode: 'cross',
          side: 'long',
          quantity: '1',
          entryPrice: '2000',
          markPrice: '1900',
          leverage: '10',
          maintenanceMarginRate: '0.01',
        },
        {
          product: 'linear',
          marginMode: 'cross',
          side: 'short',
          quantity: '0.1',
          entryPrice: '30000',
          markPrice: '30500',
          leverage: '20',
          maintenanceMarginRate: '0.004',
        },
      ],
    };
    const { status, output } = runCli(
      JSON.stringify({ account, options: { targetBufferPercent: '20' } }),
    );
    expect(status).toBe(0);
    // Equity = 1000 − 100 − 50; maintenance = 19 + 12.2.
    expect(output.account.equity).toBe('850');
    expect(output.account.maintenanceMargin).toBe('31.2');
    expect(output.account.positions).toHaveLength(2);
    expect(output.account.positions[0].estimate.remedies.targetBufferPercent).toBe('20');
    expect(output.account.liquidationOrder).toEqual([]);
  });

  it('exits with status 2 and a coded error for bad input, in Chinese with --lang zh', () => {
    const bad = runCli(
      JSON.stringify({
        product: 'linear',
        marginMode: 'isolated',
        side: 'long',
        quantity: 'ten',
        entryPrice: '100',
        leverage: '5',
        maintenanceMarginRate: '0.01',
      }),
      ['--lang', 'zh'],
    );
    expect(bad.status).toBe(2);
    expect(bad.output.error).toMatchObject({
      code: 'LIQ_NOT_A_NUMBER',
      field: 'quantity',
      message: '数量不是数字：“ten”',
    });
    const invalid = runCli('{"product": "linear",');
    expect(invalid.status).toBe(2);
    expect(invalid.output.error.code).toBe('LIQ_INVALID_JSON');
    expect(invalid.output.error.field).toBeNull();
  });
});
