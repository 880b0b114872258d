/**
 * The popup on the real built extension: fill worked examples from ../shared/vectors/public.json
 * (read here, never copied), read the results, switch to Chinese, trigger an input error, reopen and
 * find the inputs restored, change a setting and find it stored. Screenshots of each tab in each
 * language go to artifacts/screenshots/popup-<tab>-<lang>.png.
 */
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR, expect, test } from './fixtures';

declare const chrome: any;

interface Vector {
  readonly id: string;
  readonly tolerance_rel: number;
  readonly expected: Readonly<Record<string, string>>;
  readonly cli?: Readonly<Record<string, string>>;
}

const VECTORS: readonly Vector[] = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../shared/vectors/public.json'), 'utf8'),
);
/** Every vector that states its inputs in the core's schema (design.md §4). */
const CLI_VECTORS = VECTORS.filter(
  (vector): vector is Vector & { cli: Record<string, string> } =>
    vector.cli !== undefined && vector.expected.liqPrice !== undefined,
);
const SCREENSHOTS = path.join(ARTIFACTS_DIR, 'screenshots');

/** Text fields by core key → test id (design.md §5 plus the calculator's extra fields). */
const TEXT_FIELD_IDS: Readonly<Record<string, string>> = {
  quantity: 'calc-quantity',
  contractSize: 'calc-contract-size',
  entryPrice: 'calc-entry-price',
  markPrice: 'calc-mark-price',
  margin: 'calc-margin',
  leverage: 'calc-leverage',
  maintenanceMarginRate: 'calc-mmr',
  maintenanceAmount: 'calc-maintenance-amount',
  maintenanceMargin: 'calc-maintenance-margin',
  closeFeeRate: 'calc-fee-rate',
  liquidationThreshold: 'calc-threshold',
  otherMaintenanceMargin: 'calc-other-maintenance',
  otherUnrealizedPnl: 'calc-other-pnl',
  platformLiquidationPrice: 'calc-platform-liq',
};
const SELECT_IDS: Readonly<Record<string, string>> = {
  product: 'calc-product',
  marginMode: 'calc-margin-mode',
  side: 'calc-side',
  maintenanceBasis: 'calc-maintenance-basis',
  closeFeeBasis: 'calc-close-fee-basis',
};
/** Fields in the collapsed "fees" section. */
const FEE_SECTION_FIELDS = new Set(['closeFeeRate', 'closeFeeBasis', 'liquidationThreshold']);

async function openSection(page: Page, testId: string): Promise<void> {
  const section = page.getByTestId(testId);
  if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
}

/** Fill the calculator with one vector's core input, the way a user would. */
async function fillVector(page: Page, cli: Readonly<Record<string, string>>): Promise<void> {
  await page.getByTestId('calc-reset').click();
  for (const key of ['product', 'marginMode', 'side'] as const) {
    const value = cli[key];
    if (value !== undefined) await page.getByTestId(SELECT_IDS[key]!).selectOption(value);
  }
  if (cli.margin === undefined && cli.leverage !== undefined) {
    await page.getByTestId('calc-margin-source').locator('input[value="leverage"]').check();
  }
  const maintenanceSource = cli.maintenanceMargin !== undefined ? 'fixed' : 'rate';
  await page
    .getByTestId('calc-maintenance-source')
    .locator(`input[value="${maintenanceSource}"]`)
    .check();
  for (const [key, value] of Object.entries(cli)) {
    if (FEE_SECTION_FIELDS.has(key)) await openSection(page, 'calc-section-fees');
    const selectId = SELECT_IDS[key];
    if (selectId !== undefined && !['product', 'marginMode', 'side'].includes(key)) {
      await page.getByTestId(selectId).selectOption(value);
      continue;
    }
    const fieldId = TEXT_FIELD_IDS[key];
    if (fieldId !== undefined) await page.getByTestId(fieldId).fill(value);
  }
}

function expectClose(actual: string, expected: string, toleranceRel: number): void {
  // Relative error in float is fine for a test assertion (the product itself never does this).
  const relative = Math.abs(Number(actual) / Number(expected) - 1);
  expect(relative, `${actual} vs ${expected}`).toBeLessThanOrEqual(Math.max(toleranceRel, 1e-9));
}

