/**
 * The panel on the real built extension (issue 4 parts 1, 5, 6, 7): pages are served at real
 * exchange URLs through request routing, so the content script's real `matches` apply.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PositionInput } from '../../core/contract';
import { Decimal } from '../../core/decimal';
import { estimatePosition } from '../../core/index';
import { BTC_LONG_INPUT } from '../content/btc-long-case';
import { ARTIFACTS_DIR, expect, serveFixture, test } from './fixtures';
import {
  binancePage,
  expectRowMatchesCore,
  gridRowHtml,
  panelRow,
  panelRows,
  type GridPosition,
} from './panel-pages';

const BINANCE_URL = 'https://www.binance.com/en/futures/BTCUSDT';

const BTC_LONG: GridPosition = {
  symbol: 'BTCUSDT',
  mode: 'Isolated',
  leverage: '20x',
  size: '0.500 BTC',
  entryPrice: '64,250.0',
  markPrice: '65,010.3',
  liquidationPrice: '61,282.63',
  margin: '1,606.25 USDT',
};

const ETH_SHORT: GridPosition = {
  symbol: 'ETHUSDT',
  mode: 'Isolated',
  leverage: '10x',
  size: '-12.000 ETH',
  entryPrice: '3,050.00',
  markPrice: '3,012.35',
  liquidationPrice: '3,318.47',
  margin: '3,661.20 USDT',
};
const ETH_SHORT_INPUT: PositionInput = {
  venue: 'binance',
  symbol: 'ETHUSDT',
  product: 'linear',
  marginMode: 'isolated',
  side: 'short',
  quantity: '12',
  entryPrice: '3050',
  markPrice: '3012.35',
  margin: '3661.2',
  leverage: '10',
  platformLiquidationPrice: '3318.47',
};

/** The bits of the extension API the specs call inside the service worker. */
declare const chrome: {
  storage: {
    local: { set(items: Record<string, unknown>): Promise<void> };
    onChanged: {
      addListener(callback: (changes: Record<string, { newValue?: unknown }>) => void): void;
    };
  };
};
interface PrefillLog {
  prefills: unknown[];
}

/** A copy of `value` without `keys` (exactOptionalPropertyTypes forbids `key: undefined`). */
function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const omitted = new Set<PropertyKey>(keys);
  return Object.fromEntries(Object.entries(value).filter(([key]) => !omitted.has(key))) as Omit<
    T,
    K
  >;
}

