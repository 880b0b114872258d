/**
 * The page's apply path of a mark tick: a view update (view-from-reply.ts) becomes the panel
 * store's rows (panel-store.ts, row-merge.ts). A row the update moved by its buffer values alone
 * is known as such one level deep (no deep comparison), and the store decides exactly what a deep
 * comparison of every row would.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { PanelRowView, RowEstimateView } from '../../components/panel/panel-model';
import { createPanelStore } from '../../components/panel/panel-store';
import { mergeRows } from '../../components/panel/row-merge';
import { samePlain } from '../../core/plain-data';
import {
  shownView,
  viewFromReply,
  type ShownView,
} from '../../entrypoints/positions.content/view-from-reply';

/** Counts the deep comparisons made through core/plain-data (the store's only comparison). */
const deep = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../core/plain-data', async (original) => {
  const real = await original<typeof import('../../core/plain-data')>();
  return {
    ...real,
    samePlain: (...args: Parameters<typeof real.samePlain>) => {
      deep.calls += 1;
      return real.samePlain(...args);
    },
  };
});

function row(key: string, marginMode: 'isolated' | 'cross', state: Partial<RowEstimateView> = {}) {
  const view: PanelRowView = {
    key,
    symbol: key.split('|')[0] ?? key,
    side: 'long',
    leverage: '20',
    marginMode,
    state: {
      kind: 'estimate',
      liquidationPrice: '57412.3',
      platformLiquidationPrice: null,
      differencePercent: null,
      agrees: null,
      bufferPercent: '12.3',
      bufferPrice: '7100.5',
      priceDecimals: 2,
      ...state,
    },
  };
  return view;
}

const PAGE = { siteId: 'binance', siteLabel: 'Binance' };

function apply(shown: ShownView, seq: number, update: object): ShownView {
  const next = viewFromReply(
    { seq, update: { base: shown.seq, status: 'ok', ...update } },
    { ...PAGE, seq },
    shown,
  );
  if (next === null) throw new Error('the update must apply');
  return next;
}

describe('a mark tick from the reply to the panel store', () => {
  it('keeps every drawn row whose painted figures alone moved (the cross row too), comparing none deeply', () => {
    const rows = [
      row('BTCUSDT|long', 'isolated'),
      row('ETHUSDT|long', 'cross'),
      row('SOLUSDT|long', 'isolated'),
    ];
    const store = createPanelStore();
    let shown = shownView(1, { ...PAGE, status: 'ok', rows });
    store.set(shown.view.rows);
    shown = apply(shown, 2, {
      rows: [],
      figures: [
        { key: 'BTCUSDT|long', bufferPercent: '12.1', bufferPrice: '7080' },
        { key: 'ETHUSDT|long', liquidationPrice: '57300', bufferPercent: '12.2' },
        { key: 'SOLUSDT|long', bufferPercent: '12.0' },
      ],
    });
    expect(shown.view.rows.map((each) => each.state)).toMatchObject([
      { bufferPercent: '12.1', bufferPrice: '7080', liquidationPrice: '57412.3' },
      { bufferPercent: '12.2', liquidationPrice: '57300' },
      { bufferPercent: '12.0', bufferPrice: '7100.5' },
    ]);
    deep.calls = 0;
    const update = store.set(shown.view.rows);
    expect(deep.calls).toBe(0); // estimate rows are decided one level deep against the last view
    expect(update).toMatchObject({ listChanged: false, changedRows: [] });
    expect(update.rows[1]).toBe(rows[1]);
    expect(store.estimate('ETHUSDT|long')).toMatchObject({ liquidationPrice: '57300' });
    expect(update.rows[0]).toBe(rows[0]);
    expect(update.rows[2]).toBe(rows[2]);
    expect(store.percent('SOLUSDT|long')).toBe('12.0');
    // A second tick builds on the view shown: still no comparison for the isolated rows.
    shown = apply(shown, 3, {
      rows: [],
      figures: [{ key: 'BTCUSDT|long', bufferPercent: '11.9' }],
    });
    deep.calls = 0;
    expect(store.set(shown.view.rows).changedRows).toEqual([]);
    expect(deep.calls).toBe(0);
  });

  it('treats a buffer that appears or goes as a change of the row, never as a buffer move', () => {
    const rows = [row('BTCUSDT|long', 'isolated')];
    const store = createPanelStore();
    let shown = shownView(1, { ...PAGE, status: 'ok', rows });
    store.set(rows);
    shown = apply(shown, 2, {
      rows: [],
      figures: [{ key: 'BTCUSDT|long', bufferPercent: null, bufferPrice: null }],
    });
    expect(store.set(shown.view.rows).changedRows).toEqual(['BTCUSDT|long']);
  });

  it('decides what a deep comparison of every row decides, over any sequence of updates', () => {
    const keys = ['A|long', 'B|long', 'C|long'];
    const figure = fc.record(
      {
        bufferPercent: fc.option(fc.constantFrom('1', '2', '3'), { freq: 5 }),
        bufferPrice: fc.option(fc.constantFrom('10', '20'), { freq: 5 }),
        liquidationPrice: fc.option(fc.constantFrom('100', '101'), { freq: 5 }),
        agrees: fc.option(fc.boolean(), { freq: 5 }),
      },
      { requiredKeys: [] },
    );
    /** A row sent in full: another leverage, or no estimate (problems, which hold arrays). */
    const full = (key: string, variant: number): PanelRowView =>
      variant === 0
        ? { ...row(key, 'cross'), leverage: '10' }
        : {
            ...row(key, 'isolated'),
            state: {
              kind: 'problems',
              problems: [{ field: variant === 1 ? 'margin' : 'size', message: 'not found' }],
              calculatorPrefill: null,
            },
          };
    const change = fc.oneof(
      { weight: 4, arbitrary: figure.map((figures) => ({ figures })) },
      { weight: 1, arbitrary: fc.nat(2).map((variant) => ({ variant })) },
    );
    const tick = fc.array(fc.tuple(fc.constantFrom(...keys), change), { maxLength: 3 });
    fc.assert(
      fc.property(fc.array(tick, { minLength: 1, maxLength: 8 }), (ticks) => {
        const rows = keys.map((key) => row(key, 'isolated'));
        let shown = shownView(1, { ...PAGE, status: 'ok', rows });
        const store = createPanelStore();
        store.set(rows);
        let drawn: readonly PanelRowView[] = rows;
        ticks.forEach((changes, index) => {
          const seq = index + 2;
          // One entry per key, as the background sends them; figures only for an estimate row.
          const byKey = new Map(changes);
          const figures = [];
          const replaced = [];
          for (const [key, changed] of byKey) {
            const at = shown.indexOf.get(key) ?? 0;
            const estimate = shown.view.rows[at]?.state.kind === 'estimate';
            if ('figures' in changed && estimate) figures.push({ key, ...changed.figures });
            else replaced.push(full(key, 'variant' in changed ? changed.variant : 1));
          }
          shown = apply(shown, seq, { rows: replaced, figures });
          const update = store.set(shown.view.rows);
          const compared = mergeRows(drawn, shown.view.rows);
          expect(update.changedRows).toEqual(compared.changedRows);
          update.rows.forEach((each, at) => {
            expect(each === drawn[at]).toBe(compared.rows[at] === drawn[at]);
          });
          expect(samePlain(update.rows, compared.rows)).toBe(true);
          drawn = compared.rows;
        });
      }),
      { numRuns: 300, seed: 6 },
    );
  });
});
