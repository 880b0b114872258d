/**
 * Page builders and checks for the panel e2e specs. Pages follow the layouts described in
 * ../shared/exchange-pages.md (Binance: ARIA div grid, mode and leverage in the symbol cell,
 * Wallet Balance in the assets panel); every figure in them is a plain input, never an expectation:
 * expectations come from the core (estimatePosition) on the inputs the page shows.
 */
import type { Locator, Page } from '@playwright/test';
import type { PositionInput } from '../../core/contract';
import { estimatePosition } from '../../core/index';
import { expect } from './fixtures';

export interface GridPosition {
  readonly symbol: string;
  readonly mode: 'Cross' | 'Isolated';
  /** Leverage text shown next to the mode ("20x"); omitted to hide it. */
  readonly leverage?: string;
  readonly size: string;
  readonly entryPrice: string;
  readonly markPrice: string;
  readonly liquidationPrice: string;
  /** Margin cell text; omitted to leave the column out of the row. */
  readonly margin?: string;
}

function cell(text: string): string {
  return `<div role="gridcell">${text}</div>`;
}

function gridRow(position: GridPosition): string {
  const mode =
    position.leverage === undefined
      ? `<span>${position.mode}</span>`
      : `<span>${position.mode}</span> <span>${position.leverage}</span>`;
  return `<div role="row">${[
    `<div role="gridcell"><div><span>${position.symbol}</span><span>Perp</span></div><div>${mode}</div></div>`,
    cell(position.size),
    cell(position.entryPrice),
    cell(position.markPrice),
    cell(position.liquidationPrice),
    position.margin === undefined ? '' : cell(position.margin),
  ].join('')}</div>`;
}

/** A Binance-like futures page: dark, ARIA tabs, the positions grid, optional wallet balance. */
export function binancePage(
  positions: readonly GridPosition[],
  options: { walletBalance?: string; script?: string; withMarginColumn?: boolean } = {},
): string {
  const withMargin = options.withMarginColumn ?? true;
  const headers = ['Symbol', 'Size', 'Entry Price', 'Mark Price', 'Liq.Price']
    .concat(withMargin ? ['Margin'] : [])
    .map((header) => `<div role="columnheader">${header}</div>`)
    .join('');
  const wallet =
    options.walletBalance === undefined
      ? ''
      : `<div class="assets"><div><span>Wallet Balance</span><span>${options.walletBalance}</span></div></div>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Futures</title>
<style>body{background:#0b0e11;color:#eaecef;font:13px sans-serif;margin:0;padding:16px}
[role=row]{display:grid;grid-template-columns:repeat(6,1fr);gap:8px;padding:6px 0;border-bottom:1px solid #2b3139}</style>
</head><body>
<div role="tablist"><div role="tab" aria-selected="true">Positions(${positions.length})</div><div role="tab" aria-selected="false">Open Orders(0)</div></div>
<div role="tabpanel" id="positions-pane"><div role="table" id="grid">
<div role="row">${headers}</div>
${positions.map((position) => gridRow(position)).join('\n')}
</div></div>
${wallet}
${options.script === undefined ? '' : `<script>${options.script}</script>`}
</body></html>`;
}

/** Exported for specs that re-render rows from a page script. */
export const gridRowHtml = gridRow;

export function panelRows(page: Page): Locator {
  return page.locator('liq-sentinel-panel [data-testid="liq-row"]');
}

export function panelRow(page: Page, symbol: string): Locator {
  return page.locator(`liq-sentinel-panel [data-testid="liq-row"][data-symbol="${symbol}"]`);
}

/**
 * The row shows exactly what the core computes from the inputs the page shows: the same
 * liquidation price, buffer and cross-check, or problems and no estimate when the core refuses.
 */
export async function expectRowMatchesCore(
  row: Locator,
  input: PositionInput,
  tolerancePercent = '0.5',
): Promise<void> {
  const outcome = estimatePosition(input, { tolerancePercent });
  if (!outcome.ok) {
    await expect(row.getByTestId('liq-problem').first()).toBeVisible();
    await expect(row.getByTestId('liq-estimate')).toHaveCount(0);
    return;
  }
  const { estimate } = outcome;
  await expect(row).toHaveAttribute('data-side', input.side);
  await expect(row.getByTestId('liq-problem')).toHaveCount(0);
  if (estimate.liquidationPrice === null) {
    await expect(row.getByTestId('liq-estimate')).toHaveAttribute('data-none', 'true');
  } else {
    await expect(row.getByTestId('liq-estimate')).toHaveAttribute(
      'data-value',
      estimate.liquidationPrice,
    );
  }
  if (estimate.buffer !== undefined) {
    await expect(row.getByTestId('liq-buffer')).toHaveAttribute(
      'data-value',
      estimate.buffer.percent,
    );
  }
  if (estimate.crossCheck !== undefined) {
    await expect(row.getByTestId('liq-platform')).toHaveAttribute(
      'data-value',
      estimate.crossCheck.platform,
    );
    await expect(row.getByTestId('liq-diff')).toHaveAttribute(
      'data-value',
      estimate.crossCheck.differencePercent,
    );
    await expect(row.locator('[data-flagged]')).toHaveAttribute(
      'data-flagged',
      estimate.crossCheck.agrees ? 'false' : 'true',
    );
  }
}
