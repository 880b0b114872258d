import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimalInput } from '../../core/parse-decimal-input';
import { parseNumber, plainDecimalOf, type NumberFormat } from '../../core/parse-number';

const EU: NumberFormat = { decimalSeparator: ',', groupSeparator: '.' };
const EN: NumberFormat = { decimalSeparator: '.', groupSeparator: ',' };

function valueOf(text: string, format?: NumberFormat): string | null {
  const parsed = parseNumber(text, format);
  return parsed.ok ? parsed.value : null;
}

describe('parseNumber', () => {
  // [text, value, unit, percent] — page texts quoted in ../shared/exchange-pages.md §10.
  const cases: readonly (readonly [string, string, string | null, string | null])[] = [
    ['1,234.56', '1234.56', null, null],
    ['62000.5', '62000.5', null, null],
    ['6,996.26 USDT', '6996.26', 'USDT', null],
    ['9.3792 ETH', '9.3792', 'ETH', null],
    ['29,481.64 USDC', '29481.64', 'USDC', null],
    ['-0.37 USDC', '-0.37', 'USDC', null],
    ['100 张', '100', '张', null],
    ['12 Contracts', '12', 'Contracts', null],
    ['$1,474.08 (Cross)', '1474.08', '$', null],
    ['Available6,996.26 USDT', '6996.26', 'USDT', null],
    ['≈ 1,234.5', '1234.5', null, null],
    ['+17.50 USDT (+0.85%)', '17.5', 'USDT', '0.85'],
    ['-17.50 USDT (-0.85%)', '-17.5', 'USDT', '-0.85'],
    ['+$2,771.75 (+171.9%)', '2771.75', '$', '171.9'],
    ['-$1,234.50', '-1234.5', '$', null],
    ['$-1,234.50', '-1234.5', '$', null],
    ['12.5%', '12.5', '%', '12.5'],
    ['12.5 %', '12.5', '%', '12.5'],
    ['418.23K', '418230', null, null],
    ['1.2M', '1200000', null, null],
    ['1.2M USDT', '1200000', 'USDT', null],
    ['2B', '2000000000', null, null],
    ['3.5万', '35000', null, null],
    ['1.5亿', '150000000', null, null],
    ['１２３．４５', '123.45', null, null],
    ['１，２３４．５', '1234.5', null, null],
    ['−12.5', '-12.5', null, null],
    ['–12.5', '-12.5', null, null],
    ['+12.5', '12.5', null, null],
    ['1\u00a0234.56', '1234.56', null, null],
    ['1\u2009234\u2009567', '1234567', null, null],
    ['1\u202f234,56 €', '1234.56', '€', null],
    ["1'234.56", '1234.56', null, null],
    ['1’234.56', '1234.56', null, null],
    ['20x', '20', 'x', null],
    ['20X', '20', 'x', null],
    ['Cross 20x', '20', 'x', null],
    ['全仓 20x', '20', 'x', null],
    ['.5', '0.5', null, null],
    ['0.00000001', '0.00000001', null, null],
    ['1,234,567.891', '1234567.891', null, null],
    ['1.234.567,891', '1234567.891', null, null],
    ['1.234,56', '1234.56', null, null],
    ['12,5', '12.5', null, null],
    ['0,123', '0.123', null, null],
    ['1,234', '1234', null, null],
    ['1.234', '1.234', null, null],
    ['-0', '0', null, null],
    ['BTC-12', '12', null, null],
    ['5 BTC', '5', 'BTC', null],
    ['1.5BTC', '1.5', 'BTC', null],
    ['Size: -3', '-3', null, null],
  ];

  it.each(cases)('reads %j', (text, value, unit, percent) => {
    expect(parseNumber(text)).toEqual({ ok: true, value, unit, percent });
  });

  it.each(['', '   ', '--', '—', '-', '–', 'N/A', 'n/a', '-- / SL', '-- USDT', '\u00a0'])(
    'returns empty for the placeholder %j',
    (text) => {
      expect(parseNumber(text)).toEqual({ ok: false, reason: 'empty' });
    },
  );

  it.each(['abc', 'USDT', '1,23,4', '1.2.3,4,5', 'x'.repeat(500) + '1'])(
    'returns unparseable for %j',
    (text) => {
      expect(parseNumber(text)).toEqual({ ok: false, reason: 'unparseable' });
    },
  );

  it('uses an explicit decimal-comma format for ambiguous text', () => {
    expect(valueOf('1,234', EU)).toBe('1.234');
    expect(valueOf('1.234', EU)).toBe('1234');
    expect(valueOf('1.234,56 USDT', EU)).toBe('1234.56');
    expect(valueOf('1.234', EN)).toBe('1.234');
    expect(valueOf('1,234', EN)).toBe('1234');
  });

  it('rejects text that contradicts an explicit format', () => {
    expect(parseNumber('1,2,3', EU)).toEqual({ ok: false, reason: 'unparseable' });
    expect(parseNumber('1,5', EN)).toEqual({ ok: false, reason: 'unparseable' });
  });

  it('round-trips English-grouped decimals', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.nat({ max: 99999999 }),
        (int, frac) => {
          const grouped = int.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
          const fraction = frac.toString().padStart(8, '0').replace(/0+$/, '');
          const text = fraction === '' ? grouped : `${grouped}.${fraction}`;
          const expected = fraction === '' ? int.toString() : `${int.toString()}.${fraction}`;
          expect(valueOf(`${text} USDT`)).toBe(expected);
          expect(
            valueOf(
              text.replace(/[,.]/g, (c) => (c === ',' ? '.' : ',')),
              EU,
            ),
          ).toBe(expected);
        },
      ),
    );
  });

  it('never throws and always returns a well-formed result for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const parsed = parseNumber(text);
        if (parsed.ok) {
          expect(parsed.value).toMatch(/^-?\d+(\.\d+)?$/);
          if (parsed.percent !== null) expect(parsed.percent).toMatch(/^-?\d+(\.\d+)?$/);
        } else {
          expect(['empty', 'unparseable']).toContain(parsed.reason);
        }
      }),
      { numRuns: 1000 },
    );
  }, 30_000);
});

