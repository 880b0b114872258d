/**
 * What the user typed in one number field → a plain decimal string for the core. The text goes
 * through core/parse-number.ts (the only text → number path), with the separators the user chose in
 * settings; "auto" lets the parser decide from the text itself (exchange-pages.md §10.2).
 */
import { Decimal } from '../../../core/decimal';
import { parseNumber, type NumberFormat } from '../../../core/parse-number';
import type { Settings } from '../../../core/settings';

export type NumberTextReading =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly reason: 'empty' | 'unreadable' | 'percent-not-allowed' };

const FORMATS: Readonly<Record<Exclude<Settings['numberFormat'], 'auto'>, NumberFormat>> = {
  en: { decimalSeparator: '.', groupSeparator: ',' },
  eu: { decimalSeparator: ',', groupSeparator: '.' },
  plain: { decimalSeparator: '.', groupSeparator: '' },
};

/**
 * @param text what is in the field
 * @param style the number format setting
 * @param isRate a rate field (MMR, fee rate): "0.4%" is accepted and read as 0.004
 */
export function readNumberText(
  text: string,
  style: Settings['numberFormat'],
  isRate: boolean,
): NumberTextReading {
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  const parsed = style === 'auto' ? parseNumber(text) : parseNumber(text, FORMATS[style]);
  if (!parsed.ok) return { ok: false, reason: parsed.reason === 'empty' ? 'empty' : 'unreadable' };
  // Page text may carry units ("12 USDT"); a typed field may not: "12abc" is a typo, not 12.
  const isPercent = parsed.unit === '%';
  if (parsed.unit !== null && !isPercent) return { ok: false, reason: 'unreadable' };
  if (!isPercent) return { ok: true, value: parsed.value };
  if (!isRate) return { ok: false, reason: 'percent-not-allowed' };
  // A rate written as a percent: "0.4%" means 0.004.
  return { ok: true, value: new Decimal(parsed.value).div(100).toFixed() };
}
