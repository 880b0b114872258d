import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  formatPlainDecimal,
  priceFractionDigits,
} from '../../components/format-number';
import { Decimal } from '../../core/decimal';

describe('formatDecimal', () => {
  it.each([
    ['1234567.891', 'en', '1,234,567.891'],
    ['1234567.891', 'eu', '1.234.567,891'],
    ['1234567.891', 'plain', '1234567.891'],
    ['1234567.891', 'auto', '1,234,567.891'],
    ['999', 'en', '999'],
    ['1000', 'en', '1,000'],
    ['0.00000123', 'en', '0.00000123'],
    ['123456789012345678901234.5', 'en', '123,456,789,012,345,678,901,234.5'],
  ] as const)('writes %s in the %s style as %s', (value, style, expected) => {
    expect(formatDecimal(value, { lang: 'en', style })).toBe(expected);
  });

  it('rounds half to even at the requested digits and drops trailing zeros', () => {
    expect(formatDecimal('26316.893264', { lang: 'en', style: 'en', maxFractionDigits: 2 })).toBe(
      '26,316.89',
    );
    expect(formatDecimal('0.125', { lang: 'en', style: 'en', maxFractionDigits: 2 })).toBe('0.12');
    expect(formatDecimal('19700.000', { lang: 'en', style: 'en', maxFractionDigits: 2 })).toBe(
      '19,700',
    );
  });

  it('writes a real minus sign, and a plus only when asked', () => {
    expect(formatDecimal('-1234.5', { lang: 'zh', style: 'auto' })).toBe('\u22121,234.5');
    expect(formatDecimal('1234.5', { lang: 'en', style: 'en', sign: true })).toBe('+1,234.5');
    expect(formatDecimal('0', { lang: 'en', style: 'en', sign: true })).toBe('0');
  });

  it('never shows NaN or Infinity', () => {
    for (const bad of ['NaN', 'Infinity', '-Infinity', 'abc', '']) {
      expect(formatDecimal(bad, { lang: 'en', style: 'en' })).toBe('—');
    }
  });

  it('never writes exponent notation for tiny or huge values', () => {
    expect(formatDecimal('1e-20', { lang: 'en', style: 'plain' })).toBe('0.00000000000000000001');
    expect(formatDecimal('1e+25', { lang: 'en', style: 'plain' })).toBe(
      '10000000000000000000000000',
    );
  });
});

describe('formatDecimal against Decimal', () => {
  /** Canonical decimals of up to 30 integer and 20 fraction digits, either sign. */
  const canonical = fc
    .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 20 }))
    .map(([units, scale]) => new Decimal(units.toString()).dividedBy(new Decimal(10).pow(scale)))
    .map((value) => (value.isZero() ? '0' : value.toFixed()));

  /** The same formatting written with Decimal's rounding and a regular expression's grouping. */
  function reference(value: string, places: number, style: 'en' | 'eu' | 'plain', sign: boolean) {
    const rounded = new Decimal(value).toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
    const plain = rounded.isZero() ? '0' : rounded.abs().toFixed();
    const [integer = '', fraction] = plain.split('.');
    const group = { en: ',', eu: '.', plain: '' }[style];
    const body =
      integer.replace(/\B(?=(\d{3})+(?!\d))/g, group) +
      (fraction === undefined ? '' : (style === 'eu' ? ',' : '.') + fraction);
    if (!rounded.isZero() && rounded.isNegative()) return `\u2212${body}`;
    return sign && !rounded.isZero() ? `+${body}` : body;
  }

  it('rounds, groups and signs every canonical decimal as the reference does (formatPlainDecimal too)', () => {
    fc.assert(
      fc.property(
        canonical,
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom('en', 'eu', 'plain'),
        fc.boolean(),
        (value, places, style, sign) => {
          const options = { lang: 'en', style, maxFractionDigits: places, sign } as const;
          const expected = reference(value, places, style, sign);
          expect(formatDecimal(value, options)).toBe(expected);
          expect(formatPlainDecimal(value, options)).toBe(expected);
        },
      ),
    );
  });
});

describe('priceFractionDigits', () => {
  it.each([
    ['26316.893264', 2],
    ['2866.26936529', 2],
    ['74.83696193', 4],
    ['0.05269872', 7],
    ['0', 2],
  ] as const)('keeps about six significant digits for %s', (price, digits) => {
    expect(priceFractionDigits(price)).toBe(digits);
  });
});
