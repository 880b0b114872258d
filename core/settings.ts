/**
 * User settings: the shape, the defaults and a field-by-field repair of whatever storage holds.
 * Pure (no browser APIs): the storage item lives in entrypoints/popup/settings-item.ts.
 */
import { compareDecimal } from './decimal-string';
import { plainDecimalOf } from './parse-number';
import { isRecord } from './plain-data';

/**
 * Adapter ids, kept in step with entrypoints/positions.content/adapters/ (core/ cannot import it).
 * The filename of an adapter is its id and its key here (style.md §4.7).
 */
export const SITE_IDS = [
  'binance',
  'bitget',
  'bybit',
  'gate',
  'generic',
  'htx',
  'hyperliquid',
  'jaspervault',
  'mexc',
  'okx',
] as const;

export const LANGUAGE_SETTINGS = ['auto', 'en', 'zh'] as const;
export const NUMBER_FORMATS = ['auto', 'en', 'eu', 'plain'] as const;
export const PANEL_STARTS = ['expanded', 'collapsed'] as const;

export interface Settings {
  /** adapter id → enabled; an id not present means enabled. */
  readonly enabledSites: Readonly<Record<string, boolean>>;
  /** Buffer below this (percent of mark) is a warning. */
  readonly warningBufferPercent: string;
  /** Buffer below this (percent of mark) is danger; not above the warning level. */
  readonly dangerBufferPercent: string;
  /** Cross-check tolerance in percent: our estimate vs the exchange's figure. */
  readonly tolerancePercent: string;
  /** Target buffer for the remedies (margin to add, leverage, size cut). */
  readonly targetBufferPercent: string;
  /** venue id → close-fee (taker) rate override; absent → the venue default. */
  readonly feeRates: Readonly<Record<string, string>>;
  readonly language: (typeof LANGUAGE_SETTINGS)[number];
  /** auto follows the language; en 1,234.56; eu 1.234,56; plain 1234.56 */
  readonly numberFormat: (typeof NUMBER_FORMATS)[number];
  readonly panelStart: (typeof PANEL_STARTS)[number];
  readonly alertsEnabled: boolean;
}

/**
 * The storage.local key of the settings (WXT item `local:settings`, entrypoints/popup/settings-item.ts;
 * the content script and the background read it directly and sanitize what they read).
 */
export const SETTINGS_KEY = 'settings';

/** Version 1 is the first stored shape (2026-11-22). Bump it with a migration in settings-item.ts. */
export const SETTINGS_VERSION = 1;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabledSites: Object.freeze({}),
  warningBufferPercent: '10',
  dangerBufferPercent: '5',
  tolerancePercent: '0.5',
  targetBufferPercent: '15',
  feeRates: Object.freeze({}),
  language: 'auto',
  numberFormat: 'auto',
  panelStart: 'expanded',
  alertsEnabled: false,
});

/** Limits for the percent settings: a buffer or tolerance above 100 % of mark is meaningless. */
const PERCENT_MAX = '100';
/** A fee rate is a fraction (0.0005 = 0.05 %); 10 % would already be absurd for a taker fee. */
const FEE_RATE_MAX = '0.1';

/**
 * A plain decimal string in [0, max], or null. Only digits and one point: no exponent, no sign.
 * String-exact (no decimal.js): the content script reads the settings too (design.md §6 budget).
 *
 * @param max - a canonical decimal string
 */
export function readBoundedDecimal(value: unknown, max: string, allowZero = true): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const decimal = plainDecimalOf(text);
  if (decimal === null || compareDecimal(decimal, max) > 0) return null;
  if (!allowZero && decimal === '0') return null;
  return decimal;
}

/** A percent setting in (0, 100], or null. */
export function readPercent(value: unknown): string | null {
  return readBoundedDecimal(value, PERCENT_MAX, false);
}

/** A fee rate in [0, 0.1], or null. */
export function readFeeRate(value: unknown): string | null {
  return readBoundedDecimal(value, FEE_RATE_MAX);
}

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((item) => item === value) ?? fallback;
}

function sanitizeEnabledSites(value: unknown): Readonly<Record<string, boolean>> {
  if (!isRecord(value)) return DEFAULT_SETTINGS.enabledSites;
  const sites: Record<string, boolean> = {};
  for (const [siteId, enabled] of Object.entries(value)) {
    if (typeof enabled === 'boolean') sites[siteId] = enabled;
  }
  return sites;
}

function sanitizeFeeRates(value: unknown): Readonly<Record<string, string>> {
  if (!isRecord(value)) return DEFAULT_SETTINGS.feeRates;
  const rates: Record<string, string> = {};
  for (const [venueId, rate] of Object.entries(value)) {
    const feeRate = readFeeRate(rate);
    if (feeRate !== null) rates[venueId] = feeRate;
  }
  return rates;
}

/**
 * Repairs a stored settings object field by field: every valid field is kept, every missing or
 * corrupt one falls back to its default. A danger level above the warning level is swapped back
 * to the defaults for both, because the two only make sense as a pair.
 */
export function sanitizeSettings(value: unknown): Settings {
  const stored = isRecord(value) ? value : {};
  let warningBufferPercent =
    readPercent(stored.warningBufferPercent) ?? DEFAULT_SETTINGS.warningBufferPercent;
  let dangerBufferPercent =
    readPercent(stored.dangerBufferPercent) ?? DEFAULT_SETTINGS.dangerBufferPercent;
  if (compareDecimal(dangerBufferPercent, warningBufferPercent) > 0) {
    warningBufferPercent = DEFAULT_SETTINGS.warningBufferPercent;
    dangerBufferPercent = DEFAULT_SETTINGS.dangerBufferPercent;
  }
  return {
    enabledSites: sanitizeEnabledSites(stored.enabledSites),
    warningBufferPercent,
    dangerBufferPercent,
    tolerancePercent: readPercent(stored.tolerancePercent) ?? DEFAULT_SETTINGS.tolerancePercent,
    targetBufferPercent:
      readPercent(stored.targetBufferPercent) ?? DEFAULT_SETTINGS.targetBufferPercent,
    feeRates: sanitizeFeeRates(stored.feeRates),
    language: pick(stored.language, LANGUAGE_SETTINGS, DEFAULT_SETTINGS.language),
    numberFormat: pick(stored.numberFormat, NUMBER_FORMATS, DEFAULT_SETTINGS.numberFormat),
    panelStart: pick(stored.panelStart, PANEL_STARTS, DEFAULT_SETTINGS.panelStart),
    alertsEnabled:
      typeof stored.alertsEnabled === 'boolean'
        ? stored.alertsEnabled
        : DEFAULT_SETTINGS.alertsEnabled,
  };
}

/** Whether the panel runs on a site: an id not present in the map means enabled. */
export function isSiteEnabled(settings: Settings, siteId: string): boolean {
  return settings.enabledSites[siteId] ?? true;
}
