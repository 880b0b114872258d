/**
 * Exact operations on canonical plain decimal strings (as parseNumber and plainDecimalOf return
 * them: "-1234.5", no exponent, no leading or trailing zeros): order, rounding, magnitude. For
 * code that runs in the page (reader, panel) and must not bundle decimal.js (design.md §6); money
 * arithmetic stays in the core with Decimal. Nothing here parses text.
 */

function split(value: string): { negative: boolean; integer: string; fraction: string } {
  const negative = value.startsWith('-');
  const [integer = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  return { negative, integer, fraction };
}

/** Where a decimal's integer digits end: its point, or its end. */
function integerEnd(value: string, from: number): number {
  const point = value.indexOf('.', from);
  return point === -1 ? value.length : point;
}

const ZERO = 48; // '0'

/**
 * Order of the magnitudes of two canonical decimals read from `fromA` / `fromB` (after any sign).
 * By character codes, without splitting or padding: it runs for every buffer on every tick
 * (components/buffer-level.ts), where allocation would mean garbage collections in the page.
 */
function compareMagnitude(a: string, fromA: number, b: string, fromB: number): -1 | 0 | 1 {
  const endA = integerEnd(a, fromA);
  const endB = integerEnd(b, fromB);
  const lengthA = endA - fromA;
  if (lengthA !== endB - fromB) return lengthA < endB - fromB ? -1 : 1; // no leading zeros
  for (let index = 0; index < lengthA; index += 1) {
    const digitA = a.charCodeAt(fromA + index);
    const digitB = b.charCodeAt(fromB + index);
    if (digitA !== digitB) return digitA < digitB ? -1 : 1;
  }
  // The fractions, the shorter one read as if padded with zeros.
  const fractionA = a.length - endA - 1;
  const fractionB = b.length - endB - 1;
  const width = Math.max(fractionA, fractionB, 0);
  for (let index = 0; index < width; index += 1) {
    const digitA = index < fractionA ? a.charCodeAt(endA + 1 + index) : ZERO;
    const digitB = index < fractionB ? b.charCodeAt(endB + 1 + index) : ZERO;
    if (digitA !== digitB) return digitA < digitB ? -1 : 1;
  }
  return 0;
}

/** Order of two canonical decimals: -1, 0 or 1. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const negativeA = a.startsWith('-');
  const negativeB = b.startsWith('-');
  if (negativeA !== negativeB) return negativeA ? -1 : 1;
  const order = compareMagnitude(a, negativeA ? 1 : 0, b, negativeB ? 1 : 0);
  if (!negativeA) return order;
  return order === 0 ? 0 : order === 1 ? -1 : 1;
}

/** "0009.50" → "9.5", "-0" → "0". */
function canonical(negative: boolean, integer: string, fraction: string): string {
  const whole = integer.replace(/^0+/, '') || '0';
  const tail = fraction.replace(/0+$/, '');
  const magnitude = tail === '' ? whole : `${whole}.${tail}`;
  return negative && magnitude !== '0' ? `-${magnitude}` : magnitude;
}

/** Adds one unit in the last place of a digit string ("199" → "200", "99" → "100"). */
function incrementDigits(digits: string): string {
  const chars = digits.split('');
  for (let index = chars.length - 1; index >= 0; index -= 1) {
    if (chars[index] !== '9') {
      chars[index] = '0123456789'.charAt('0123456789'.indexOf(chars[index] ?? '0') + 1);
      return chars.join('');
    }
    chars[index] = '0';
  }
  return `1${chars.join('')}`;
}

/**
 * Rounds to at most `places` fraction digits, half to even (the core's display rounding,
 * core/decimal.ts ROUND_HALF_EVEN); canonical result.
 */
export function roundDecimal(value: string, places: number): string {
  // Canonical already, and nothing to drop: the value itself (no allocation on a hot path).
  const point = value.indexOf('.');
  if (point === -1 || value.length - point - 1 <= places) return value;
  const { negative, integer, fraction } = split(value);
  const kept = integer + fraction.slice(0, places);
  const dropped = fraction.slice(places);
  const first = dropped.charAt(0);
  const restNonZero = /[1-9]/.test(dropped.slice(1));
  const lastKept = kept.charAt(kept.length - 1);
  const roundUp =
    first > '5' ||
    (first === '5' && (restNonZero || '13579'.includes(lastKept === '' ? '0' : lastKept)));
  const digits = roundUp ? incrementDigits(kept) : kept;
  const integerLength = digits.length - places;
  return canonical(negative, digits.slice(0, integerLength), digits.slice(integerLength));
}

/** floor(log10(|value|)) of a non-zero canonical decimal (62000 → 4, 0.0012 → -3); 0 for zero. */
export function decimalExponent(value: string): number {
  const { integer, fraction } = split(value);
  if (integer !== '0') return integer.length - 1;
  const leadingZeros = fraction.search(/[1-9]/);
  return leadingZeros < 0 ? 0 : -(leadingZeros + 1);
}
