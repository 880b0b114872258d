/**
 * The panel store and row merge (components/panel/panel-store.ts, row-merge.ts): which rows a view
 * changes beyond their buffer, which buffers are painted, and when the list itself changed.
 */
import { describe, expect, it, vi } from 'vitest';
import type { PanelRowView, RowEstimateView } from '../../components/panel/panel-model';
import { createPanelStore } from '../../components/panel/panel-store';
import { sameExceptPainted } from '../../components/panel/row-merge';

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

describe('sameExceptPainted', () => {
  it('ignores the value of a painted figure (buffer, our price, difference) but not whether there is one', () => {
    expect(
      sameExceptPainted(row('A'), row('A', { bufferPercent: '22.4', bufferPrice: '699' })),
    ).toBe(true);
    expect(
      sameExceptPainted(
        row('A'),
        row('A', { liquidationPrice: '3800.13', differencePercent: '1' }),
      ),
    ).toBe(true);
    expect(sameExceptPainted(row('A'), row('A', { bufferPercent: null, bufferPrice: null }))).toBe(
      false,
    );
    expect(sameExceptPainted(row('A'), row('A', { liquidationPrice: null }))).toBe(false);
    expect(sameExceptPainted(row('A'), row('A', { differencePercent: null }))).toBe(false);
  });

  it('sees any other field, nested ones too', () => {
    expect(sameExceptPainted(row('A'), row('A', { platformLiquidationPrice: '3800.13' }))).toBe(
      false,
    );
    expect(sameExceptPainted(row('A'), row('A', { agrees: false }))).toBe(false);
    expect(sameExceptPainted(row('A'), { ...row('A'), leverage: '6' })).toBe(false);
    const problems = (message: string): PanelRowView => ({
      ...row('A'),
      state: {
        kind: 'problems',
        problems: [{ field: 'margin', message }],
        calculatorPrefill: { entryPrice: '1' },
      },
    });
    expect(sameExceptPainted(problems('x'), problems('x'))).toBe(true);
    expect(sameExceptPainted(problems('x'), problems('y'))).toBe(false);
    expect(sameExceptPainted(row('A'), problems('x'))).toBe(false);
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
    const changed = row('A', { platformLiquidationPrice: '3801' });
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

  it('keeps a cross row drawn whose figures alone moved, and paints them from the store', () => {
    const store = createPanelStore();
    const first = [row('A'), row('B')];
    store.set(first);
    const figuresA = vi.fn();
    const figuresB = vi.fn();
    const redrawA = vi.fn();
    store.watchFigures('A', figuresA);
    store.watchFigures('B', figuresB);
    store.watchRow('A', redrawA);
    const moved = row('A', { liquidationPrice: '3790.5', differencePercent: '-0.31' });
    const update = store.set([moved, row('B', { bufferPercent: '30' })]);
    expect(update).toMatchObject({ listChanged: false, changedRows: [] });
    expect(update.rows[0]).toBe(first[0]);
    expect(store.row('A')).toBe(first[0]);
    expect(store.estimate('A')).toMatchObject({
      liquidationPrice: '3790.5',
      differencePercent: '-0.31',
    });
    expect(figuresA).toHaveBeenCalledTimes(1);
    expect(figuresB).not.toHaveBeenCalled(); // its buffer alone moved
    expect(redrawA).not.toHaveBeenCalled();
    // The same figures again: nothing to paint; a figure going is a change of the row, not a paint.
    store.set([moved, row('B', { bufferPercent: '30' })]);
    expect(figuresA).toHaveBeenCalledTimes(1);
    const gone = row('A', { liquidationPrice: null });
    expect(store.set([gone, row('B')]).changedRows).toEqual(['A']);
    expect(store.row('A')).toBe(gone);
    expect(figuresA).toHaveBeenCalledTimes(1);
    expect(store.estimate('A')).toMatchObject({ liquidationPrice: null });
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
