/**
 * Convention test: every string key the popup and the shared components ask for exists, in English
 * and in Simplified Chinese. Literal keys are found in the source; keys built from a template are
 * expanded over the values the code can give them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POPUP_STRINGS as POPUP_ONLY } from '../../components/i18n/popup';
import { SHARED_STRINGS } from '../../components/i18n/shared';
import { PRODUCTS } from '../../core/contract';
import { LANGUAGE_SETTINGS, NUMBER_FORMATS, PANEL_STARTS } from '../../core/settings';
import { BUFFER_LEVELS } from '../../components/buffer-level';
import { FIELD_TEST_IDS } from '../../entrypoints/popup/calculator/field-meta';

/** What the popup's translator knows (components/i18n/popup-t.ts). */
const POPUP_STRINGS = { ...SHARED_STRINGS, ...POPUP_ONLY };
const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'panel' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const FILES = [
  ...sourceFiles(path.join(ROOT, 'entrypoints/popup')),
  ...sourceFiles(path.join(ROOT, 'components')),
];
const SOURCE = FILES.map((file) => fs.readFileSync(file, 'utf8')).join('\n');

describe('popup strings', () => {
  it('has both languages, non-empty, for every entry', () => {
    for (const [key, entry] of Object.entries(POPUP_STRINGS)) {
      expect(entry.en.trim(), key).not.toBe('');
      expect(entry.zh.trim(), key).not.toBe('');
    }
  });

  it('defines every literal key used in the popup and the shared components', () => {
    const keys = [...SOURCE.matchAll(/\bt\(\s*(?:props\.)?lang,\s*'([^']+)'/g)].map(
      (match) => match[1]!,
    );
    expect(keys.length).toBeGreaterThan(50);
    const missing = keys.filter((key) => POPUP_STRINGS[key] === undefined);
    expect(missing).toEqual([]);
  });

  it('defines every key built from a template', () => {
    const built = [
      ...BUFFER_LEVELS.map((level) => `buffer.level.${level}`),
      ...PRODUCTS.map((product) => `product.${product}`),
      ...PRODUCTS.flatMap((product) => [
        `field.quantity.${product}`,
        `field.contractSize.${product}`,
        `field.margin.${product}`,
        `field.walletBalance.${product}`,
      ]),
      ...Object.keys(FIELD_TEST_IDS)
        .filter((field) => !['quantity', 'contractSize', 'margin'].includes(field))
        .map((field) => `field.${field}`),
      ...LANGUAGE_SETTINGS.map((language) => `settings.language.${language}`),
      ...NUMBER_FORMATS.map((format) => `settings.numberFormat.${format}`),
      ...PANEL_STARTS.map((start) => `settings.panelStart.${start}`),
      ...['liquidation', 'bankruptcy', 'entry', 'mark'].map((key) => `ladder.${key}`),
      ...['unreadable', 'percent-not-allowed'].map((reason) => `formError.${reason}`),
      ...['feeMissing', 'feeDiffers', 'tier', 'crossBalance', 'basis', 'mark'].map(
        (reason) => `reason.${reason}`,
      ),
    ];
    expect(built.filter((key) => POPUP_STRINGS[key] === undefined)).toEqual([]);
  });
});
