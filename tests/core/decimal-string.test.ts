import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../core/decimal';
import { compareDecimal, decimalExponent, roundDecimal } from '../../core/decimal-string';
import { plainDecimalOf } from '../../core/parse-number';
import { parseDecimalInput } from '../../core/parse-decimal-input';

/** Canonical decimals as the parsers return them, from a fixed generator (Decimal is the oracle). */
const canonical = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 20 }))
  .map(([units, scale]) => new Decimal(units.toString()).dividedBy(new Decimal(10).pow(scale)))
  .map((value) => (value.isZero() ? '0' : value.toFixed()));

describe('compareDecimal', () => {
  it('orders canonical decimals as Decimal does', () => {
    fc.assert(
      fc.property(canonical, canonical, (a, b) => {
        expect(compareDecimal(a, b)).toBe(new Decimal(a).comparedTo(b));
        expect(compareDecimal(a, a)).toBe(0);
      }),
    );
  });

  it.each([
    ['0.5', '0.45', 1],
    ['-0.5', '-0.45', -1],
    ['-1', '0', -1],
    ['100', '99.999', 1],
    ['62000', '62000', 0],
  ] as const)('%s vs %s → %i', (a, b, expected) => {
    expect(compareDecimal(a, b)).toBe(expected);
  });
});

describe('roundDecimal', () => {
  it('rounds half to even exactly as the core Decimal does', () => {
    fc.assert(
      fc.property(canonical, fc.integer({ min: 0, max: 12 }), (value, places) => {
        const expected = new Decimal(value).toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN);
        expect(roundDecimal(value, places)).toBe(expected.isZero() ? '0' : expected.toFixed());
      }),
    );
  });

  it.each([
    ['2.5', 0, '2'],
    ['3.5', 0, '4'],
    ['9.995', 2, '10'],
    ['-0.005', 2, '0'],
    ['-0.0051', 2, '-0.01'],
    ['12.3456', 2, '12.35'],
  ] as const)('%s to %i places → %s', (value, places, expected) => {
    expect(roundDecimal(value, places)).toBe(expected);
  });
});

describe('decimalExponent', () => {
  it('is floor(log10(|x|)) as Decimal reports it', () => {
    fc.assert(
      fc.property(canonical, (value) => {
        fc.pre(value !== '0');
        expect(decimalExponent(value)).toBe(new Decimal(value).e);
      }),
    );
  });
});

describe('plainDecimalOf', () => {
  it('agrees with parseDecimalInput on every string of the core-input grammar', () => {
    const mantissa = fc.oneof(canonical, fc.constantFrom('+0.5', '.5', '7.', '00012.3400'));
    fc.assert(
      fc.property(mantissa, fc.option(fc.integer({ min: -60, max: 60 })), (text, exponent) => {
        const input = exponent === null ? text : `${text}e${exponent}`;
        const expected = parseDecimalInput(input);
        expect(expected).not.toBeNull();
        expect(plainDecimalOf(input)).toBe(expected?.isZero() ? '0' : expected?.toFixed());
      }),
    );
  });

  it.each(['', 'NaN', 'Infinity', '1,5', '1e9999', '0x1F', '1 000', '--1'])(
    'rejects %j',
    (text) => {
      expect(plainDecimalOf(text)).toBeNull();
      expect(parseDecimalInput(text)).toBeNull();
    },
  );
});
