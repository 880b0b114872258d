/**
 * Playwright fixtures: a persistent Chromium context with the real built extension loaded,
 * every http(s) request aborted unless a spec routes it (tests run offline), and the extension id.
 * Recipe from ../shared/toolchain.md.
 */
import { test as base, chromium, type BrowserContext, type Worker } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const EXTENSION_PATH = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '../../artifacts');

export const CHROMIUM_ARGS = [
  '--headless=new',
  `--disable-extensions-except=${EXTENSION_PATH}`,
  `--load-extension=${EXTENSION_PATH}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchWithExtension(userDataDir: string): Promise<BrowserContext> {
  if (!fs.existsSync(path.join(EXTENSION_PATH, 'manifest.json'))) {
    throw new Error('run `npm run build` first: .output/chrome-mv3 is missing');
  }
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: false, // headless comes from --headless=new, which extensions need
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
}

export const test = base.extend<{
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liq-e2e-'));
    const context = await launchWithExtension(userDataDir);
    // Offline: abort real http(s); specs add fixture routes (registered later => matched first).
    // chrome-extension:// URLs must pass, or the popup and the shadow-root CSS fail to load.
    await context.route(/^https?:\/\//, (route) => route.abort());
    await use(context);
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});
export const expect = test.expect;

/** Serve `html` at `url` (and any path under its origin) so the content script's real matches apply. */
export async function serveFixture(
  context: BrowserContext,
  url: string,
  html: string,
): Promise<void> {
  const origin = new URL(url).origin;
  await context.route(`${origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}