/** Binance's cross example: the BTC position in `inputs`, the ETH one in its `other_position` text. */
const ACCOUNT_VECTOR = VECTORS.find((vector) => vector.id === 'binance-um-doc-cross-btcusdt')!;

async function fillAccountExample(page: Page): Promise<void> {
  const inputs = (ACCOUNT_VECTOR as unknown as { inputs: Record<string, string> }).inputs;
  const other =
    /^(\w+) (long|short) ([\d.]+) @([\d.]+), mark ([\d.]+), MMR ([\d.]+), cum ([\d.]+)$/.exec(
      inputs.other_position!,
    )!;
  const rows = [
    [
      inputs.symbol,
      inputs.positionAmt,
      inputs.entryPrice,
      inputs.markPrice,
      inputs.maintMarginRatio,
      inputs.cum,
    ],
    [other[1], other[3], other[4], other[5], other[6], other[7]],
  ];
  await page.getByTestId('account-wallet').fill(inputs.walletBalance!);
  for (const [index, row] of rows.entries()) {
    const [symbol, quantity, entry, mark, rate, cum] = row;
    await page.locator(`#account-${index}-symbol`).fill(symbol!);
    await page.locator(`#account-${index}-quantity`).fill(quantity!);
    await page.locator(`#account-${index}-entryPrice`).fill(entry!);
    await page.locator(`#account-${index}-markPrice`).fill(mark!);
    // Leverage sets only the margin in use (the risk rate), not the cross liquidation price.
    await page.locator(`#account-${index}-leverage`).fill('20');
    await page.locator(`#account-${index}-maintenanceMarginRate`).fill(rate!);
    await page.locator(`#account-${index}-maintenanceAmount`).fill(cum!);
  }
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // The result pane is sticky: from the top, the full-page picture shows the popup as it opens.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: path.join(SCREENSHOTS, `popup-${name}.png`), fullPage: true });
}

