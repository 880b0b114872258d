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

function compareMagnitude(a: string, b: string): -1 | 0 | 1 {
  const left = split(a);
  const right = split(b);
  if (left.integer.length !== right.integer.length) {
    return left.integer.length < right.integer.length ? -1 : 1;
  }
  const width = Math.max(left.fraction.length, right.fraction.length);
  const digitsA = left.integer + left.fraction.padEnd(width, '0');
  const digitsB = right.integer + right.fraction.padEnd(width, '0');
  if (digitsA === digitsB) return 0;
  return digitsA < digitsB ? -1 : 1;
}

/** Order of two canonical decimals: -1, 0 or 1. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const negativeA = a.startsWith('-');
  const negativeB = b.startsWith('-');
  if (negativeA !== negativeB) return negativeA ? -1 : 1;
  const order = compareMagnitude(negativeA ? a.slice(1) : a, negativeB ? b.slice(1) : b);
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
  const { negative, integer, fraction } = split(value);
  if (fraction.length <= places) return canonical(negative, integer, fraction);
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