test('shows a row per position with the core estimate beside the platform figure', async ({
  context,
  page,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await serveFixture(context, BINANCE_URL, binancePage([BTC_LONG, ETH_SHORT]));
  await page.goto(BINANCE_URL);
  await expect(panelRows(page)).toHaveCount(2);
  await expectRowMatchesCore(panelRow(page, 'BTCUSDT'), BTC_LONG_INPUT);
  await expectRowMatchesCore(panelRow(page, 'ETHUSDT'), ETH_SHORT_INPUT);
  // The host is the design.md §5 element with an open shadow root.
  const host = await page.evaluate(() => {
    const element = document.querySelector('liq-sentinel-panel');
    return { found: element !== null, open: element?.shadowRoot != null };
  });
  expect(host).toEqual({ found: true, open: true });
  expect(pageErrors).toEqual([]);
});

test('an unreadable field is a problem on its row, and that row shows no estimate', async ({
  context,
  page,
}) => {
  // No margin column and no leverage: an isolated position's margin cannot be known.
  const noMargin: GridPosition = without(ETH_SHORT, 'margin', 'leverage');
  const withoutMargin: GridPosition = without(BTC_LONG, 'margin');
  await serveFixture(
    context,
    BINANCE_URL,
    binancePage([withoutMargin, noMargin], { withMarginColumn: false }),
  );
  await page.goto(BINANCE_URL);
  const eth = panelRow(page, 'ETHUSDT');
  await expect(eth.getByTestId('liq-problem')).toContainText(/margin/i);
  await expect(eth.getByTestId('liq-estimate')).toHaveCount(0);
  // BTC still has its leverage, so its margin follows from entry notional / leverage (design.md §4).
  await expectRowMatchesCore(panelRow(page, 'BTCUSDT'), without(BTC_LONG_INPUT, 'margin'));
});

test('a cross position without the wallet balance says so and opens the calculator pre-filled', async ({
  context,
  page,
  serviceWorker,
}) => {
  const cross: GridPosition = { ...BTC_LONG, mode: 'Cross', liquidationPrice: '55,001.20' };
  await serveFixture(context, BINANCE_URL, binancePage([cross]));
  await page.goto(BINANCE_URL);
  const row = panelRow(page, 'BTCUSDT');
  await expect(row.getByTestId('liq-problem')).toContainText(/wallet balance/i);
  await expect(row.getByTestId('liq-estimate')).toHaveCount(0);

  // Record what the panel writes for the calculator (the popup may consume it at once).
  await serviceWorker.evaluate(() => {
    const log = globalThis as unknown as PrefillLog;
    log.prefills = [];
    chrome.storage.onChanged.addListener((changes) => {
      const written = changes.calculatorPrefill?.newValue;
      if (written !== undefined) log.prefills.push(written);
    });
  });
  const opened = context.waitForEvent('page', { timeout: 10_000 });
  await row.getByTestId('liq-open-calculator').click();
  const calculator = await opened;
  expect(calculator.url()).toContain('/popup.html');
  const prefills = await serviceWorker.evaluate(
    () => (globalThis as unknown as PrefillLog).prefills,
  );
  expect(prefills[0]).toMatchObject({
    site: 'binance',
    symbol: 'BTCUSDT',
    input: { side: 'long', marginMode: 'cross', entryPrice: '64250', quantity: '0.5' },
  });
});

test('cross positions with the wallet balance are estimated, and ticks update the buffer', async ({
  context,
  page,
}) => {
  const cross: GridPosition = { ...BTC_LONG, mode: 'Cross', liquidationPrice: '55,001.20' };
  // A page script moves the mark price once, as a live page does.
  const script = `setTimeout(() => {
    const mark = document.querySelectorAll('[role=row]')[1].children[3];
    mark.textContent = '64,800.0';
  }, 400);`;
  await serveFixture(
    context,
    BINANCE_URL,
    binancePage([cross], { walletBalance: '5,000.00 USDT', script }),
  );
  await page.goto(BINANCE_URL);
  const crossInput: PositionInput = {
    ...BTC_LONG_INPUT,
    marginMode: 'cross',
    margin: '5000',
    markPrice: '64800',
    platformLiquidationPrice: '55001.2',
  };
  await expectRowMatchesCore(panelRow(page, 'BTCUSDT'), crossInput);
});

test('follows single-page navigation between symbols and away from futures pages', async ({
  context,
  page,
}) => {
  const ethRow = gridRowHtml(ETH_SHORT).replace(/`/g, '\\`');
  const script = `
    window.goEth = () => {
      history.pushState({}, '', '/en/futures/ETHUSDT');
      const grid = document.getElementById('grid');
      grid.querySelectorAll('[role=row]')[1].remove();
      grid.insertAdjacentHTML('beforeend', \`${ethRow}\`);
    };
    window.goMarkets = () => history.pushState({}, '', '/en/markets/overview');
  `;
  await serveFixture(context, BINANCE_URL, binancePage([BTC_LONG], { script }));
  await page.goto(BINANCE_URL);
  await expect(panelRows(page)).toHaveCount(1);
  await expect(panelRow(page, 'BTCUSDT')).toHaveCount(1);

  await page.evaluate(() => {
    (window as unknown as { goEth(): void }).goEth();
  });
  await expect(panelRow(page, 'ETHUSDT')).toHaveCount(1);
  await expect(panelRow(page, 'BTCUSDT')).toHaveCount(0);
  await expectRowMatchesCore(panelRow(page, 'ETHUSDT'), ETH_SHORT_INPUT);

  await page.evaluate(() => {
    (window as unknown as { goMarkets(): void }).goMarkets();
  });
  await expect(page.locator('liq-sentinel-panel')).toHaveCount(0);
});

test('a hash-routed exchange (JasperVault) gets the panel only on its perps route', async ({
  context,
  page,
}) => {
  const html = `<!doctype html><html lang="en"><body style="background:#101014;color:#ddd">
    <table><thead><tr><th>Market</th><th>Direction</th><th>Position Size</th><th>Entry Price</th>
    <th>Current Price</th><th>Margin</th><th>Leverage</th><th>Liq. Price</th></tr></thead>
    <tbody><tr><td>cbBTC</td><td>Long</td><td>0.25</td><td>64,000.00</td><td>64,500.00</td>
    <td>1,600.00</td><td>10x</td><td>58,000.00</td></tr></tbody></table></body></html>`;
  await serveFixture(context, 'https://beta.jaspervault.io/', html);
  await page.goto('https://beta.jaspervault.io/#/portfolio');
  await page.waitForTimeout(800);
  await expect(page.locator('liq-sentinel-panel')).toHaveCount(0);

  await page.evaluate(() => {
    location.hash = '#/perps/Base_cbBTC';
  });
  await expect(panelRows(page)).toHaveCount(1);
  const row = panelRow(page, 'cbBTC');
  await expect(row).toHaveAttribute('data-side', 'long');
  // The page shows no margin mode: the row says so rather than assuming one.
  await expect(row.getByTestId('liq-problem').first()).toBeVisible();
  await expect(row.getByTestId('liq-estimate')).toHaveCount(0);
});

test('a site switched off in the popup shows no panel; switching it on shows it', async ({
  context,
  page,
  serviceWorker,
}) => {
  await serviceWorker.evaluate(async () => {
    await chrome.storage.local.set({ settings: { enabledSites: { binance: false } } });
  });
  await serveFixture(context, BINANCE_URL, binancePage([BTC_LONG]));
  await page.goto(BINANCE_URL);
  await page.waitForTimeout(1000);
  await expect(page.locator('liq-sentinel-panel')).toHaveCount(0);

  await serviceWorker.evaluate(async () => {
    await chrome.storage.local.set({ settings: { enabledSites: { binance: true } } });
  });
  await expect(panelRows(page)).toHaveCount(1);

  await serviceWorker.evaluate(async () => {
    await chrome.storage.local.set({ settings: { enabledSites: { binance: false } } });
  });
  await expect(page.locator('liq-sentinel-panel')).toHaveCount(0);
});

test('the panel on the dark demo page (screenshot for review)', async ({ context, page }) => {
  const html = fs.readFileSync(
    path.resolve(import.meta.dirname, '../demo/demo-exchange.html'),
    'utf8',
  );
  await serveFixture(context, BINANCE_URL, html);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(BINANCE_URL);
  await expect(panelRows(page)).toHaveCount(3);
  const panel = page.locator('liq-sentinel-panel [data-testid="liq-panel"]');
  await expect(panel).toHaveAttribute('data-status', 'ok');
  // The panel follows the page: the demo page is dark.
  await expect(panel).toHaveClass(/theme-dark/);
  const dir = path.join(ARTIFACTS_DIR, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, 'panel-binance.png') });
});

