/**
 * Formats a decimal string for display. Grouping is done on the digits of the string, never through
 * Number(), so a price like "0.00000123" or a size like "123456789012.5" shows exactly.
 * Rounding (when maxFractionDigits is given) is half to even, as the core's Decimal, but exact on
 * the string (core/decimal-string.ts): the panel in the page must not bundle decimal.js.
 */
import { decimalExponent, roundDecimal } from '../core/decimal-string';
import { plainDecimalOf } from '../core/parse-number';
import type { Settings } from '../core/settings';
import type { Lang } from './i18n/lookup';

export interface FormatOptions {
  readonly lang: Lang;
  readonly style: Settings['numberFormat'];
  /** Round to at most this many fraction digits; trailing zeros are dropped. */
  readonly maxFractionDigits?: number;
  /** Prefix positive values with "+" (for differences and changes). */
  readonly sign?: boolean;
}

interface Separators {
  readonly group: string;
  readonly decimal: string;
}

// Both English and Simplified Chinese write 1,234.56 (CLDR en / zh-Hans); "eu" is the 1.234,56 family.
const SEPARATORS: Readonly<Record<'en' | 'eu' | 'plain', Separators>> = {
  en: { group: ',', decimal: '.' },
  eu: { group: '.', decimal: ',' },
  plain: { group: '', decimal: '.' },
};

function separatorsFor(style: Settings['numberFormat']): Separators {
  return style === 'auto' ? SEPARATORS.en : SEPARATORS[style];
}

function groupThousands(integerDigits: string, group: string): string {
  if (group === '' || integerDigits.length <= 3) return integerDigits;
  const head = integerDigits.length % 3;
  const parts: string[] = head > 0 ? [integerDigits.slice(0, head)] : [];
  for (let index = head; index < integerDigits.length; index += 3) {
    parts.push(integerDigits.slice(index, index + 3));
  }
  return parts.join(group);
}

/**
 * @param value a decimal string such as "-26316.893264"
 * @returns the value written for the reader ("−26,316.89"), or "—" when the string is not a finite number
 */
export function formatDecimal(value: string, options: FormatOptions): string {
  const plain = plainDecimalOf(value);
  if (plain === null) return '—';
  return formatPlainDecimal(plain, options);
}

/**
 * formatDecimal of a canonical plain decimal (plainDecimalOf's or canonicalDecimal's): no parsing,
 * for a figure painted on every tick (components/panel/buffer-line.tsx).
 */
export function formatPlainDecimal(plain: string, options: FormatOptions): string {
  const rounded =
    options.maxFractionDigits === undefined
      ? plain
      : roundDecimal(plain, options.maxFractionDigits);
  const negative = rounded.startsWith('-');
  const start = negative ? 1 : 0;
  const point = rounded.indexOf('.');
  const integerDigits = rounded.slice(start, point === -1 ? rounded.length : point);
  const { group, decimal } = separatorsFor(options.style);
  const body =
    groupThousands(integerDigits, group) + (point === -1 ? '' : decimal + rounded.slice(point + 1));
  if (negative) return `\u2212${body}`;
  return options.sign === true && rounded !== '0' ? `+${body}` : body;
}

/**
 * Fraction digits that keep about six significant digits for a price, at least two:
 * 26316.89, 2866.2694, 0.052699, 0.00012345.
 */
export function priceFractionDigits(price: string): number {
  const plain = plainDecimalOf(price);
  if (plain === null || plain === '0') return 2;
  // Digits before the point (1 for 0.x); for 0.0001234, the position of the first significant digit.
  const exponent = decimalExponent(plain); // floor(log10(|x|))
  const digits = 5 - exponent;
  return Math.min(Math.max(digits, 2), 12);
}
