/**
 * The project's only text → number path (style.md §4.4), one module family: this file turns page
 * text ("6,996.26 USDT", "+17.50 USDT (+0.85%)", "１２３．４５", "3.5万") into a canonical plain
 * decimal string, and ./parse-decimal-input.ts turns the core's own inputs ("62000.5", "1e-4") into
 * a Decimal. Nothing else in the project parses text into a number (eslint.config.js).
 *
 * This file is string-exact and does not import decimal.js: the content script reads pages with it
 * and must stay small (design.md §6). Multipliers (K, M, B, 万, 亿) are powers of ten, so they shift
 * the decimal point of the digit string; canonical means no leading or trailing zeros.
 *
 * Rules follow ../shared/exchange-pages.md §10: "--", "—", "-" and "N/A" are "no value"; separators
 * come from the page locale when known, otherwise from the §10.2 heuristic; units glued to numbers
 * are split off; PnL/ROE pairs keep the percent apart. Nothing here throws.
 */
export interface NumberFormat {
  readonly decimalSeparator: '.' | ',';
  readonly groupSeparator: ',' | '.' | ' ' | "'" | '';
}

export type ParsedNumber =
  | {
      readonly ok: true;
      /** Canonical plain decimal, e.g. "-1234.5" (no exponent, no trailing zeros). */
      readonly value: string;
      /** Trailing unit token ("USDT", "张", "x") or a leading currency sign ("$"); null when none. */
      readonly unit: string | null;
      /** A percent found with the number ("(+0.85%)", or the number itself when it ends in "%"). */
      readonly percent: string | null;
    }
  | { readonly ok: false; readonly reason: 'empty' | 'unparseable' };

const EMPTY = { ok: false, reason: 'empty' } as const;
const UNPARSEABLE = { ok: false, reason: 'unparseable' } as const;

/** Longest text we look at: a table cell, not a page. Longer input is unparseable. */
const MAX_TEXT_LENGTH = 200;

/** Dash-like characters a page may use as a minus sign or as an "empty" placeholder. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
/** Apostrophe variants used as Swiss group separators. */
const APOSTROPHES = /[\u2019\u02BC\u02B9\u2032]/g;
/** Placeholders meaning "the exchange shows no value here". */
const EMPTY_TOKEN = /^(?:-+|n\/?a|none|null|\.\.\.|…)$/i;

const CURRENCY_SIGNS = new Set(['$', '€', '£', '¥', '₮', '₿', '₩']);
/** Powers of ten: the number of places the decimal point moves right. */
const MULTIPLIERS: Readonly<Record<string, number>> = { K: 3, k: 3, M: 6, B: 9, 万: 4, 亿: 8 };
/** A unit token: latin letters (digits allowed after the first), CJK (张, 个, 手), or a currency sign. */
const UNIT_TOKEN = /^(?:[A-Za-z][A-Za-z0-9.]*|[\u3400-\u9fff]+|[$€£¥₮₿₩])/;

/**
 * Page text → canonical plain decimal string.
 *
 * @param text - the text of one cell or label, units and decorations allowed.
 * @param format - the page's separators when its locale is known; omitted → the §10.2 heuristic
 *   (both separators present: the last one is the decimal; one kind repeated: grouping; a single ','
 *   followed by exactly three digits: grouping (English default); otherwise a decimal).
 * @returns `{ok: true, value, unit, percent}` or `{ok: false, reason}`; never throws.
 */
export function parseNumber(text: string, format?: NumberFormat): ParsedNumber {
  return plainNumber(text, format) ?? parseNumberInFull(text, format);
}

/**
 * parseNumber without the shortcut for plain numbers: the full path, which the shortcut must
 * always agree with (tests/core/parse-number-shortcut.test.ts).
 */
export function parseNumberInFull(text: string, format?: NumberFormat): ParsedNumber {
  try {
    return parseNormalised(normalise(text), format);
  } catch {
    return UNPARSEABLE;
  }
}

/** ASCII digits with an optional minus and point ("62025.61", "-0.5"), or en grouping ("62,025.61"). */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const EN_GROUPED_NUMBER = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * The shortcut: a mark price or PnL on a ticking page is read on every tick, and most are plain
 * digits with at most a point and en grouping, which need none of the full path's normalising,
 * token scanning, unit and percent search. Null for anything else, and for any text the page's
 * separators could read otherwise (a point under a decimal comma, grouping under no declared
 * format, which the §10.2 heuristic decides).
 */
function plainNumber(text: string, format: NumberFormat | undefined): ParsedNumber | null {
  if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH) return null;
  let digits: string;
  if (PLAIN_NUMBER.test(text)) {
    if (format !== undefined && format.decimalSeparator !== '.' && text.includes('.')) return null;
    digits = text;
  } else if (
    format?.decimalSeparator === '.' &&
    format.groupSeparator === ',' &&
    EN_GROUPED_NUMBER.test(text)
  ) {
    digits = text.replaceAll(',', '');
  } else return null;
  const negative = digits.startsWith('-');
  const value = canonicalString(negative ? digits.slice(1) : digits, negative);
  return { ok: true, value, unit: null, percent: null };
}

