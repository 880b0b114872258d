/**
 * read-distinct.ts answers, after each tick, whether the rows still all differ. It must agree with
 * the plain answer (every row's joined texts distinct) on any history of changes.
 */
import { describe, expect, it } from 'vitest';
import { trackDistinct } from '../../entrypoints/positions.content/read-distinct';
import { seededRandom as random } from './seeded-random';

const rowsOf = (texts: string[][]) => texts.map((row) => ({ texts: row }));
const changedCells = (cells: number[]) => new Map(cells.map((cell) => [cell, ''] as const));

function allDistinct(rows: readonly { texts: readonly string[] }[]): boolean {
  return new Set(rows.map((row) => row.texts.join('\u0001'))).size === rows.length;
}

describe('trackDistinct', () => {
  it('refuses rows that are already equal, or texts holding the separator', () => {
    expect(
      trackDistinct(
        rowsOf([
          ['a', '1'],
          ['a', '1'],
        ]),
      ),
    ).toBeNull();
    expect(trackDistinct(rowsOf([['a\u0001b'], ['c']]))).toBeNull();
    expect(
      trackDistinct(
        rowsOf([
          ['a', '1'],
          ['a', '2'],
        ]),
      ),
    ).not.toBeNull();
  });

  it('sees a row tick into a copy of another, by its quiet columns and its ticking one', () => {
    const rows = rowsOf([
      ['BTC', '0.5', '100'],
      ['BTC', '0.5', '101'], // alike in every quiet column: no anchor
      ['ETH', '2', '101'],
    ]);
    const distinct = trackDistinct(rows);
    if (distinct === null) throw new Error('distinct rows refused');
    rows[2] = { texts: ['ETH', '2', '100'] };
    expect(distinct.stillDistinct(rows, new Map([[2, changedCells([2])]]))).toBe(true);
    rows[1] = { texts: ['BTC', '0.5', '100'] };
    expect(distinct.stillDistinct(rows, new Map([[1, changedCells([2])]]))).toBe(false);
  });

  it("finds another anchor when a row's only unique column starts to change", () => {
    const rows = rowsOf([
      ['BTC', '0.5', '100'],
      ['BTC', '0.7', '100'],
    ]);
    const distinct = trackDistinct(rows);
    if (distinct === null) throw new Error('distinct rows refused');
    rows[1] = { texts: ['BTC', '0.5', '100'] }; // the size column moves: now a copy
    expect(distinct.stillDistinct(rows, new Map([[1, changedCells([1])]]))).toBe(false);
  });

  it('rejects a changed text holding the separator', () => {
    const rows = rowsOf([['a'], ['b']]);
    const distinct = trackDistinct(rows);
    rows[0] = { texts: ['a\u0001'] };
    expect(distinct?.stillDistinct(rows, new Map([[0, changedCells([0])]]))).toBe(false);
  });

  it('agrees with comparing joined rows on random histories', () => {
    const next = random(20261122);
    const words = ['1', '2', '3', 'x'];
    let checked = 0;
    for (let history = 0; history < 400; history += 1) {
      const width = 1 + Math.floor(next() * 4);
      const height = 2 + Math.floor(next() * 5);
      const rows = Array.from({ length: height }, () => ({
        texts: Array.from({ length: width }, () => words[Math.floor(next() * words.length)] ?? ''),
      }));
      const distinct = trackDistinct(rows);
      if (distinct === null) {
        expect(allDistinct(rows)).toBe(false);
        continue;
      }
      for (let tick = 0; tick < 20; tick += 1) {
        const changed = new Map<number, Map<number, string>>();
        const count = 1 + Math.floor(next() * 3);
        for (let change = 0; change < count; change += 1) {
          const row = Math.floor(next() * height);
          const cell = Math.floor(next() * width);
          const texts = [...(rows[row]?.texts ?? [])];
          const text = words[Math.floor(next() * words.length)] ?? '';
          if (texts[cell] === text) continue;
          texts[cell] = text;
          rows[row] = { texts };
          const cells = changed.get(row) ?? new Map<number, string>();
          changed.set(row, cells.set(cell, ''));
        }
        if (changed.size === 0) continue;
        const answer = distinct.stillDistinct(rows, changed);
        expect(answer).toBe(allDistinct(rows));
        checked += 1;
        if (!answer) break; // the reader reads in full and starts a new tracker
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
