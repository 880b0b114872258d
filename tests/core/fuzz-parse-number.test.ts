/**
 * Fuzz / property tests of the only text → number path (issue 5.4): arbitrary and hostile strings
 * never throw, never yield NaN/Infinity or an exponent, and every failure is a coded reason;
 * numbers written the way exchange pages write them come back exactly.
 * Runs are fixed (RUNS per property) so CI time is bounded; the seed is printed on failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../core/decimal';
import { parseDecimalInput } from '../../core/parse-decimal-input';
import { parseNumber, type NumberFormat } from '../../core/parse-number';

const RUNS = 3000;
const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
const EN: NumberFormat = { decimalSeparator: '.', groupSeparator: ',' };
const EU: NumberFormat = { decimalSeparator: ',', groupSeparator: '.' };
const FORMATS: readonly (NumberFormat | undefined)[] = [
  undefined,
  EN,
  EU,
  { decimalSeparator: '.', groupSeparator: '' },
  { decimalSeparator: ',', groupSeparator: ' ' },
  { decimalSeparator: '.', groupSeparator: "'" },
];

/** Pieces exchange pages (and hostile pages) put around numbers. */
const PAGE_PIECES = [
  '0',
  '1',
  '9',
  '.',
  ',',
  ' ',
  '\u00a0',
  '\u202f',
  "'",
  '-',
  '+',
  '\u2212',
  '%',
  '(',
  ')',
  '$',
  '¥',
  'USDT',
  'BTC',
  '张',
  'x',
  'K',
  'M',
  'B',
  '万',
  '亿',
  'e',
  'E',
  'NaN',
  'Infinity',
  '--',
  'N/A',
  '１',
  '．',
  '，',
  '<b>',
  '</b>',
  '<script>alert(1)</script>',
  '&nbsp;',
  '\u0000',
  '\ud800',
  '🙂',
  '\u200b',
  '0x1F',
];

const pageLikeText = fc
  .array(fc.constantFrom(...PAGE_PIECES), { maxLength: 24 })
  .map((pieces) => pieces.join(''));

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  pageLikeText,
);

/** A decimal as a plain string: up to 30 integer digits and 12 fraction digits, either sign. */
const plainDecimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 12 }))
  .map(([units, scale]) =>
    new Decimal(units.toString()).dividedBy(new Decimal(10).pow(scale)).toFixed(),
  );

/** Write a plain decimal the way a page with `format` would: grouping by threes, on the string. */
function writeAs(plain: string, format: NumberFormat): string {
  const negative = plain.startsWith('-');
  const [integerPart = '0', fractionPart] = (negative ? plain.slice(1) : plain).split('.');
  let grouped = '';
  for (let index = 0; index < integerPart.length; index += 1) {
    const fromEnd = integerPart.length - index;
    grouped += integerPart[index] ?? '';
    if (fromEnd > 1 && (fromEnd - 1) % 3 === 0) grouped += format.groupSeparator;
  }
  const body =
    fractionPart === undefined ? grouped : `${grouped}${format.decimalSeparator}${fractionPart}`;
  return negative ? `-${body}` : body;
}

function expectWellFormed(result: ReturnType<typeof parseNumber>): void {
  if (result.ok) {
    expect(result.value).toMatch(CANONICAL);
    const value = new Decimal(result.value);
    expect(value.isFinite()).toBe(true);
    if (result.percent !== null) expect(result.percent).toMatch(CANONICAL);
    if (result.unit !== null) expect(typeof result.unit).toBe('string');
  } else {
    expect(['empty', 'unparseable']).toContain(result.reason);
  }
}

