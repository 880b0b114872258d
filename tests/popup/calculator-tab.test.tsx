/**
 * The calculator tab with the real core and WXT's fake storage: results follow typing, bad input
 * shows an error and no result, the last inputs come back, and a panel prefill is used once.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { estimatePosition } from '../../core/index';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { CalculatorTab } from '../../entrypoints/popup/calculator/calculator-tab';
import { EMPTY_FORM } from '../../entrypoints/popup/calculator/form';

const type = (testId: string, text: string) => {
  fireEvent.input(screen.getByTestId(testId), { target: { value: text } });
};

/** A plain isolated long, typed as a user would (with grouping). */
async function fillIsolatedLong(): Promise<void> {
  await screen.findByTestId('calc-quantity');
  type('calc-quantity', '0.5');
  type('calc-entry-price', '60,000');
  type('calc-mark-price', '59,000');
  type('calc-margin', '3,000');
  type('calc-mmr', '0.4%');
}

const SAME_INPUT = {
  product: 'linear',
  marginMode: 'isolated',
  side: 'long',
  quantity: '0.5',
  entryPrice: '60000',
  markPrice: '59000',
  margin: '3000',
  maintenanceMarginRate: '0.004',
} as const;

describe('CalculatorTab', () => {
  it('asks for the missing fields before showing anything', async () => {
    render(<CalculatorTab settings={DEFAULT_SETTINGS} lang="en" />);
    const hint = await screen.findByTestId('calc-incomplete');
    expect(hint.textContent).toContain('Quantity (base asset)');
    expect(screen.queryByTestId('calc-liq-price')).toBeNull();
    expect(screen.queryByTestId('calc-error')).toBeNull();
  });

  it('shows the core estimate as you type, with the buffer and the explain steps', async () => {
    render(<CalculatorTab settings={DEFAULT_SETTINGS} lang="en" />);
    await fillIsolatedLong();
    const expected = estimatePosition(SAME_INPUT, { explain: true });
    if (!expected.ok) throw new Error('the reference input must be valid');
    const liq = await screen.findByTestId('calc-liq-price');
    expect(liq.getAttribute('data-value')).toBe(expected.estimate.liquidationPrice);
    expect(screen.getByTestId('calc-bankruptcy-price').getAttribute('data-value')).toBe(
      expected.estimate.bankruptcyPrice,
    );
    expect(screen.getByTestId('calc-buffer-percent').getAttribute('data-value')).toBe(
      expected.estimate.buffer?.percent,
    );
    expect(screen.getByTestId('calc-ladder')).toBeTruthy();
    expect(screen.getByTestId('calc-explain').querySelectorAll('.explain-step').length).toBe(
      expected.estimate.steps?.length,
    );
    // Long below entry: the liquidation price is below the mark, and the text never says NaN.
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('marks an unreadable field, lists the error and shows no result', async () => {
    render(<CalculatorTab settings={DEFAULT_SETTINGS} lang="zh" />);
    await fillIsolatedLong();
    await screen.findByTestId('calc-liq-price');
    type('calc-entry-price', '6o000');
    const error = await screen.findByTestId('calc-error');
    expect(error.textContent).toContain('不是有效数字');
    expect(screen.getByTestId('calc-entry-price').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('calc-liq-price')).toBeNull();
  });

  it('marks the field the core rejects with its translated message', async () => {
    render(<CalculatorTab settings={DEFAULT_SETTINGS} lang="en" />);
    await fillIsolatedLong();
    type('calc-margin', '-3000');
    const error = await screen.findByTestId('calc-error');
    const field = screen.getByTestId('calc-margin');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = field.getAttribute('aria-describedby') ?? '';
    const message = document.getElementById(describedBy.split(' ')[0] ?? '')?.textContent ?? '';
    expect(message.length).toBeGreaterThan(3);
    expect(error.textContent).toContain(message);
    expect(screen.queryByTestId('calc-liq-price')).toBeNull();
  });

  it('compares with the exchange figure and lists likely reasons when it differs', async () => {
    render(<CalculatorTab settings={DEFAULT_SETTINGS} lang="en" />);
    await fillIsolatedLong();
    const liq = (await screen.findByTestId('calc-liq-price')).getAttribute('data-value') ?? '';
    type('calc-platform-liq', liq);
    expect((await screen.findByTestId('calc-cross-check')).dataset.agrees).toBe('true');
    type('calc-platform-liq', '50000');
    await waitFor(() => {
      expect(screen.getByTestId('calc-cross-check').dataset.agrees).toBe('false');
    });
    expect(screen.getByTestId('calc-cross-check').textContent).toContain('Fees');
  });

  it('stores what was typed and restores it on the next open', async () => {
    const view = render(<CalculatorTab settings={DEFAULT_SETTINGS} lang="en" />);
    await fillIsolatedLong();
    await waitFor(async () => {
      const stored = await fakeBrowser.storage.local.get('calculatorInputs');
      expect(stored.calculatorInputs).toMatchObject({
        entryPrice: '60,000',
        maintenanceMarginRate: '0.4%',
      });
    });
    view.unmount();
    render(<CalculatorTab settings={DEFAULT_SETTINGS} lang="en" />);
    expect((await screen.findByTestId<HTMLInputElement>('calc-entry-price')).value).toBe('60,000');
    await screen.findByTestId('calc-liq-price');
  });

  it('uses a prefill from the panel once, then removes it', async () => {
    await fakeBrowser.storage.local.set({
      calculatorInputs: { ...EMPTY_FORM, entryPrice: '1' },
      calculatorPrefill: { input: SAME_INPUT, symbol: 'BTCUSDT', site: 'binance' },
    });
    render(<CalculatorTab settings={DEFAULT_SETTINGS} lang="en" />);
    expect((await screen.findByTestId('calc-prefilled')).textContent).toContain('BTCUSDT');
    expect((await screen.findByTestId<HTMLInputElement>('calc-entry-price')).value).toBe('60000');
    await screen.findByTestId('calc-liq-price');
    expect(await fakeBrowser.storage.local.get('calculatorPrefill')).toEqual({});
  });

  it('follows the number format setting', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, numberFormat: 'eu' };
    render(<CalculatorTab settings={settings} lang="en" />);
    await screen.findByTestId('calc-quantity');
    type('calc-quantity', '0,5');
    type('calc-entry-price', '60.000');
    type('calc-margin', '3.000');
    type('calc-mmr', '0,004');
    const liq = await screen.findByTestId('calc-liq-price');
    expect(liq.textContent).toMatch(/^\d{1,3}(\.\d{3})*(,\d+)?$/);
  });

  it('says when there is no liquidation at any price instead of showing 0', async () => {
    render(<CalculatorTab settings={DEFAULT_SETTINGS} lang="en" />);
    await screen.findByTestId('calc-quantity');
    type('calc-quantity', '1');
    type('calc-entry-price', '100');
    type('calc-margin', '1000'); // more margin than the position is worth: a 1x long never liquidates
    type('calc-mmr', '0.005');
    const liq = await screen.findByTestId('calc-liq-price');
    expect(liq.hasAttribute('data-value')).toBe(false);
    expect(liq.textContent).toBe('No liquidation at any price');
  });
});

