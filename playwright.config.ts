import { defineConfig } from '@playwright/test';

// End-to-end tests run the real built extension (.output/chrome-mv3) in Debian's Chromium.
// Build first (`npm run build`); `npm test` does it.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
