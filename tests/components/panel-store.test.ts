/**
 * The panel store and row merge (components/panel/panel-store.ts, row-merge.ts): which rows a view
 * changes beyond their buffer, which buffers are painted, and when the list itself changed.
 */
import { describe, expect, it, vi } from 'vitest';
import type { PanelRowView, RowEstimateView } from '../../components/panel/panel-model';
import { createPanelStore } from '../../components/panel/panel-store';
import { sameExceptBuffer } from '../../components/panel/row-merge';

function row(key: string, state: Partial<RowEstimateView> = {}): PanelRowView {
  return {
    key,
    symbol: key,
    side: 'short',
    leverage: '5',
    marginMode: 'cross',
    state: {
      kind: 'estimate',
      liquidationPrice: '3800.12',
      platformLiquidationPrice: '3790',
      differencePercent: '0.27',
      agrees: true,
      bufferPercent: '22.5',
      bufferPrice: '700',
      priceDecimals: 2,
      ...state,
    },
  };
}

describe('sameExceptBuffer', () => {
  it('ignores the value of the buffer but not whether there is one', () => {
    expect(
      sameExceptBuffer(row('A'), row('A', { bufferPercent: '22.4', bufferPrice: '699' })),
    ).toBe(true);
    expect(sameExceptBuffer(row('A'), row('A', { bufferPercent: null, bufferPrice: null }))).toBe(
      false,
    );
  });

  it('sees any other field, nested ones too', () => {
    expect(sameExceptBuffer(row('A'), row('A', { liquidationPrice: '3800.13' }))).toBe(false);
    expect(sameExceptBuffer(row('A'), { ...row('A'), leverage: '6' })).toBe(false);
    const problems = (message: string): PanelRowView => ({
      ...row('A'),
      state: {
        kind: 'problems',
        problems: [{ field: 'margin', message }],
        calculatorPrefill: { entryPrice: '1' },
      },
    });
    expect(sameExceptBuffer(problems('x'), problems('x'))).toBe(true);
    expect(sameExceptBuffer(problems('x'), problems('y'))).toBe(false);
    expect(sameExceptBuffer(row('A'), problems('x'))).toBe(false);
  });
});

describe('createPanelStore', () => {
  it('keeps the drawn object of a row whose buffer alone moved, and paints only that buffer', () => {
    const store = createPanelStore();
    const first = [row('A'), row('B')];
    store.set(first);
    const paintA = vi.fn();
    const paintB = vi.fn();
    const summary = vi.fn();
    store.watchBuffer('A', paintA);
    store.watchBuffer('B', paintB);
    store.watchBuffer(null, summary);

    const update = store.set([row('A', { bufferPercent: '21' }), row('B')]);
    expect(update.listChanged).toBe(false);
    expect(update.changedRows).toEqual([]);
    expect(update.rows[0]).toBe(first[0]);
    expect(update.rows[1]).toBe(first[1]);
    expect(store.percent('A')).toBe('21');
    expect(paintA).toHaveBeenCalledTimes(1);
    expect(paintB).not.toHaveBeenCalled();
    expect(summary).toHaveBeenCalledTimes(1);
  });

  it('names rows that changed otherwise, and sees rows appear, go and move', () => {
    const store = createPanelStore();
    store.set([row('A'), row('B')]);
    const redrawA = vi.fn();
    store.watchRow('A', redrawA);
    const changed = row('A', { liquidationPrice: '3801' });
    const update = store.set([changed, row('B')]);
    expect(update).toMatchObject({ listChanged: false, changedRows: ['A'] });
    expect(store.row('A')).toBe(changed);
    store.redrawRows(update.changedRows);
    expect(redrawA).toHaveBeenCalledTimes(1);

    expect(store.set([row('B'), changed]).listChanged).toBe(true);
    expect(store.set([row('B')]).listChanged).toBe(true);
    expect(store.percent('A')).toBeUndefined();
    expect(store.set([row('B'), row('C')]).listChanged).toBe(true);
  });

  it('stops painting a part once it unsubscribed', () => {
    const store = createPanelStore();
    store.set([row('A')]);
    const paint = vi.fn();
    const unwatch = store.watchBuffer('A', paint);
    unwatch();
    store.set([row('A', { bufferPercent: '1' })]);
    expect(paint).not.toHaveBeenCalled();
  });
});
