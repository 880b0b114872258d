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

/**
 * Rounds to at most `places` fraction digits, half to even (the core's display rounding,
 * core/decimal.ts ROUND_HALF_EVEN); canonical result. Reads the digits in place and builds only
 * the result: it formats every painted figure on every tick (components/format-number.ts).
 */
export function roundDecimal(value: string, places: number): string {
  // Canonical already, and nothing to drop: the value itself.
  const point = value.indexOf('.');
  if (point === -1 || value.length - point - 1 <= places) return value;
  const negative = value.charCodeAt(0) === 45; // '-'
  const keptEnd = places === 0 ? point : point + 1 + places; // value[0, keptEnd) is kept
  const firstDropped = value.charCodeAt(point + 1 + places);
  // Canonical: no trailing zeros, so any digit after the first dropped one makes the rest non-zero.
  const restNonZero = value.length > point + 2 + places;
  const lastKept = value.charCodeAt(keptEnd - 1);
  const roundUp =
    firstDropped > FIVE || (firstDropped === FIVE && (restNonZero || lastKept % 2 === 1));
  let kept = value.slice(0, keptEnd);
  if (roundUp) kept = incremented(kept);
  return canonical(negative, kept);
}

const FIVE = 53; // '5'

/** Adds one unit in the last place of a kept "-12.34" ("-12.39" → "-12.40", "9.99" → "10.00"). */
function incremented(kept: string): string {
  let index = kept.length - 1;
  let carried = '';
  for (; index >= 0; index -= 1) {
    const code = kept.charCodeAt(index);
    if (code === 46) {
      carried = `.${carried}`; // the point: carry on to the integer digits
      continue;
    }
    if (code === 45) break; // the sign: every digit was a 9
    if (code !== 57) return `${kept.slice(0, index)}${String.fromCharCode(code + 1)}${carried}`;
    carried = `0${carried}`;
  }
  return `${kept.slice(0, index + 1)}1${carried}`;
}

/** A kept "-0.10" as a canonical decimal: "-0.1"; "-0.00" → "0"; "12." cannot occur. */
function canonical(negative: boolean, kept: string): string {
  const point = kept.indexOf('.');
  let end = kept.length;
  if (point !== -1) {
    while (kept.charCodeAt(end - 1) === ZERO) end -= 1;
    if (end === point + 1) end = point;
  }
  const result = end === kept.length ? kept : kept.slice(0, end);
  return negative && result === '-0' ? '0' : result;
}

/** floor(log10(|value|)) of a non-zero canonical decimal (62000 → 4, 0.0012 → -3); 0 for zero. */
export function decimalExponent(value: string): number {
  const { integer, fraction } = split(value);
  if (integer !== '0') return integer.length - 1;
  const leadingZeros = fraction.search(/[1-9]/);
  return leadingZeros < 0 ? 0 : -(leadingZeros + 1);
}