describe('parseDecimalInput', () => {
  it.each([
    ['62000.5', '62000.5'],
    ['-3', '-3'],
    ['+0.5', '0.5'],
    ['1e-4', '0.0001'],
    [' 42 ', '42'],
    ['.25', '0.25'],
    ['5.', '5'],
  ])('accepts %j', (text, expected) => {
    expect(parseDecimalInput(text)?.toFixed()).toBe(expected);
  });

  it.each([
    '',
    ' ',
    'NaN',
    'Infinity',
    '-Infinity',
    '1,5',
    '1 000',
    '0x10',
    '1e99999',
    'abc',
    '--',
    '1.2.3',
  ])('rejects %j', (text) => {
    expect(parseDecimalInput(text)).toBeNull();
  });

  it('rejects non-strings without throwing', () => {
    expect(parseDecimalInput(12 as unknown as string)).toBeNull();
    expect(parseDecimalInput(null as unknown as string)).toBeNull();
  });
});

describe('multipliers shift the point exactly (no rounding at any length)', () => {
  it.each([
    ['1.5K', '1500'],
    ['0.0035万', '35'],
    [
      '12.345678901234567890123456789012345678901234567亿',
      '1234567890.1234567890123456789012345678901234567',
    ],
    ['-0.000K', '0'],
    ['007.50M', '7500000'],
  ])('%s → %s', (text, expected) => {
    expect(valueOf(text)).toBe(expected);
  });
});

describe('plainDecimalOf on its already-canonical fast path', () => {
  it.each([
    ['62000.5', '62000.5'],
    ['-0.25', '-0.25'],
    ['0', '0'],
    ['-0', '0'],
    ['10', '10'],
    ['10.50', '10.5'],
    ['0.0', '0'],
    ['00.5', '0.5'],
    [' 7 ', '7'],
  ])('%j → %j (the same as the general path)', (text, expected) => {
    expect(plainDecimalOf(text)).toBe(expected);
  });

  it('keeps the length limit', () => {
    expect(plainDecimalOf(`1${'0'.repeat(100)}`)).toBeNull();
  });
});