function normalise(text: string): string {
  if (typeof text !== 'string') return '';
  // NFKC folds full-width digits and punctuation (１２３．４５, ，) and every space variant
  // (no-break, thin, narrow no-break) to their ASCII forms.
  const head = text.slice(0, MAX_TEXT_LENGTH + 1);
  // ASCII is already NFKC; most cells are, and normalising costs more than the rest of the parse.
  // ASCII holds no dash or apostrophe variant either.
  return (
    /^[\x20-\x7e]*$/.test(head)
      ? head
      : head.normalize('NFKC').replace(DASHES, '-').replace(APOSTROPHES, "'")
  )
    .replace(/\s+/g, ' ')
    .trim();
}

interface NumberToken {
  readonly negative: boolean;
  readonly currency: string | null;
  readonly body: string;
  /** Index just past the body. */
  readonly end: number;
}

function parseNormalised(text: string, format: NumberFormat | undefined): ParsedNumber {
  if (text.length === 0) return EMPTY;
  if (text.length > MAX_TEXT_LENGTH) return UNPARSEABLE;
  const firstDigit = text.search(/\d/);
  if (firstDigit < 0) {
    // "--", "-- / SL", "N/A", "-- USDT": no number at all, and the text starts with a placeholder.
    const head = text.split(/[\s/]/)[0] ?? '';
    return EMPTY_TOKEN.test(text) || EMPTY_TOKEN.test(head) ? EMPTY : UNPARSEABLE;
  }
  const token = readToken(text, firstDigit);
  const plain = toPlainDigits(token.body, format);
  if (plain === null) return UNPARSEABLE;

  let rest = text.slice(token.end);
  let digits = plain;
  const multiplier = /^ ?(万|亿)|^([KkMB])(?![A-Za-z])/.exec(rest);
  if (multiplier) {
    const places = MULTIPLIERS[multiplier[1] ?? multiplier[2] ?? ''];
    if (places !== undefined) digits = shiftPointRight(digits, places);
    rest = rest.slice(multiplier[0].length);
  }
  const canonical = canonicalString(digits, token.negative);

  const afterSpace = rest.replace(/^ /, '');
  if (afterSpace.startsWith('%')) {
    return { ok: true, value: canonical, unit: '%', percent: canonical };
  }
  const unitMatch = UNIT_TOKEN.exec(afterSpace);
  let unit: string | null = unitMatch ? unitMatch[0] : token.currency;
  if (unit === 'X') unit = 'x';
  const percentText = unitMatch ? afterSpace.slice(unitMatch[0].length) : afterSpace;
  return { ok: true, value: canonical, unit, percent: findPercent(percentText, format) };
}

/** Reads the sign, a currency sign and the digit run starting at `firstDigit`. */
function readToken(text: string, firstDigit: number): NumberToken {
  let start = firstDigit;
  // ".5" → include the leading separator.
  if (start > 0 && (text[start - 1] === '.' || text[start - 1] === ',')) {
    const before = text[start - 2];
    if (before === undefined || !/\d/.test(before)) start -= 1;
  }
  let cursor = start - 1;
  let sign: '+' | '-' | null = null;
  let currency: string | null = null;
  const skipSpace = (): void => {
    while (cursor >= 0 && text[cursor] === ' ') cursor -= 1;
  };
  const takeSign = (): '+' | '-' | null => {
    const candidate = text[cursor];
    if (candidate !== '-' && candidate !== '+') return null;
    // A dash glued to a word is a hyphen ("BTC-12"), not a minus.
    const before = text[cursor - 1];
    if (before !== undefined && /[A-Za-z0-9]/.test(before)) return null;
    cursor -= 1;
    return candidate;
  };
  skipSpace();
  sign = takeSign();
  skipSpace();
  const maybeCurrency = text[cursor];
  if (maybeCurrency !== undefined && CURRENCY_SIGNS.has(maybeCurrency)) {
    currency = maybeCurrency;
    cursor -= 1;
    skipSpace();
    // "-$1,234" puts the sign before the currency, "$-1,234" after it.
    sign ??= takeSign();
  }
  const negative = sign === '-';

  let end = firstDigit;
  while (end < text.length) {
    const char = text[end] ?? '';
    if ((char >= '0' && char <= '9') || char === '.' || char === ',') {
      end += 1;
      continue;
    }
    // A space or apostrophe groups digits only when exactly three digits follow it.
    if ((char === ' ' || char === "'") && /^\d{3}(?!\d)/.test(text.slice(end + 1))) {
      end += 1;
      continue;
    }
    break;
  }
  let body = text.slice(start, end);
  // "12," or "1,234." at the end of a phrase: the separator is punctuation.
  while (body.endsWith('.') || body.endsWith(',')) body = body.slice(0, -1);
  end = start + body.length;
  return { negative, currency, body, end };
}

