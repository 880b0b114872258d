/**
 * The stored settings (design.md §4.5: storage.defineItem with a version and migrations).
 * Read by the popup, the panel and the background; written only by the popup's settings tab.
 */
import { storage } from '#imports';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  sanitizeSettings,
  type Settings,
} from '../../core/settings';

/**
 * Migrations keyed by the version they produce: `SETTINGS_MIGRATIONS[n]` turns a version n−1 object
 * into version n. Version 1 is the first shape, so there is none yet. tests/storage/settings-migrations.test.ts
 * walks every step from an example of each version and fails when an example is missing.
 */
export const SETTINGS_MIGRATIONS: Readonly<Record<number, (stored: unknown) => unknown>> = {};

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

/** The settings, repaired field by field when storage holds something corrupt. */
export async function loadSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}
