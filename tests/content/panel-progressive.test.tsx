/**
 * A long list is drawn over a few animation frames (components/panel/use-progressive.ts), so the
 * first render of 100 positions is not one long task; once every row is drawn nothing more is
 * scheduled (design.md §6: zero work while idle).
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PanelRowView } from '../../components/panel/panel-model';
import { PROGRESSIVE_FIRST, PROGRESSIVE_STEP } from '../../components/panel/use-progressive';
import { panelFor } from './panel-fixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function rowsOf(count: number, prefix = 'P'): PanelRowView[] {
  return Array.from({ length: count }, (_, index) => ({
    key: `${prefix}${String(index)}`,
    symbol: `${prefix}${String(index)}USDT`,
    side: 'long',
    leverage: '10',
    marginMode: 'isolated',
    state: {
      kind: 'estimate',
      liquidationPrice: '100.5',
      platformLiquidationPrice: null,
      differencePercent: null,
      agrees: null,
      bufferPercent: `${String(index + 1)}.25`,
      bufferPrice: '1',
      priceDecimals: 2,
    },
  }));
}

function panel(rows: readonly PanelRowView[]) {
  return panelFor({ siteId: 'binance', siteLabel: 'Binance', status: 'ok', rows });
}

const drawnKeys = () =>
  [...document.querySelectorAll<HTMLElement>('[data-testid="liq-row"]')].map(
    (element) => element.dataset.key,
  );

/** Two animation frames' worth of waiting (jsdom runs them at 60 Hz). */
const frames = () => new Promise<void>((resolve) => setTimeout(resolve, 50));

/** Long enough for every frame a list of 100 needs (jsdom's 60 Hz frames on a loaded machine). */
const ALL_DRAWN = { timeout: Math.ceil(100 / PROGRESSIVE_STEP) * 100 };

describe('progressive drawing of a long list', () => {
  it('draws the first rows at once, the rest in following frames, then schedules nothing', async () => {
    const requestFrame = vi.spyOn(window, 'requestAnimationFrame');
    const rows = rowsOf(100);
    render(panel(rows));
    expect(drawnKeys()).toEqual(rows.slice(0, PROGRESSIVE_FIRST).map((row) => row.key));
    await waitFor(() => {
      expect(drawnKeys()).toHaveLength(PROGRESSIVE_FIRST + PROGRESSIVE_STEP);
    });

    await waitFor(() => {
      expect(drawnKeys()).toHaveLength(100);
    }, ALL_DRAWN);
    expect(drawnKeys()).toEqual(rows.map((row) => row.key));
    // Every row is complete, the last one too.
    const last = document.querySelector('[data-key="P99"] [data-testid="liq-buffer"]');
    expect(last?.getAttribute('data-value')).toBe('100.25');
    // Once all are drawn nothing is scheduled any more (Preact's own effect flush, also a frame,
    // has run by the time the next frame comes).
    await frames();
    const settled = requestFrame.mock.calls.length;
    await frames();
    expect(requestFrame.mock.calls.length).toBe(settled);
  });

  it('draws a small list, or a few more rows, in one render', () => {
    const { rerender } = render(panel(rowsOf(PROGRESSIVE_FIRST)));
    expect(drawnKeys()).toHaveLength(PROGRESSIVE_FIRST);
    expect(PROGRESSIVE_STEP).toBeGreaterThanOrEqual(3);
    rerender(panel([...rowsOf(3, 'N'), ...rowsOf(PROGRESSIVE_FIRST)]));
    expect(drawnKeys()).toHaveLength(PROGRESSIVE_FIRST + 3);
  });

  it('starts over when the list empties and fills again (a new positions tab)', async () => {
    const { rerender } = render(panel(rowsOf(60)));
    await waitFor(() => {
      expect(drawnKeys()).toHaveLength(60);
    }, ALL_DRAWN);
    rerender(panel([]));
    rerender(panel(rowsOf(60, 'Q')));
    expect(drawnKeys()).toHaveLength(PROGRESSIVE_FIRST);
    await waitFor(() => {
      expect(drawnKeys()).toHaveLength(60);
    }, ALL_DRAWN);
  });
});
