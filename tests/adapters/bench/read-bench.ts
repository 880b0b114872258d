// Times readPositions in headless Chromium (not jsdom, whose selector engine is ~50x slower).
// Usage: npx tsx tests/adapters/bench/read-bench.ts   (offline: pages are served from memory)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = import.meta.dirname;
const fixtures = join(here, '..', 'fixtures');
const bundled = await build({
  entryPoints: [join(here, 'read-entry.ts')],
  bundle: true,
  format: 'iife',
  write: false,
  logLevel: 'warning',
});
const bundle = bundled.outputFiles[0]?.text ?? ''; // esbuild returns one file for one entry

function bigPage(positions: number): string {
  let rows = '';
  for (let i = 0; i < positions; i += 1) {
    rows += `<tr data-index="${i}"><td>COIN${i}USDT <span>Isolated</span> <span>10.00x</span></td><td>${i + 1}.5</td><td>1${i},000.00</td><td>1${i},100.00</td><td>9,${i}00.00</td><td>1,${i}00.00 USDT</td><td>+1.00 USDT (+0.1%)</td></tr>`;
  }
  let noise = '';
  for (let i = 0; i < 1500; i += 1)
    noise += `<div class="r"><span>Price</span><span>${i},123.4</span><span>Size ${i}</span></div>`;
  const table =
    positions === 0
      ? ''
      : `<table><thead><tr><th>Contracts</th><th>Qty</th><th>Entry Price</th><th>Mark Price</th><th>Liq. Price</th><th>IM</th><th>Unrealized P&amp;L</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<html lang="en"><body>${noise}${table}</body></html>`;
}

const cases: readonly (readonly [string, string, string])[] = [
  [
    'binance fixture, 3 rows (ARIA grid)',
    'https://www.binance.com/en/futures/BTCUSDT',
    readFileSync(join(fixtures, 'binance/2026-11-22-en-usdm-one-way.html'), 'utf8'),
  ],
  [
    'binance fixture, 2 rows (plain divs)',
    'https://www.binance.com/en/futures/ETHUSDT',
    readFileSync(join(fixtures, 'binance/2026-11-22-en-div-grid-no-roles.html'), 'utf8'),
  ],
  [
    'okx fixture, 2 rows',
    'https://www.okx.com/trade-swap/btc-usdt-swap',
    readFileSync(join(fixtures, 'okx/2026-11-22-en-one-way.html'), 'utf8'),
  ],
  [
    'bybit, 20 rows in a 4,500-element page',
    'https://www.bybit.com/trade/usdt/BTCUSDT',
    bigPage(20),
  ],
  [
    'bybit, 100 rows in a 4,500-element page',
    'https://www.bybit.com/trade/usdt/BTCUSDT',
    bigPage(100),
  ],
  [
    'bybit, no positions, 4,500-element page',
    'https://www.bybit.com/trade/usdt/BTCUSDT',
    bigPage(0),
  ],
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const [label, url, html] of cases) {
  await page.route('**/*', (route) =>
    route.request().url().startsWith('http')
      ? route.fulfill({ status: 200, contentType: 'text/html', body: html })
      : route.continue(),
  );
  await page.goto(url);
  await page.addScriptTag({ content: bundle });
  const result: unknown = await page.evaluate(() =>
    (globalThis as unknown as { benchRead: (runs: number) => unknown }).benchRead(300),
  );
  console.log(`${label}: ${JSON.stringify(result)}`);
  await page.unroute('**/*');
}
await browser.close();
