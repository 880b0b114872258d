/**
 * The built packages ask for no more than they need (issue 5.3, design.md §7):
 * permissions ⊆ {storage}, optional ⊆ {notifications}, hosts only the listed exchanges, a strict CSP,
 * no eval or remote code in any built file; icons at every size; store texts within limits.
 * The Firefox package is built here and validated with `web-ext lint` (Mozilla's addons-linter).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, EXTENSION_PATH } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIREFOX_PATH = path.join(ROOT, '.output/firefox-mv3');

/** The exchanges the product supports (exchange-pages.md §1–§9). A new host is a reviewed change here. */
const EXCHANGE_DOMAINS = [
  'binance.com',
  'bitget.com',
  'bybit.com',
  'gate.com',
  'gate.io',
  'htx.com',
  'hyperliquid.com', // app.hyperliquid.com, exchange-pages.md §8 [C]
  'hyperliquid.xyz',
  'jaspervault.io',
  'mexc.com',
  'okx.com',
];
const ALLOWED_PERMISSIONS = ['storage'];
const ALLOWED_OPTIONAL_PERMISSIONS = ['notifications'];
const ICON_SIZES = [16, 32, 48, 128];
/** Chrome Web Store: the manifest description is at most 132 characters; the name at most 75. */
const MAX_DESCRIPTION = 132;
const MAX_NAME = 75;

interface Manifest {
  manifest_version: number;
  name: string;
  description: string;
  default_locale?: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: { matches?: string[] }[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  externally_connectable?: unknown;
  icons?: Record<string, string>;
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: {
    gecko?: { id?: string; data_collection_permissions?: { required?: string[] } };
  };
}

function readManifest(dir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(dir, file));
}

/** `https://www.binance.com/*` or `https://*.okx.com/*`, on a listed exchange's domain only. */
function isExchangePattern(pattern: string): boolean {
  const match = /^https:\/\/(\*\.)?([a-z0-9.-]+)\/.*$/.exec(pattern);
  if (!match) return false;
  const host = match[2] ?? '';
  return EXCHANGE_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

function expectOnlyExchangeHosts(manifest: Manifest): string[] {
  const patterns = [
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => script.matches),
    ...(manifest.web_accessible_resources ?? []).flatMap((resource) => resource.matches ?? []),
  ];
  expect(patterns.filter((pattern) => !isExchangePattern(pattern))).toEqual([]);
  return patterns;
}

function expectStrictCsp(manifest: Manifest): void {
  const csp = manifest.content_security_policy?.extension_pages ?? '';
  const directives = new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('connect-src')).toEqual(["'none'"]);
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
  expect(manifest.content_security_policy?.sandbox).toBeUndefined();
  expect(manifest.externally_connectable).toBeUndefined();
}