/** Digits with separators → "1234.56", or null when the grouping is inconsistent. */
function toPlainDigits(body: string, format: NumberFormat | undefined): string | null {
  const resolved = format ?? detectFormat(body);
  if (resolved === null) return null;
  const { decimalSeparator, groupSeparator } = resolved;
  const parts = body.split(decimalSeparator);
  if (parts.length > 2) return null;
  let integerDigits = parts[0] ?? '';
  const fractionPart = parts[1] ?? '';
  // Plain digits (most cells) hold no group separator.
  if (!/^\d*$/.test(integerDigits)) {
    // Space and apostrophe grouping can appear together with the declared separator.
    for (const group of [groupSeparator, ' ', "'"]) {
      if (group !== '' && integerDigits.includes(group)) {
        const groups = integerDigits.split(group);
        if (!isValidGrouping(groups)) return null;
        integerDigits = groups.join('');
      }
    }
  }
  if (!/^\d*$/.test(integerDigits) || !/^\d*$/.test(fractionPart)) return null;
  if (integerDigits === '' && fractionPart === '') return null;
  return `${integerDigits === '' ? '0' : integerDigits}${fractionPart === '' ? '' : `.${fractionPart}`}`;
}

/** Groups after the first have three digits (two allowed before the last, for en-IN "12,34,567"). */
function isValidGrouping(groups: readonly string[]): boolean {
  return groups.every((group, index) => {
    if (index === 0) return /^\d{1,3}$/.test(group);
    if (index === groups.length - 1) return /^\d{3}$/.test(group);
    return /^\d{2,3}$/.test(group);
  });
}

function detectFormat(body: string): NumberFormat | null {
  const dots = count(body, '.');
  const commas = count(body, ',');
  if (dots > 0 && commas > 0) {
    return body.lastIndexOf('.') > body.lastIndexOf(',')
      ? { decimalSeparator: '.', groupSeparator: ',' }
      : { decimalSeparator: ',', groupSeparator: '.' };
  }
  if (dots > 1) return { decimalSeparator: ',', groupSeparator: '.' };
  if (commas > 1) return { decimalSeparator: '.', groupSeparator: ',' };
  if (commas === 1) {
    // "1,234" reads as English grouping; "12,5" and "0,123" can only be a decimal comma.
    const [integerPart = '', fractionPart = ''] = body.split(',');
    const looksGrouped = /^\d{3}$/.test(fractionPart) && /^[1-9]\d{0,2}$/.test(integerPart);
    return looksGrouped
      ? { decimalSeparator: '.', groupSeparator: ',' }
      : { decimalSeparator: ',', groupSeparator: '.' };
  }
  return { decimalSeparator: '.', groupSeparator: ',' };
}

function findPercent(text: string, format: NumberFormat | undefined): string | null {
  const match = /([+-]?) ?(\d[\d.,]*) ?%/.exec(text);
  if (!match) return null;
  const plain = toPlainDigits((match[2] ?? '').replace(/[.,]$/, ''), format);
  if (plain === null) return null;
  return canonicalString(plain, match[1] === '-');
}

/** "12.5" moved right by 3 places → "12500"; "0.0035" by 4 → "35". */
function shiftPointRight(plain: string, places: number): string {
  const [integerPart = '', fractionPart = ''] = plain.split('.');
  const padded = fractionPart.padEnd(places, '0');
  return `${integerPart}${padded.slice(0, places)}.${padded.slice(places)}`;
}

/**
 * Unsigned digits with an optional point ("007.50") → canonical plain decimal ("7.5", "-7.5");
 * zero is "0", never "-0".
 */
function canonicalString(plain: string, negative: boolean): string {
  const [integerPart = '', fractionPart = ''] = plain.split('.');
  const integer = integerPart.replace(/^0+/, '') || '0';
  const fraction = fractionPart.replace(/0+$/, '');
  const magnitude = fraction === '' ? integer : `${integer}.${fraction}`;
  return negative && magnitude !== '0' ? `-${magnitude}` : magnitude;
}

/**
 * Strict core-input grammar ("62000.5", "-3", "+0.5", "1e-4"; no grouping, no units, exponent
 * bounded as in parseDecimalInput) → canonical plain decimal, string-exact; null for anything
 * else ("", "NaN", "Infinity", "1,5"). For display code that must not bundle decimal.js.
 */
export function plainDecimalOf(text: string): string | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 100) return null;
  // Already canonical (the core's own figures, redrawn on every tick): itself.
  if (/^(?!-0$)-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/.test(trimmed)) return trimmed;
  const match = /^([+-]?)(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d{1,3}))?$/.exec(trimmed);
  if (match === null) return null;
  const [integerPart = '', fractionPart = ''] = (match[2] ?? '').split('.');
  const exponentText = match[3] ?? '0';
  const exponentDigits = exponentText.replace(/^[+-]/, '');
  let places = 0;
  for (const digit of exponentDigits) places = places * 10 + '0123456789'.indexOf(digit);
  if (exponentText.startsWith('-')) places = -places;
  const digits = integerPart + fractionPart;
  let point = integerPart.length + places;
  let padded = digits;
  if (point < 0) {
    padded = '0'.repeat(-point) + digits;
    point = 0;
  } else if (point > digits.length) {
    padded = digits + '0'.repeat(point - digits.length);
  }
  return canonicalString(`${padded.slice(0, point)}.${padded.slice(point)}`, match[1] === '-');
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
