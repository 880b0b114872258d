/**
 * Storage corrupted, or written by another version (issue 5.4): the settings load through WXT's real
 * versioned item, are repaired field by field, never throw, and never cost the user's other valid
 * settings or the other stored keys. The module is re-imported for each case so that WXT's
 * migration runs against the corrupt state, as it does when the extension starts.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  sanitizeSettings,
  type Settings,
} from '../../core/settings';
import { readPlacement } from '../../entrypoints/positions.content/placement-item';

/** Other keys the extension keeps next to the settings: repairing settings must not touch them. */
const NEIGHBOURS = {
  calculatorInputs: { entryPrice: '62000', quantity: '0.5' },
  panelPlacement: { binance: { x: 10, y: 20, collapsed: true } },
};

async function freshSettingsModule() {
  vi.resetModules();
  return import('../../entrypoints/popup/settings-item');
}

async function storeRaw(settings: unknown, meta?: unknown): Promise<void> {
  await fakeBrowser.storage.local.set({
    ...NEIGHBOURS,
    settings,
    ...(meta === undefined ? {} : { settings$: meta }),
  });
}

async function neighbours() {
  return fakeBrowser.storage.local.get(Object.keys(NEIGHBOURS));
}

describe('settings read from corrupt storage', () => {
  beforeEach(() => {
    // WXT reports a failed migration with console.error; it must not throw past it.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  it.each<[string, unknown]>([
    ['a string', 'corrupted'],
    ['a number', 42],
    ['an array', [{ warningBufferPercent: '12' }]],
    ['a boolean', true],
    ['an empty object', {}],
    ['null fields', { warningBufferPercent: null, language: null, feeRates: null }],
  ])('falls back to the defaults for %s, keeping the other keys', async (_what, stored) => {
    await storeRaw(stored, { v: SETTINGS_VERSION });
    const { loadSettings } = await freshSettingsModule();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await neighbours()).toEqual(NEIGHBOURS);
  });

  it.each<[string, unknown]>([
    ['no version (written before versioning)', undefined],
    ['version 0', { v: 0 }],
    ['a version that is not a number', { v: 'one' }],
    ['a corrupt meta object', 'meta?'],
    ['a newer version (the user downgraded the extension)', { v: SETTINGS_VERSION + 5 }],
  ])('keeps the valid user choices when the stored version is %s', async (_what, meta) => {
    const choices = {
      ...DEFAULT_SETTINGS,
      warningBufferPercent: '12',
      dangerBufferPercent: '4',
      language: 'zh',
      alertsEnabled: true,
      enabledSites: { okx: false },
    };
    await storeRaw(choices, meta);
    const { loadSettings } = await freshSettingsModule();
    await expect(loadSettings()).resolves.toEqual(choices);
    expect(await neighbours()).toEqual(NEIGHBOURS);
  });

  it('repairs one corrupt field and keeps every other user choice (property)', async () => {
    const validSettings: fc.Arbitrary<Settings> = fc.record({
      enabledSites: fc.dictionary(fc.constantFrom('binance', 'okx', 'bybit', 'gate'), fc.boolean()),
      warningBufferPercent: fc.integer({ min: 10, max: 60 }).map(String),
      dangerBufferPercent: fc.integer({ min: 1, max: 5 }).map(String),
      tolerancePercent: fc.constantFrom('0.1', '0.5', '2'),
      targetBufferPercent: fc.constantFrom('10', '15', '30'),
      feeRates: fc.dictionary(
        fc.constantFrom('binance', 'okx'),
        fc.constantFrom('0.0004', '0.0005'),
      ),
      language: fc.constantFrom('auto', 'en', 'zh'),
      numberFormat: fc.constantFrom('auto', 'en', 'eu', 'plain'),
      panelStart: fc.constantFrom('expanded', 'collapsed'),
      alertsEnabled: fc.boolean(),
    });
    const garbage = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.double(),
      fc.constantFrom(null, true, [], {}, '-5', '1e9', 'NaN', '<b>1</b>'),
    );
    const keys = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
    const { loadSettings } = await freshSettingsModule();
    await fc.assert(
      fc.asyncProperty(
        validSettings,
        fc.constantFrom(...keys),
        garbage,
        async (valid, key, junk) => {
          const corrupt = { ...valid, [key]: junk };
          await storeRaw(corrupt, { v: SETTINGS_VERSION });
          const loaded = await loadSettings();
          expect(sanitizeSettings(loaded)).toEqual(loaded); // a fixed point: fully valid
          for (const other of keys) {
            if (other === key) continue;
            // The other fields survive (maps lose only their own bad entries, and these have none).
            expect(loaded[other]).toEqual(valid[other]);
          }
          expect(await neighbours()).toEqual(NEIGHBOURS);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws for any JSON stored under settings (property)', async () => {
    const { loadSettings } = await freshSettingsModule();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (stored) => {
        await storeRaw(stored, { v: SETTINGS_VERSION });
        const loaded = await loadSettings();
        expect(sanitizeSettings(loaded)).toEqual(loaded);
      }),
      { numRuns: 300 },
    );
  });
});

describe('panel placement read from corrupt storage', () => {
  it('returns null or a valid placement for anything stored (property)', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.constantFrom('binance', 'okx', '__proto__', 'constructor'),
        (stored, siteId) => {
          const placement = readPlacement(stored, siteId);
          if (placement === null) return;
          expect(typeof placement.collapsed).toBe('boolean');
          for (const coordinate of [placement.x, placement.y]) {
            expect(coordinate === null || (coordinate >= 0 && coordinate < Infinity)).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