function expectNoDynamicCode(dir: string): number {
  const scripts = filesUnder(dir).filter((file) => /\.(m?js|html)$/.test(file));
  const offenders: string[] = [];
  for (const file of scripts) {
    const text = fs.readFileSync(file, 'utf8');
    if (/\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]/.test(text))
      offenders.push(`${file}: eval/Function`);
    if (/\bimportScripts\s*\(|\bimport\s*\(\s*["'`]https?:/.test(text))
      offenders.push(`${file}: remote import`);
    if (/<script\b[^>]*\bsrc\s*=\s*["']?(https?:)?\/\//i.test(text))
      offenders.push(`${file}: remote script`);
    if (/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i.test(text)) offenders.push(`${file}: inline script`);
    if (/\bsetTimeout\s*\(\s*["'`]/.test(text)) offenders.push(`${file}: string timer`);
  }
  expect(offenders).toEqual([]);
  return scripts.length;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function expectIcons(dir: string, manifest: Manifest): void {
  for (const size of ICON_SIZES) {
    const file = manifest.icons?.[String(size)];
    expect(file, `icon ${size}`).toBeDefined();
    expect(pngSize(path.join(dir, file ?? ''))).toEqual({ width: size, height: size });
  }
}

function expectStoreTexts(dir: string, manifest: Manifest): void {
  expect(manifest.name).toBe('__MSG_extName__');
  expect(manifest.description).toBe('__MSG_extDescription__');
  expect(manifest.default_locale).toBe('en');
  const locales = fs.readdirSync(path.join(dir, '_locales')).sort();
  expect(locales).toEqual(['en', 'zh_CN']);
  for (const locale of locales) {
    const messages = JSON.parse(
      fs.readFileSync(path.join(dir, '_locales', locale, 'messages.json'), 'utf8'),
    ) as Record<string, { message: string }>;
    const name = messages.extName?.message ?? '';
    const description = messages.extDescription?.message ?? '';
    expect(name.length, `${locale} name`).toBeGreaterThan(0);
    expect(name.length, `${locale} name`).toBeLessThanOrEqual(MAX_NAME);
    expect(description.length, `${locale} description`).toBeGreaterThan(0);
    expect(description.length, `${locale} description`).toBeLessThan(MAX_DESCRIPTION);
  }
}

declare const chrome: any;

test.describe('Chrome MV3 package', () => {
  const manifest = (): Manifest => readManifest(EXTENSION_PATH);

  test('asks only for storage, optional notifications and the listed exchange hosts', () => {
    const { manifest_version, permissions = [], optional_permissions = [] } = manifest();
    expect(manifest_version).toBe(3);
    expect(permissions.filter((p) => !ALLOWED_PERMISSIONS.includes(p))).toEqual([]);
    expect(optional_permissions.filter((p) => !ALLOWED_OPTIONAL_PERMISSIONS.includes(p))).toEqual(
      [],
    );
    const patterns = expectOnlyExchangeHosts(manifest());
    console.log(
      `manifest: permissions ${JSON.stringify(permissions)}, optional ${JSON.stringify(optional_permissions)}, ${patterns.length} exchange host patterns`,
    );
  });

  test('has a strict extension CSP and no eval, inline or remote code in any built file', () => {
    expectStrictCsp(manifest());
    expect(expectNoDynamicCode(EXTENSION_PATH)).toBeGreaterThan(1);
  });

  test('has icons at 16, 32, 48 and 128 px and store texts within limits in English and Chinese', () => {
    expectIcons(EXTENSION_PATH, manifest());
    expectStoreTexts(EXTENSION_PATH, manifest());
  });

  test('the loaded extension holds no more than the manifest permissions at runtime', async ({
    serviceWorker,
  }) => {
    const granted: { permissions?: string[]; origins?: string[] } = await serviceWorker.evaluate(
      // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- chrome is untyped here
      () => chrome.permissions.getAll(),
    );
    expect((granted.permissions ?? []).filter((p) => !ALLOWED_PERMISSIONS.includes(p))).toEqual([]);
    expect((granted.origins ?? []).filter((origin) => !isExchangePattern(origin))).toEqual([]);
  });
});

test.describe('Firefox MV3 package', () => {
  test.describe.configure({ timeout: 180_000 });

  test('builds, declares gecko settings and passes web-ext lint with no errors', () => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, stdio: 'pipe' });
    const manifest = readManifest(FIREFOX_PATH);
    expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({
      required: ['none'],
    });
    expect(manifest.background?.scripts).toEqual(['background.js']);
    expect((manifest.permissions ?? []).filter((p) => !ALLOWED_PERMISSIONS.includes(p))).toEqual(
      [],
    );
    expect(
      (manifest.optional_permissions ?? []).filter(
        (p) => !ALLOWED_OPTIONAL_PERMISSIONS.includes(p),
      ),
    ).toEqual([]);
    expectOnlyExchangeHosts(manifest);
    expectStrictCsp(manifest);
    expectNoDynamicCode(FIREFOX_PATH);
    expectIcons(FIREFOX_PATH, manifest);
    expectStoreTexts(FIREFOX_PATH, manifest);

    let output: string;
    try {
      output = execFileSync(
        'npx',
        [
          'web-ext',
          'lint',
          '--source-dir',
          FIREFOX_PATH,
          '--output',
          'json',
          '--no-config-discovery',
        ],
        { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (error) {
      // web-ext exits non-zero when the linter found errors; its JSON report is still on stdout.
      const { stdout } = error as { stdout?: string | Buffer };
      output = stdout === undefined ? '' : stdout.toString();
    }
    const report = JSON.parse(output) as {
      summary: { errors: number; warnings: number; notices: number };
      errors: { code: string; message: string }[];
      warnings: { code: string; file?: string }[];
    };
    console.log(`web-ext lint: ${JSON.stringify(report.summary)}`);
    expect(report.errors).toEqual([]);
    // The only accepted warning is Preact's own dangerouslySetInnerHTML branch (we never use it:
    // page text is rendered as text). Any other warning fails.
    for (const warning of report.warnings) {
      expect(warning.code).toBe('UNSAFE_VAR_ASSIGNMENT');
      const text = fs.readFileSync(path.join(FIREFOX_PATH, warning.file ?? ''), 'utf8');
      expect(text).toContain('.__html');
    }
  });
});
