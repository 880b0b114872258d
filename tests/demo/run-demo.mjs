/**
 * `npm run demo`: the built extension on a demo futures page, in Chromium.
 *
 * The demo page (tests/demo/demo-exchange.html) is served at a real exchange URL through
 * Playwright request routing, so the content script's real `matches` apply and no host permission
 * is added; every other http(s) request is aborted (nothing goes to the network).
 * - With a display (DISPLAY set): a headed window that stays open until you close it.
 * - Without one: headless; screenshots of the page with the panel and of the popup go to
 *   artifacts/demo/, what the panel shows is printed, and the exit status says whether it showed.
 */
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/** Output goes straight to stdout/stderr: this is a command-line tool. */
const print = (line) => process.stdout.write(`${line}\n`);

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXTENSION_PATH = path.join(ROOT, '.output/chrome-mv3');
const CHROMIUM_PATH = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const OUT_DIR = path.join(ROOT, 'artifacts/demo');
const DEMO_URL = 'https://www.binance.com/en/futures/BTCUSDT';
const DEMO_HTML = fs.readFileSync(path.join(import.meta.dirname, 'demo-exchange.html'), 'utf8');
const headed = Boolean(process.env.DISPLAY);

function fail(message) {
  process.stderr.write(`demo: ${message}\n`);
  process.exitCode = 1;
}

if (!fs.existsSync(path.join(EXTENSION_PATH, 'manifest.json'))) {
  fail('.output/chrome-mv3 is missing: run `npm run build` first (npm run demo does).');
  process.exit(1);
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liq-demo-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM_PATH,
  headless: false, // headless comes from --headless=new below, which extensions need
  args: [
    ...(headed ? [] : ['--headless=new']),
    `--disable-extensions-except=${EXTENSION_PATH}`,
    `--load-extension=${EXTENSION_PATH}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
  viewport: { width: 1440, height: 900 },
});

try {
  // Offline: abort every real request; the demo origin is answered from the bundled page.
  // chrome-extension:// URLs must pass (the popup and the panel's shadow-root CSS).
  await context.route(/^https?:\/\//, (route) => route.abort());
  await context.route('https://www.binance.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: DEMO_HTML }),
  );

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(DEMO_URL);
  const rows = page.locator('liq-sentinel-panel [data-testid="liq-row"]');
  try {
    await rows.first().waitFor({ timeout: 15_000 });
  } catch {
    fail('the panel did not show on the demo page within 15 s.');
  }

  if (headed) {
    print(`demo: ${DEMO_URL} is open with the extension. Close the window to end.`);
    await new Promise((resolve) => context.on('close', resolve));
  } else if (process.exitCode !== 1) {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    await page.waitForTimeout(600); // let a couple of ticks through
    const shown = await rows.evaluateAll((elements) =>
      elements.map((row) => {
        // What the panel shows, as text (data-value holds the full-precision decimal).
        const shownText = (testId) =>
          row.querySelector(`[data-testid="${testId}"]`)?.textContent.trim() ?? null;
        return {
          symbol: row.getAttribute('data-symbol'),
          side: row.getAttribute('data-side'),
          ours: shownText('liq-estimate'),
          platform: shownText('liq-platform'),
          diffPercent: shownText('liq-diff'),
          bufferPercent: shownText('liq-buffer'),
          level: row.querySelector('[data-level]')?.getAttribute('data-level') ?? null,
          problems: [...row.querySelectorAll('[data-testid="liq-problem"]')].map(
            (p) => p.textContent,
          ),
        };
      }),
    );
    await page.screenshot({ path: path.join(OUT_DIR, 'page-with-panel.png') });
    await page.locator('liq-sentinel-panel [data-testid="liq-panel"]').screenshot({
      path: path.join(OUT_DIR, 'panel.png'),
    });

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 640 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.waitForTimeout(500);
    await popup.screenshot({ path: path.join(OUT_DIR, 'popup.png') });

    print(`demo: the panel on ${DEMO_URL} shows ${shown.length} positions`);
    for (const row of shown) {
      const figures =
        row.problems.length > 0
          ? `problems: ${row.problems.join('; ')}`
          : `liq ${row.ours} (platform ${row.platform}, diff ${row.diffPercent}), buffer ${row.bufferPercent} (${row.level})`;
      print(`  ${row.symbol.padEnd(9)} ${row.side.padEnd(5)} ${figures}`);
    }
    print(
      `demo: screenshots in ${path.relative(ROOT, OUT_DIR)}/ (page-with-panel.png, panel.png, popup.png)`,
    );
  }
} finally {
  await context.close().catch(() => {});
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