test('the panel can be dragged and collapsed, and keeps its place on that site after a reload', async ({
  context,
  page,
}) => {
  await serveFixture(context, BINANCE_URL, binancePage([BTC_LONG]));
  await page.goto(BINANCE_URL);
  const panel = page.locator('liq-sentinel-panel [data-testid="liq-panel"]');
  await expect(panelRows(page)).toHaveCount(1);
  const header = panel.locator('header');
  const box = await header.boundingBox();
  expect(box).not.toBeNull();
  if (box === null) return;
  await page.mouse.move(box.x + 40, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x - 300, box.y + 200, { steps: 8 });
  await page.mouse.up();
  const dropped = await panel.boundingBox();
  expect(dropped?.y).toBeGreaterThan(box.y + 150);

  await page.reload();
  await expect(panelRows(page)).toHaveCount(1);
  const restored = await panel.boundingBox();
  expect(restored?.x).toBeCloseTo(dropped?.x ?? -1, 0);
  expect(restored?.y).toBeCloseTo(dropped?.y ?? -1, 0);

  await panel.getByTestId('liq-toggle').click();
  await expect(panelRows(page)).toHaveCount(0);
  await page.reload();
  await expect(panel).toHaveClass(/collapsed/);
  await expect(panelRows(page)).toHaveCount(0);
});

test('speaks the language chosen in the settings', async ({ context, page, serviceWorker }) => {
  await serviceWorker.evaluate(async () => {
    await chrome.storage.local.set({ settings: { language: 'zh' } });
  });
  await serveFixture(context, BINANCE_URL, binancePage([BTC_LONG]));
  await page.goto(BINANCE_URL);
  const panel = page.locator('liq-sentinel-panel [data-testid="liq-panel"]');
  await expect(panel).toContainText('强平哨兵');
  await expect(panelRow(page, 'BTCUSDT')).toContainText('逐仓');
});

test('buffer levels follow the thresholds in the settings, live', async ({
  context,
  page,
  serviceWorker,
}) => {
  await serveFixture(context, BINANCE_URL, binancePage([BTC_LONG]));
  await page.goto(BINANCE_URL);
  const level = panelRow(page, 'BTCUSDT').locator('[data-level]');
  const estimate = estimatePosition(BTC_LONG_INPUT, {});
  const bufferPercent = estimate.ok ? estimate.estimate.buffer?.percent : undefined;
  expect(bufferPercent).toBeDefined();
  if (bufferPercent === undefined) return;
  // Thresholds on either side of this position's buffer.
  const above = new Decimal(bufferPercent).plus(1).toFixed(2);
  const below = new Decimal(bufferPercent).minus(1).toFixed(2);
  await serviceWorker.evaluate(
    async ([warning, danger]) => {
      await chrome.storage.local.set({
        settings: { warningBufferPercent: warning, dangerBufferPercent: danger },
      });
    },
    [above, below],
  );
  await expect(level).toHaveAttribute('data-level', 'warning');
  await serviceWorker.evaluate(
    async ([warning, danger]) => {
      await chrome.storage.local.set({
        settings: { warningBufferPercent: warning, dangerBufferPercent: danger },
      });
    },
    [below, new Decimal(below).minus(1).toFixed(2)],
  );
  await expect(level).toHaveAttribute('data-level', 'safe');
});
