import { describe, expect, it } from 'vitest';
import { readPlacement } from '../../entrypoints/positions.content/placement-item';

describe('readPlacement', () => {
  it('returns the placement stored for the site', () => {
    const stored = {
      binance: { x: 40, y: 60, collapsed: true },
      okx: { x: null, y: null, collapsed: false },
    };
    expect(readPlacement(stored, 'binance')).toEqual({ x: 40, y: 60, collapsed: true });
    expect(readPlacement(stored, 'okx')).toEqual({ x: null, y: null, collapsed: false });
  });

  it('returns null for a site with nothing stored', () => {
    expect(readPlacement({ okx: { x: 1, y: 2, collapsed: false } }, 'binance')).toBeNull();
    expect(readPlacement(null, 'binance')).toBeNull();
  });

  it('returns null for a corrupt entry rather than a broken position', () => {
    for (const entry of [
      { x: '40', y: 60, collapsed: true },
      { x: -5, y: 60, collapsed: true },
      { x: Number.POSITIVE_INFINITY, y: 0, collapsed: false },
      { x: 1, y: 2 },
      'top-right',
    ]) {
      expect(readPlacement({ binance: entry }, 'binance')).toBeNull();
    }
  });
});
