/**
 * Account mode with the real core: Binance's published cross example (two positions, one wallet;
 * ../shared/vectors/public.json "binance-um-doc-cross-btcusdt") gives the BTC liquidation price the
 * FAQ prints. The second position is read from the vector's own text, not copied here.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../core/decimal';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { AccountTab } from '../../entrypoints/popup/account/account-tab';

interface DocVector {
  readonly inputs: Readonly<Record<string, string>>;
  readonly expected: { readonly liqPrice: string };
  readonly tolerance_rel: number;
}
const VECTOR = (
  JSON.parse(
    fs.readFileSync(
      path.resolve(import.meta.dirname, '../../../shared/vectors/public.json'),
      'utf8',
    ),
  ) as (DocVector & { id: string })[]
).find((vector) => vector.id === 'binance-um-doc-cross-btcusdt')!;

/** "ETHUSDT long 3683.979 @1456.84, mark 1335.18, MMR 0.10, cum 135365" → its numbers. */
function readOtherPosition(text: string) {
  const match =
    /^(\w+) (long|short) ([\d.]+) @([\d.]+), mark ([\d.]+), MMR ([\d.]+), cum ([\d.]+)$/.exec(text);
  if (match === null) throw new Error(`unexpected other_position text: ${text}`);
  const [, symbol, side, quantity, entry, mark, rate, cum] = match;
  return {
    symbol: symbol!,
    side: side!,
    quantity: quantity!,
    entry: entry!,
    mark: mark!,
    rate: rate!,
    cum: cum!,
  };
}

describe('AccountTab', () => {
  it('reproduces the Binance cross example and ranks the positions by risk', async () => {
    const { inputs } = VECTOR;
    const other = readOtherPosition(inputs.other_position!);
    render(<AccountTab settings={DEFAULT_SETTINGS} lang="en" />);
    const wallet = await screen.findByTestId('account-wallet');
    fireEvent.input(wallet, { target: { value: inputs.walletBalance } });
    const rows: readonly Readonly<Record<string, string>>[] = [
      {
        symbol: inputs.symbol!,
        quantity: inputs.positionAmt!,
        entryPrice: inputs.entryPrice!,
        markPrice: inputs.markPrice!,
        maintenanceMarginRate: inputs.maintMarginRatio!,
        maintenanceAmount: inputs.cum!,
      },
      {
        symbol: other.symbol,
        quantity: other.quantity,
        entryPrice: other.entry,
        markPrice: other.mark,
        maintenanceMarginRate: other.rate,
        maintenanceAmount: other.cum,
      },
    ];
    rows.forEach((row, index) => {
      for (const [field, value] of Object.entries(row)) {
        const input = document.getElementById(`account-${index}-${field}`)!;
        fireEvent.input(input, { target: { value } });
      }
      // Leverage only sets the margin in use (risk rate); the vector's cross price does not depend on it.
      fireEvent.input(document.getElementById(`account-${index}-leverage`)!, {
        target: { value: '20' },
      });
    });
    const result = await screen.findByTestId('account-result');
    const prices = within(result).getAllByTestId('account-liq-price');
    const btc = new Decimal(prices[0]!.getAttribute('data-value')!);
    const relative = btc.div(VECTOR.expected.liqPrice).minus(1).abs();
    expect(relative.lte(VECTOR.tolerance_rel)).toBe(true);
    const ranking = within(result).getByTestId('account-ranking');
    expect(ranking.querySelectorAll('li')).toHaveLength(2);
  });

  it('says what is missing, and marks a field that is not a number', async () => {
    render(<AccountTab settings={DEFAULT_SETTINGS} lang="en" />);
    expect(await screen.findByTestId('account-incomplete')).toBeTruthy();
    fireEvent.input(screen.getByTestId('account-wallet'), { target: { value: '1OOO' } });
    await waitFor(() => {
      expect(screen.getByTestId('account-error')).toBeTruthy();
    });
    expect(screen.getByTestId('account-wallet').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('account-result')).toBeNull();
  });

  it('adds and removes positions', async () => {
    render(<AccountTab settings={DEFAULT_SETTINGS} lang="en" />);
    await screen.findByTestId('account-add');
    expect(screen.getAllByTestId('account-position-form')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('account-add'));
    expect(screen.getAllByTestId('account-position-form')).toHaveLength(3);
    fireEvent.click(within(screen.getAllByTestId('account-position-form')[0]!).getByRole('button'));
    expect(screen.getAllByTestId('account-position-form')).toHaveLength(2);
  });
});

describe('AccountTab core errors', () => {
  it('marks the position field the core rejects', async () => {
    render(<AccountTab settings={DEFAULT_SETTINGS} lang="en" />);
    fireEvent.input(await screen.findByTestId('account-wallet'), { target: { value: '1000' } });
    const values = {
      quantity: '1',
      entryPrice: '100',
      markPrice: '100',
      leverage: '10',
      maintenanceMarginRate: '0.01',
    };
    for (const index of [0, 1]) {
      for (const [field, value] of Object.entries(values)) {
        fireEvent.input(document.getElementById(`account-${index}-${field}`)!, {
          target: { value },
        });
      }
    }
    await screen.findByTestId('account-result');
    fireEvent.input(document.getElementById('account-1-markPrice')!, { target: { value: '-100' } });
    await screen.findByTestId('account-error');
    expect(document.getElementById('account-1-markPrice')!.getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(screen.queryByTestId('account-result')).toBeNull();
  });
});
