import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Panel, type PanelProps } from '../../components/panel/panel';
import type { PanelRowView, PanelView, RowEstimateView } from '../../components/panel/panel-model';
import { DISPLAY } from './panel-fixtures';

afterEach(cleanup);

function estimateState(overrides: Partial<RowEstimateView> = {}): RowEstimateView {
  return {
    kind: 'estimate',
    liquidationPrice: '57412.345678',
    platformLiquidationPrice: '57400.1',
    differencePercent: '0.0213',
    agrees: true,
    bufferPercent: '7.25',
    bufferPrice: '4500',
    priceDecimals: 2,
    ...overrides,
  };
}

function row(overrides: Partial<PanelRowView> = {}): PanelRowView {
  return {
    key: 'BTCUSDT|long',
    symbol: 'BTCUSDT',
    side: 'long',
    leverage: '20',
    marginMode: 'isolated',
    state: estimateState(),
    ...overrides,
  };
}

function view(rows: readonly PanelRowView[], status: PanelView['status'] = 'ok'): PanelView {
  return { siteId: 'binance', siteLabel: 'Binance', status, rows };
}

function renderPanel(overrides: Partial<PanelProps> = {}) {
  const props: PanelProps = {
    view: view([row()]),
    display: DISPLAY,
    placement: null,
    startCollapsed: false,
    onPlacementChange: vi.fn(),
    onOpenCalculator: vi.fn(),
    ...overrides,
  };
  render(<Panel {...props} />);
  return props;
}

describe('Panel', () => {
  it('renders one row per position with the design.md §5 hooks and plain data-values', () => {
    renderPanel({
      view: view([row(), row({ key: 'ETHUSDT|short', symbol: 'ETHUSDT', side: 'short' })]),
    });
    const rows = screen.getAllByTestId('liq-row');
    expect(rows.map((element) => element.dataset.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(rows.map((element) => element.dataset.side)).toEqual(['long', 'short']);
    const first = within(rows[0]!);
    expect(first.getByTestId('liq-estimate').dataset.value).toBe('57412.345678');
    expect(first.getByTestId('liq-estimate').textContent).toBe('57,412.35');
    expect(first.getByTestId('liq-platform').dataset.value).toBe('57400.1');
    expect(first.getByTestId('liq-diff').dataset.value).toBe('0.0213');
    expect(first.getByTestId('liq-diff').textContent).toBe('+0.02%');
    expect(first.getByTestId('liq-buffer').dataset.value).toBe('7.25');
    expect(first.queryByTestId('liq-problem')).toBeNull();
    expect(first.getByText('Long')).toBeTruthy();
    expect(first.getByText('20x')).toBeTruthy();
  });

  it('gives the buffer a level in words as well as colour', () => {
    renderPanel({ view: view([row({ state: estimateState({ bufferPercent: '3.1' }) })]) });
    const bar = document.querySelector('[data-level]') as HTMLElement;
    expect(bar.dataset.level).toBe('danger');
    expect(bar.textContent).toMatch(/danger/i);
  });

  it('flags a difference beyond the tolerance', () => {
    renderPanel({
      view: view([row({ state: estimateState({ differencePercent: '-1.8', agrees: false }) })]),
    });
    const diff = screen.getByTestId('liq-diff');
    expect(diff.closest('[data-flagged]')?.getAttribute('data-flagged')).toBe('true');
    expect(diff.textContent).toBe('−1.8%');
  });

  it('says "None" rather than 0 when there is no liquidation at any price', () => {
    renderPanel({
      view: view([
        row({
          state: estimateState({
            liquidationPrice: null,
            bufferPercent: null,
            bufferPrice: null,
            differencePercent: null,
            agrees: null,
          }),
        }),
      ]),
    });
    const estimate = screen.getByTestId('liq-estimate');
    expect(estimate.textContent).toBe('None');
    expect(estimate.dataset.value).toBeUndefined();
  });

  it('shows problems and no estimate for a row with an unreadable field, and offers the calculator', () => {
    const problemRow = row({
      key: 'SOLUSDT|long',
      symbol: 'SOLUSDT',
      state: {
        kind: 'problems',
        problems: [{ field: 'margin', message: 'Margin not found on this page' }],
        calculatorPrefill: { side: 'long', entryPrice: '150.5' },
      },
    });
    const props = renderPanel({ view: view([problemRow]) });
    const rowElement = screen.getByTestId('liq-row');
    expect(within(rowElement).getByTestId('liq-problem').textContent).toContain(
      'Margin not found on this page',
    );
    expect(within(rowElement).queryByTestId('liq-estimate')).toBeNull();
    expect(within(rowElement).queryByTestId('liq-buffer')).toBeNull();
    fireEvent.click(within(rowElement).getByTestId('liq-open-calculator'));
    expect(props.onOpenCalculator).toHaveBeenCalledWith(problemRow);
  });

  it('shows the degraded state with the site name', () => {
    renderPanel({ view: view([], 'degraded') });
    const status = screen.getByTestId('liq-status');
    expect(status.dataset.status).toBe('degraded');
    expect(status.textContent).toContain('Binance');
  });

  it('collapses to a summary of the tightest buffer and remembers it', () => {
    const props = renderPanel({
      view: view([
        row(),
        row({
          key: 'ETHUSDT|short',
          symbol: 'ETHUSDT',
          state: estimateState({ bufferPercent: '4.5' }),
        }),
      ]),
    });
    fireEvent.click(screen.getByTestId('liq-toggle'));
    expect(screen.queryByTestId('liq-row')).toBeNull();
    expect(screen.getByTestId('liq-summary').dataset.value).toBe('4.5');
    expect(props.onPlacementChange).toHaveBeenCalledWith({ x: null, y: null, collapsed: true });
  });

  it('starts where the site placement says', () => {
    renderPanel({ placement: { x: 40, y: 60, collapsed: true } });
    const panel = screen.getByTestId('liq-panel');
    expect(panel.style.left).toBe('40px');
    expect(panel.style.top).toBe('60px');
    expect(screen.queryByTestId('liq-row')).toBeNull();
  });

  it('speaks Chinese when the language is zh', () => {
    renderPanel({ display: { ...DISPLAY, lang: 'zh' } });
    expect(screen.getByText('强平哨兵')).toBeTruthy();
    expect(screen.getByText('多')).toBeTruthy();
    expect(screen.getByText('逐仓')).toBeTruthy();
  });

  it('renders page text as text, never as markup', () => {
    renderPanel({ view: view([row({ symbol: '<img src=x onerror="alert(1)">' })]) });
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByTestId('liq-row').dataset.symbol).toBe('<img src=x onerror="alert(1)">');
  });
});
