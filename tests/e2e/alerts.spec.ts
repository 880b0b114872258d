/**
 * The alert chain in the real browser (issue 5.1): the panel on an exchange page reports its
 * buffers, the background sets that tab's badge to the smallest buffer in its level's colour,
 * follows the user's thresholds, and forgets the tab when it closes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BADGE_COLORS, badgeText } from '../../core/alerts';
import { Decimal } from '../../core/decimal';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { expect, serveFixture, test } from './fixtures';

declare const chrome: any;

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../adapters/fixtures/binance/2026-11-22-en-usdm-one-way',
);

function rgba(hex: string): number[] {
  return [1, 3, 5]
    .map((start) => {
      let value = 0;
      for (const digit of hex.slice(start, start + 2).toLowerCase()) {
        value = value * 16 + '0123456789abcdef'.indexOf(digit);
      }
      return value;
    })
    .concat(255);
}

test('the badge shows the smallest buffer of the tab in its colour, per the thresholds', async ({
  context,
  page,
  serviceWorker,
}) => {
  test.skip(!fs.existsSync(`${FIXTURE}.html`), 'Binance fixture not present');
  const html = fs.readFileSync(`${FIXTURE}.html`, 'utf8');
  const { url } = JSON.parse(fs.readFileSync(`${FIXTURE}.expected.json`, 'utf8')) as {
    url: string;
  };
  await serveFixture(context, url, html);
  await page.goto(url);
  const buffers = page.getByTestId('liq-buffer');
  await expect(buffers.first()).toBeVisible();
  const values = await buffers.evaluateAll((nodes) =>
    nodes.map((node) => (node as HTMLElement).dataset.value ?? ''),
  );
  const smallest = values
    .filter((value) => value !== '')
    .map((value) => new Decimal(value))
    .reduce((a, b) => (b.lessThan(a) ? b : a));

  // Without the `tabs` permission the worker cannot see tab URLs: the page's tab is the one the
  // background keeps alert state for (its panel reported), checked against every other tab.
  const badgeOfPage = () =>
    serviceWorker.evaluate(async () => {
      const { alertTabs } = await chrome.storage.session.get('alertTabs');
      const tabIds = Object.keys(alertTabs ?? {});
      if (tabIds.length !== 1) return null;
      const tabId = Number.parseInt(tabIds[0] ?? '', 10);
      const others = (await chrome.tabs.query({})).filter((tab: any) => tab.id !== tabId);
      const otherBadges: string[] = await Promise.all(
        others.map((tab: any) => chrome.action.getBadgeText({ tabId: tab.id }) as Promise<string>),
      );
      return {
        tabId,
        text: (await chrome.action.getBadgeText({ tabId })) as string,
        color: (await chrome.action.getBadgeBackgroundColor({ tabId })) as number[],
        otherBadges,
      };
    });

  // Default thresholds (10 % warning, 5 % danger).
  await expect.poll(async () => (await badgeOfPage())?.text).toBe(badgeText(smallest));
  const level = smallest.lessThan(DEFAULT_SETTINGS.dangerBufferPercent)
    ? 'danger'
    : smallest.lessThan(DEFAULT_SETTINGS.warningBufferPercent)
      ? 'warning'
      : 'none';
  expect((await badgeOfPage())?.color).toEqual(rgba(BADGE_COLORS[level]));
  expect((await badgeOfPage())?.otherBadges.every((text) => text === '')).toBe(true);

  // The user raises the warning line above every buffer: the badge turns amber.
  const warning = smallest.plus(20).toDecimalPlaces(0, Decimal.ROUND_UP).toFixed();
  await serviceWorker.evaluate(async (warningBufferPercent: string) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({
      settings: { ...(settings ?? {}), warningBufferPercent, dangerBufferPercent: '1' },
    });
  }, warning);
  await page.reload();
  await expect.poll(async () => (await badgeOfPage())?.color).toEqual(rgba(BADGE_COLORS.warning));
  expect((await badgeOfPage())?.text).toBe(badgeText(smallest));

  // Closing the tab drops its alert state.
  const tabId = (await badgeOfPage())?.tabId;
  await page.close();
  await expect
    .poll(() =>
      serviceWorker.evaluate(async (id: number | undefined) => {
        const { alertTabs } = await chrome.storage.session.get('alertTabs');
        return id === undefined || (alertTabs !== undefined && String(id) in alertTabs);
      }, tabId),
    )
    .toBe(false);
});
