import { expect, test } from './fixtures';

test('the built extension loads: service worker runs and the popup page opens', async ({
  page,
  extensionId,
}) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.locator('#app')).not.toBeEmpty();
});