test('popup calculator reproduces the public vectors, speaks Chinese, marks errors and restores inputs', async ({
  page,
  extensionId,
  serviceWorker,
}) => {
  expect(CLI_VECTORS.length).toBeGreaterThan(5);
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByTestId('tab-calculator')).toBeVisible();

  for (const vector of CLI_VECTORS) {
    await fillVector(page, vector.cli);
    const liq = page.getByTestId('calc-liq-price');
    await expect(liq, vector.id).toHaveAttribute('data-value', /^\d/);
    expectClose(
      (await liq.getAttribute('data-value'))!,
      vector.expected.liqPrice!,
      vector.tolerance_rel,
    );
    if (vector.expected.bankruptcyPrice !== undefined) {
      const bankruptcy = await page.getByTestId('calc-bankruptcy-price').getAttribute('data-value');
      expectClose(bankruptcy!, vector.expected.bankruptcyPrice, vector.tolerance_rel);
    }
    await expect(page.getByTestId('calc-error')).toHaveCount(0);
  }

  // A vector with a mark price shows a buffer, and the ladder; keep it on screen for the screenshots.
  const withMark =
    CLI_VECTORS.find(
      (vector) => vector.cli.markPrice !== undefined && vector.cli.marginMode === 'isolated',
    ) ?? CLI_VECTORS.find((vector) => vector.cli.markPrice !== undefined)!;
  await fillVector(page, withMark.cli);
  await page.getByTestId('calc-platform-liq').fill(withMark.expected.liqPrice!);
  await expect(page.getByTestId('calc-buffer-percent')).toHaveAttribute('data-value', /\d/);
  await expect(page.getByTestId('calc-cross-check')).toHaveAttribute('data-agrees', 'true');
  await expect(page.getByTestId('calc-ladder')).toBeVisible();
  await screenshot(page, 'calculator-en');
  await openSection(page, 'calc-section-explain');
  await expect(page.getByTestId('calc-explain')).toContainText('=');
  await page.getByTestId('calc-section-explain').screenshot({
    path: path.join(SCREENSHOTS, 'popup-explain-en.png'),
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'calculator-en-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  const filledEntry = await page.getByTestId('calc-entry-price').inputValue();

  await page.getByTestId('tab-settings').click();
  await screenshot(page, 'settings-en');
  // Change a setting and see it stored.
  await page.getByTestId('settings-warning').fill('12.5');
  await expect
    .poll(async () =>
      serviceWorker.evaluate(
        async () => (await chrome.storage.local.get('settings')).settings as unknown,
      ),
    )
    .toMatchObject({ warningBufferPercent: '12.5' });

  // Switch to Chinese.
  await page.getByTestId('settings-language').selectOption('zh');
  await expect(page.getByTestId('tab-calculator')).toHaveText('计算器');
  await screenshot(page, 'settings-zh');
  await page.getByTestId('tab-account').click();
  await screenshot(page, 'account-zh');
  await page.getByTestId('tab-calculator').click();
  await expect(page.getByText('强平价格').first()).toBeVisible();
  await screenshot(page, 'calculator-zh');

  // An input error: marked on the field with the translated message, and no result.
  await page.getByTestId('calc-quantity').fill('12abc');
  await expect(page.getByTestId('calc-error')).toBeVisible();
  await expect(page.getByTestId('calc-error')).toContainText('不是有效数字');
  await expect(page.getByTestId('calc-quantity')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('calc-liq-price')).toHaveCount(0);
  await screenshot(page, 'calculator-error-zh');
  // A value the core rejects (a negative price) is marked too, with the core's translated message.
  await page.getByTestId('calc-quantity').fill(withMark.cli.quantity!);
  await page.getByTestId('calc-entry-price').fill('-5');
  await expect(page.getByTestId('calc-entry-price')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('calc-liq-price')).toHaveCount(0);
  await page.getByTestId('calc-entry-price').fill(filledEntry);
  await expect(page.getByTestId('calc-error')).toHaveCount(0);

  // Reopen: the inputs and the settings come back.
  await page.close();
  const reopened = await page.context().newPage();
  await reopened.setViewportSize({ width: 400, height: 600 });
  await reopened.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(reopened.getByTestId('calc-entry-price')).toHaveValue(filledEntry);
  await expect(reopened.getByTestId('calc-quantity')).toHaveValue(withMark.cli.quantity!);
  await expect(reopened.getByTestId('calc-liq-price')).toHaveAttribute('data-value', /^\d/);
  await expect(reopened.getByTestId('tab-calculator')).toHaveText('计算器');
  await reopened.getByTestId('tab-settings').click();
  await expect(reopened.getByTestId('settings-warning')).toHaveValue('12.5');

  // Back to English; the account mode with Binance's published two-position cross example.
  await reopened.getByTestId('settings-language').selectOption('en');
  await reopened.getByTestId('tab-account').click();
  await fillAccountExample(reopened);
  const btc = reopened.getByTestId('account-liq-price').first();
  await expect(btc).toHaveAttribute('data-value', /^\d/);
  expectClose(
    (await btc.getAttribute('data-value'))!,
    ACCOUNT_VECTOR.expected.liqPrice!,
    ACCOUNT_VECTOR.tolerance_rel,
  );
  await screenshot(reopened, 'account-en');
});

test('popup is keyboard-operable: tab order follows the form, arrows switch tabs, focus is visible', async ({
  page,
  extensionId,
}) => {
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.getByTestId('calc-product').focus();
  const order: string[] = [];
  for (let step = 0; step < 6; step += 1) {
    order.push(
      (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) ?? '',
    );
    await page.keyboard.press('Tab');
  }
  expect(order).toEqual([
    'calc-product',
    'calc-margin-mode',
    'calc-side',
    'calc-quantity',
    'calc-contract-size',
    'calc-entry-price',
  ]);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).toBe('solid');

  await page.getByTestId('tab-calculator').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-account')).toBeFocused();
  await expect(page.getByTestId('tab-account')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByTestId('tab-settings')).toBeFocused();
  await expect(page.getByTestId('settings')).toBeVisible();
});