describe('parseNumber (fuzz)', () => {
  it(`never throws and returns a canonical finite value or a coded reason (${RUNS} runs × formats)`, () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...FORMATS), (text, format) => {
        expectWellFormed(parseNumber(text, format));
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects non-strings and absurd lengths without throwing', () => {
    for (const hostile of [undefined, null, 42, {}, [], Symbol('x')] as unknown as string[]) {
      expect(parseNumber(hostile)).toEqual({ ok: false, reason: 'empty' });
    }
    expect(parseNumber('9'.repeat(100_000))).toEqual({ ok: false, reason: 'unparseable' });
    expect(parseNumber(`1${'0'.repeat(150)}`)).toMatchObject({
      ok: true,
      value: `1${'0'.repeat(150)}`,
    });
  });

  it('round-trips English-formatted numbers with and without a declared format', () => {
    fc.assert(
      fc.property(plainDecimal, fc.constantFrom('', ' USDT', 'USDT', ' 张'), (plain, unit) => {
        const text = `${writeAs(plain, EN)}${unit}`;
        const expected = new Decimal(plain).toFixed();
        expect(parseNumber(text, EN)).toMatchObject({ ok: true, value: expected });
        expect(parseNumber(text)).toMatchObject({ ok: true, value: expected });
      }),
      { numRuns: RUNS },
    );
  });

  it('round-trips European, spaced and Swiss formats when the page format is given', () => {
    fc.assert(
      fc.property(
        plainDecimal,
        fc.constantFrom<NumberFormat>(
          EU,
          { decimalSeparator: ',', groupSeparator: ' ' },
          { decimalSeparator: '.', groupSeparator: "'" },
        ),
        (plain, format) => {
          const expected = new Decimal(plain).toFixed();
          expect(parseNumber(writeAs(plain, format), format)).toMatchObject({
            ok: true,
            value: expected,
          });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads full-width digits and a typographic minus as their ASCII forms', () => {
    fc.assert(
      fc.property(plainDecimal, (plain) => {
        const fullWidth = writeAs(plain, EN)
          .replace(/\d/g, (digit) => String.fromCharCode(0xff10 + digit.charCodeAt(0) - 48))
          .replace('.', '．')
          .replace('-', '\u2212');
        expect(parseNumber(fullWidth, EN)).toMatchObject({
          ok: true,
          value: new Decimal(plain).toFixed(),
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent: a parsed value parses to itself', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const first = parseNumber(text);
        if (!first.ok) return;
        expect(parseNumber(first.value)).toMatchObject({ ok: true, value: first.value });
      }),
      { numRuns: RUNS },
    );
  });

  it('treats markup as plain characters: tags around a number do not change it', () => {
    fc.assert(
      fc.property(
        plainDecimal,
        fc.constantFrom('<b>', '<span class="x">', '<script>', '<img src=x onerror=y>'),
        (plain, tag) => {
          const expected = new Decimal(plain).toFixed();
          const closing = `</${tag.slice(1).split(/[ >]/)[0] ?? ''}>`;
          expect(parseNumber(`${tag}${writeAs(plain, EN)}${closing}`, EN)).toMatchObject({
            ok: true,
            value: expected,
          });
        },
      ),
      { numRuns: 1000 },
    );
    expect(parseNumber('NaN')).toEqual({ ok: false, reason: 'unparseable' });
    expect(parseNumber('Infinity')).toEqual({ ok: false, reason: 'unparseable' });
    expect(parseNumber('<script></script>')).toEqual({ ok: false, reason: 'unparseable' });
  });
});

describe('parseDecimalInput (fuzz)', () => {
  it(`returns a finite Decimal or null for any string (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = parseDecimalInput(text);
        if (parsed !== null) {
          expect(parsed.isFinite()).toBe(true);
          expect(parsed.isNaN()).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('accepts every plain decimal and exponent within bounds, rejects the rest', () => {
    fc.assert(
      fc.property(plainDecimal, fc.integer({ min: -999, max: 999 }), (plain, exponent) => {
        expect(parseDecimalInput(plain)?.toFixed()).toBe(new Decimal(plain).toFixed());
        const scientific = `${plain}e${exponent}`;
        expect(
          parseDecimalInput(scientific)?.eq(
            new Decimal(plain).times(new Decimal(10).pow(exponent)),
          ),
        ).toBe(true);
      }),
      { numRuns: RUNS },
    );
    for (const bad of [
      '',
      ' ',
      'NaN',
      'Infinity',
      '-Infinity',
      '1e9999',
      '0x10',
      '1,5',
      '1_000',
      '--1',
    ]) {
      expect(parseDecimalInput(bad)).toBeNull();
    }
  });
});
