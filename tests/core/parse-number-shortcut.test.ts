/**
 * parseNumber's shortcut for plain numbers (core/parse-number.ts plainNumber) must answer exactly
 * as the full path does, for every text and every page format.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber, parseNumberInFull, type NumberFormat } from '../../core/parse-number';

const FORMATS: readonly (NumberFormat | undefined)[] = [
  undefined,
  { decimalSeparator: '.', groupSeparator: ',' },
  { decimalSeparator: ',', groupSeparator: '.' },
  { decimalSeparator: ',', groupSeparator: ' ' },
  { decimalSeparator: '.', groupSeparator: "'" },
  { decimalSeparator: '.', groupSeparator: '' },
];

const digitRun = (min: number, max: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max })
    .map((digits) => digits.join(''));

/** Texts shaped like the cells the shortcut takes, and near misses of them. */
const numberLike = fc
  .tuple(
    fc.constantFrom('', '-', '+', ' ', '−'),
    fc.oneof(
      digitRun(1, 25),
      fc
        .tuple(digitRun(1, 3), fc.array(digitRun(3, 3), { minLength: 1, maxLength: 5 }))
        .map(([head, groups]) => [head, ...groups].join(',')),
      fc
        .tuple(digitRun(1, 3), fc.array(digitRun(2, 4), { minLength: 1, maxLength: 3 }))
        .map(([head, groups]) => [head, ...groups].join(',')),
    ),
    fc.option(fc.tuple(fc.constantFrom('.', ','), digitRun(0, 12)), { nil: undefined }),
    fc.constantFrom('', ' USDT', '%', ' ', 'K'),
  )
  .map(
    ([sign, integer, fraction, tail]) =>
      `${sign}${integer}${fraction === undefined ? '' : fraction.join('')}${tail}`,
  );

describe('parseNumber shortcut', () => {
  it('agrees with the full path on number-shaped texts under every format', () => {
    fc.assert(
      fc.property(numberLike, fc.constantFrom(...FORMATS), (text, format) => {
        expect(parseNumber(text, format)).toEqual(parseNumberInFull(text, format));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the full path on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom(...FORMATS), (text, format) => {
        expect(parseNumber(text, format)).toEqual(parseNumberInFull(text, format));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['62025.61', undefined, '62025.61'],
    ['-0.50', undefined, '-0.5'],
    ['-0.0', undefined, '0'],
    ['007', { decimalSeparator: ',', groupSeparator: '.' } as const, '7'],
    ['62,025.61', { decimalSeparator: '.', groupSeparator: ',' } as const, '62025.61'],
  ])('reads %s as %s', (text, format, value) => {
    expect(parseNumber(text, format)).toEqual({ ok: true, value, unit: null, percent: null });
  });

  it('leaves to the full path what the page format reads otherwise', () => {
    // Under a decimal comma "62.025" is grouping; with no declared format "1,234" is decided by
    // the §10.2 heuristic; a text over the length limit is unparseable.
    const eu = { decimalSeparator: ',', groupSeparator: '.' } as const;
    expect(parseNumber('62.025', eu)).toEqual(parseNumberInFull('62.025', eu));
    expect(parseNumber('62.025', eu)).toMatchObject({ ok: true, value: '62025' });
    expect(parseNumber('1,234')).toEqual(parseNumberInFull('1,234'));
    expect(parseNumber('1'.repeat(201))).toEqual({ ok: false, reason: 'unparseable' });
  });
});