describe('CalculatorTab with venue tiers', () => {
  it('takes the tier from the venue table and explains which tier and why', async () => {
    render(<CalculatorTab settings={DEFAULT_SETTINGS} lang="en" />);
    await screen.findByTestId('calc-quantity');
    fireEvent.click(
      screen.getByTestId('calc-maintenance-source').querySelector('input[value="preset"]')!,
    );
    fireEvent.change(screen.getByTestId('calc-venue'), { target: { value: 'binance' } });
    type('calc-symbol', 'BTCUSDT');
    type('calc-quantity', '2');
    type('calc-entry-price', '60000');
    type('calc-mark-price', '59000');
    fireEvent.click(
      screen.getByTestId('calc-margin-source').querySelector('input[value="leverage"]')!,
    );
    type('calc-leverage', '20');
    const expected = estimatePosition(
      {
        product: 'linear',
        marginMode: 'isolated',
        side: 'long',
        quantity: '2',
        entryPrice: '60000',
        markPrice: '59000',
        leverage: '20',
        venue: 'binance',
        symbol: 'BTCUSDT',
      },
      { explain: true },
    );
    if (!expected.ok || expected.estimate.tier === undefined) {
      throw new Error('binance BTCUSDT must have a tier table');
    }
    const liq = await screen.findByTestId('calc-liq-price');
    expect(liq.getAttribute('data-value')).toBe(expected.estimate.liquidationPrice);
    const tier = screen.getByTestId('calc-explain-tier');
    expect(tier.textContent).toContain(`Tier ${expected.estimate.tier.index + 1}`);
    expect(screen.getByTestId('calc-explain-conventions').textContent).toContain('binance');
    // Below the 15 % target: the remedies say how much margin to add.
    expect(
      screen.getByTestId('calc-remedy-add-margin').querySelector('[data-value]'),
    ).not.toBeNull();
  });
});
