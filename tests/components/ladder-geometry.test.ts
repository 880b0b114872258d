import { describe, expect, it } from 'vitest';
import { Decimal } from '../../core/decimal';
import { ladderScale, markAtBuffer } from '../../components/ladder-geometry';

describe('markAtBuffer', () => {
  it('gives the mark at which a long has exactly the given buffer', () => {
    const mark = markAtBuffer('90', '10', 'long');
    // buffer = (mark − liq) / mark
    expect(new Decimal(mark!).minus(90).div(mark!).times(100).toDecimalPlaces(20).toFixed()).toBe(
      '10',
    );
  });

  it('gives the mark at which a short has exactly the given buffer', () => {
    const mark = markAtBuffer('110', '10', 'short');
    expect(mark).toBe('100');
  });

  it('has no answer for a long at a 100 % buffer', () => {
    expect(markAtBuffer('90', '100', 'long')).toBeNull();
  });
});

describe('ladderScale', () => {
  it('keeps every price inside the axis, in order', () => {
    const scale = ladderScale(['26316.89', '25807.85', '32481.98', '31967.27'], 12, 348);
    const xs = ['25807.85', '26316.89', '31967.27', '32481.98'].map(scale.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const x of xs) {
      expect(x).toBeGreaterThan(12);
      expect(x).toBeLessThan(348);
    }
  });

  it('centres a single price', () => {
    expect(ladderScale(['100'], 0, 200).x('100')).toBe(100);
  });
});
