/**
 * Walks every settings migration (style.md §4.5): one example object per schema version lives in
 * fixtures/settings-v<N>.json; each is migrated to the current version through WXT's real
 * defineItem machinery and must come out valid with its user choices kept. A version without an
 * example fails the test instead of being skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, sanitizeSettings } from '../../core/settings';
import {
  SETTINGS_MIGRATIONS,
  loadSettings,
  settingsItem,
} from '../../entrypoints/popup/settings-item';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

function example(version: number): unknown {
  const file = path.join(FIXTURES, `settings-v${version}.json`);
  expect(fs.existsSync(file), `missing example ${file}`).toBe(true);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const VERSIONS = Array.from({ length: SETTINGS_VERSION }, (_, index) => index + 1);

describe('settings migrations', () => {
  it('has a migration for every version after the first and none beyond the current', () => {
    for (const version of VERSIONS.slice(1)) {
      expect(SETTINGS_MIGRATIONS[version], `migration to v${version}`).toBeTypeOf('function');
    }
    const highest = Math.max(0, ...Object.keys(SETTINGS_MIGRATIONS).map((key) => Number(key)));
    expect(highest).toBeLessThanOrEqual(SETTINGS_VERSION);
  });

  it.each(VERSIONS)(
    'migrates the v%i example to a valid current settings object',
    async (version) => {
      const stored = example(version);
      await fakeBrowser.storage.local.set({ settings: stored, settings$: { v: version } });
      const migrated = await settingsItem.getValue();
      // The migrated object is already valid: sanitizing changes nothing.
      expect(sanitizeSettings(migrated)).toEqual(migrated);
      const meta = await fakeBrowser.storage.local.get('settings$');
      expect(meta).toEqual({ settings$: { v: SETTINGS_VERSION } });
    },
  );

  it('keeps every user choice of the current-version example', async () => {
    const stored = example(SETTINGS_VERSION);
    await fakeBrowser.storage.local.set({ settings: stored, settings$: { v: SETTINGS_VERSION } });
    expect(await loadSettings()).toEqual(stored);
  });

  it('returns the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('sanitizeSettings', () => {
  it('repairs corrupt fields one by one and keeps the valid ones', () => {
    const repaired = sanitizeSettings({
      enabledSites: { okx: false, bybit: 'no' },
      warningBufferPercent: 'ten',
      dangerBufferPercent: '3',
      tolerancePercent: '-1',
      targetBufferPercent: '1e3',
      feeRates: { binance: '0.0004', okx: '5', gate: 0.001 },
      language: 'fr',
      numberFormat: 'eu',
      panelStart: 'sideways',
      alertsEnabled: 'yes',
    });
    expect(repaired).toEqual({
      ...DEFAULT_SETTINGS,
      enabledSites: { okx: false },
      dangerBufferPercent: '3',
      feeRates: { binance: '0.0004' },
      numberFormat: 'eu',
    });
  });

  it('resets both thresholds when danger is above warning', () => {
    const repaired = sanitizeSettings({ warningBufferPercent: '4', dangerBufferPercent: '8' });
    expect(repaired.warningBufferPercent).toBe(DEFAULT_SETTINGS.warningBufferPercent);
    expect(repaired.dangerBufferPercent).toBe(DEFAULT_SETTINGS.dangerBufferPercent);
  });

  it.each([null, undefined, 42, 'settings', []])('returns the defaults for %j', (value) => {
    expect(sanitizeSettings(value)).toEqual(DEFAULT_SETTINGS);
  });

  it('rejects percents at 0 or above 100', () => {
    expect(sanitizeSettings({ tolerancePercent: '0' }).tolerancePercent).toBe('0.5');
    expect(sanitizeSettings({ targetBufferPercent: '100.5' }).targetBufferPercent).toBe('15');
    expect(sanitizeSettings({ targetBufferPercent: '100' }).targetBufferPercent).toBe('100');
  });
});
