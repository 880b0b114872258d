/**
 * The panel's render path on a mark tick (components/panel/panel-renderer.tsx): buffers are
 * painted without Preact, a row that changed otherwise re-renders alone, and only a change of the
 * list, the display or the status re-renders the panel. Preact's public `options.diffed` hook
 * counts what actually rendered.
 */
import { options, type VNode } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Panel } from '../../components/panel/panel';
import type { PanelRowView, RowEstimateView } from '../../components/panel/panel-model';
import {
  createPanelRenderer,
  type PanelRenderer,
  type PanelState,
} from '../../components/panel/panel-renderer';
import { PanelRow } from '../../components/panel/panel-row';
import { NumberText } from '../../components/number-text';
import { DISPLAY } from './panel-fixtures';

function estimate(overrides: Partial<RowEstimateView> = {}): RowEstimateView {
  return {
    kind: 'estimate',
    liquidationPrice: '57412.345678',
    platformLiquidationPrice: '57400.1',
    differencePercent: '0.0213',
    agrees: true,
    bufferPercent: '12.345678',
    bufferPrice: '7100.5',
    priceDecimals: 2,
    ...overrides,
  };
}

function row(key: string, state: Partial<RowEstimateView> = {}): PanelRowView {
  return {
    key,
    symbol: key,
    side: 'long',
    leverage: '20',
    marginMode: 'isolated',
    state: estimate(state),
  };
}

function stateOf(rows: readonly PanelRowView[], overrides: Partial<PanelState> = {}): PanelState {
  return {
    view: { siteId: 'binance', siteLabel: 'Binance', status: 'ok', rows },
    display: DISPLAY,
    placement: null,
    startCollapsed: false,
    ...overrides,
  };
}

/** Renders of each component type since the last reset (Preact's public options.diffed hook). */
const renders = new Map<unknown, number>();
let restoreDiffed: () => void = () => {};
beforeEach(() => {
  renders.clear();
  const original = options.diffed?.bind(options);
  options.diffed = (vnode: VNode) => {
    renders.set(vnode.type, (renders.get(vnode.type) ?? 0) + 1);
    original?.(vnode);
  };
  restoreDiffed = () => {
    if (original === undefined) delete options.diffed;
    else options.diffed = original;
  };
});

let container: HTMLElement;
let renderer: PanelRenderer | null = null;
afterEach(() => {
  restoreDiffed();
  renderer?.attach(null);
  renderer = null;
  container.remove();
});

function mount(state: PanelState): PanelRenderer {
  container = document.createElement('div');
  document.body.append(container);
  renderer = createPanelRenderer(state, {
    onPlacementChange: () => {},
    onOpenCalculator: () => {},
  });
  renderer.attach(container);
  renders.clear();
  return renderer;
}

/** Preact renders a component's update in a microtask. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const rowElement = (key: string) =>
  container.querySelector<HTMLElement>(`[data-testid="liq-row"][data-key="${key}"]`)!;
const bufferOf = (key: string) =>
  rowElement(key).querySelector<HTMLElement>('[data-testid="liq-buffer"]')!;
const levelOf = (key: string) => rowElement(key).querySelector<HTMLElement>('[data-level]')!;
const fillOf = (key: string) => rowElement(key).querySelector<HTMLElement>('.buffer-fill')!;

describe('panel render path', () => {
  it('paints a buffer-only change without rendering anything, exact in data-value', async () => {
    const panel = mount(stateOf([row('A'), row('B', { bufferPercent: '30' })]));
    const before = rowElement('A');
    expect(bufferOf('A').dataset.value).toBe('12.345678');
    expect(bufferOf('A').textContent).toBe('12.35%');
    expect(fillOf('A').style.transform).toBe('scaleX(0.62)');

    panel.update(
      stateOf([row('A', { bufferPercent: '12.3412345' }), row('B', { bufferPercent: '30.5' })]),
    );
    await settle();

    expect(renders.size).toBe(0); // no component rendered at all
    expect(rowElement('A')).toBe(before);
    expect(bufferOf('A').dataset.value).toBe('12.3412345');
    expect(bufferOf('A').textContent).toBe('12.34%');
    expect(bufferOf('B').dataset.value).toBe('30.5');
    expect(fillOf('B').style.transform).toBe('scaleX(1.00)');
    expect(levelOf('A').dataset.level).toBe('safe');
  });

  it('updates the level class and its words when a tick crosses a threshold', () => {
    const panel = mount(stateOf([row('A')]));
    expect(levelOf('A').className).toBe('buffer-bar buffer-safe');
    panel.update(stateOf([row('A', { bufferPercent: '4.99' })]));
    expect(renders.size).toBe(0);
    expect(levelOf('A').dataset.level).toBe('danger');
    expect(levelOf('A').className).toBe('buffer-bar buffer-danger');
    expect(levelOf('A').textContent).toBe('Buffer: Danger');
    panel.update(stateOf([row('A', { bufferPercent: '-0.5' })]));
    expect(levelOf('A').dataset.level).toBe('breached');
    expect(bufferOf('A').textContent).toBe('−0.5%');
    expect(fillOf('A').style.transform).toBe('scaleX(0.00)');
  });

  it('re-renders a row that changed beyond its painted figures alone, not the panel', async () => {
    const panel = mount(stateOf([row('A'), row('B')]));
    panel.update(
      stateOf([
        row('A', {
          bufferPercent: '11',
          liquidationPrice: '57000.5',
          platformLiquidationPrice: '57100',
        }),
        row('B', { bufferPercent: '13' }),
      ]),
    );
    await settle();
    expect(renders.get(Panel)).toBeUndefined();
    expect(renders.get(PanelRow)).toBe(1);
    const estimateA = rowElement('A').querySelector<HTMLElement>('[data-testid="liq-estimate"]')!;
    expect(estimateA.dataset.value).toBe('57000.5');
    expect(
      rowElement('A').querySelector<HTMLElement>('[data-testid="liq-platform"]')!.dataset.value,
    ).toBe('57100');
    expect(bufferOf('A').dataset.value).toBe('11');
    expect(bufferOf('B').dataset.value).toBe('13');
  });

  it("paints a cross position's new liquidation price and difference without rendering its figures", async () => {
    const panel = mount(stateOf([row('A'), row('B')]));
    const estimateA = () =>
      rowElement('A').querySelector<HTMLElement>('[data-testid="liq-estimate"]')!;
    const diffA = () => rowElement('A').querySelector<HTMLElement>('[data-testid="liq-diff"]')!;
    const before = estimateA();
    panel.update(
      stateOf([
        row('A', { liquidationPrice: '57001.987', differencePercent: '-0.6987' }),
        row('B'),
      ]),
    );
    await settle();
    // No Preact at all: the row is kept as drawn and its figures are painted from the store.
    expect(renders.get(PanelRow)).toBeUndefined();
    expect(renders.get(NumberText)).toBeUndefined();
    expect(estimateA()).toBe(before);
    expect(estimateA().dataset.value).toBe('57001.987');
    expect(estimateA().textContent).toBe('57,001.99');
    expect(diffA().dataset.value).toBe('-0.6987');
    expect(diffA().textContent).toBe('−0.7%');
    // A figure appearing or going renders; the painted values never outlive a render.
    panel.update(
      stateOf([row('A', { liquidationPrice: null, differencePercent: null }), row('B')]),
    );
    await settle();
    expect(estimateA().dataset.none).toBe('true');
    panel.update(stateOf([row('A'), row('B')]));
    await settle();
    expect(estimateA().dataset.value).toBe('57412.345678');
    expect(estimateA().textContent).toBe('57,412.35');
    expect(diffA().dataset.value).toBe('0.0213');
  });

  it('paints a cross figure back to the value its markup was drawn with, and keeps it through a new display', async () => {
    const panel = mount(stateOf([row('A')]));
    const estimateA = () =>
      rowElement('A').querySelector<HTMLElement>('[data-testid="liq-estimate"]')!;
    const moved = row('A', { liquidationPrice: '57001.987' });
    panel.update(stateOf([moved]));
    await settle();
    panel.update(stateOf([row('A')])); // back to the drawn value: Preact's vnode still holds it
    await settle();
    expect(estimateA().dataset.value).toBe('57412.345678');
    expect(estimateA().textContent).toBe('57,412.35');
    panel.update(stateOf([moved]));
    await settle();
    panel.update(stateOf([moved], { display: { ...DISPLAY, numberFormat: 'eu' } }));
    await settle();
    expect(estimateA().dataset.value).toBe('57001.987');
    expect(estimateA().textContent).toBe('57.001,99');
    // The markup drawn anew (the figure went and came back): later ticks paint into the new one.
    panel.update(stateOf([row('A', { liquidationPrice: null })]));
    await settle();
    panel.update(stateOf([moved]));
    await settle();
    panel.update(stateOf([row('A', { liquidationPrice: '56999.5' })]));
    await settle();
    expect(estimateA().dataset.value).toBe('56999.5');
    expect(estimateA().textContent).toBe('56,999.5');
  });

  it('re-renders the list when rows appear, go or move, keeping each row current', () => {
    const panel = mount(stateOf([row('A'), row('B')]));
    panel.update(stateOf([row('C', { bufferPercent: '3' }), row('B', { bufferPercent: '8' })]));
    expect(renders.get(Panel)).toBe(1);
    const keys = [...container.querySelectorAll<HTMLElement>('[data-testid="liq-row"]')].map(
      (element) => element.dataset.key,
    );
    expect(keys).toEqual(['C', 'B']);
    expect(bufferOf('C').dataset.value).toBe('3');
    expect(levelOf('C').dataset.level).toBe('danger');
    expect(bufferOf('B').dataset.value).toBe('8');
    expect(levelOf('B').dataset.level).toBe('warning');
  });

  it('redraws everything in the new language and thresholds when the display changes', () => {
    const panel = mount(stateOf([row('A')]));
    panel.update(stateOf([row('A', { bufferPercent: '9.5' })]));
    panel.update(
      stateOf([row('A', { bufferPercent: '9.5' })], {
        display: { ...DISPLAY, lang: 'zh', warningBufferPercent: '25', numberFormat: 'eu' },
      }),
    );
    expect(renders.get(Panel)).toBe(1);
    expect(bufferOf('A').textContent).toBe('9,5%');
    expect(levelOf('A').textContent).toBe('缓冲: 警告');
    expect(fillOf('A').style.transform).toBe('scaleX(0.19)');
  });

  it('follows a row between estimate and problems, and a buffer appearing or going', async () => {
    const panel = mount(stateOf([row('A')]));
    const problems: PanelRowView = {
      ...row('A'),
      state: {
        kind: 'problems',
        problems: [{ field: 'margin', message: 'Margin not found on this page' }],
        calculatorPrefill: null,
      },
    };
    panel.update(stateOf([problems]));
    await settle();
    expect(rowElement('A').querySelector('[data-testid="liq-buffer"]')).toBeNull();
    expect(rowElement('A').querySelector('[data-testid="liq-problem"]')).not.toBeNull();

    panel.update(stateOf([row('A', { bufferPercent: null, bufferPrice: null })]));
    await settle();
    expect(bufferOf('A').dataset.value).toBeUndefined();
    expect(bufferOf('A').textContent).toMatch(/mark price/i);

    panel.update(stateOf([row('A', { bufferPercent: '6.5' })]));
    await settle();
    expect(bufferOf('A').dataset.value).toBe('6.5');
    expect(levelOf('A').dataset.level).toBe('warning');
  });

  it("shows the 'failed' state and no rows, then the rows again", () => {
    const panel = mount(stateOf([row('A')]));
    panel.update({
      ...stateOf([]),
      view: { siteId: 'binance', siteLabel: 'Binance', status: 'failed', rows: [] },
    });
    expect(container.querySelector('[data-testid="liq-status"]')?.getAttribute('data-status')).toBe(
      'failed',
    );
    expect(container.querySelector('[data-testid="liq-row"]')).toBeNull();
    panel.update(stateOf([row('A', { bufferPercent: '2' })]));
    expect(bufferOf('A').dataset.value).toBe('2');
    expect(levelOf('A').dataset.level).toBe('danger');
  });

  it('keeps the collapsed summary on the tightest buffer without rendering', () => {
    const panel = mount(
      stateOf([row('A'), row('B', { bufferPercent: '20' })], { startCollapsed: true }),
    );
    const summary = container.querySelector<HTMLElement>('[data-testid="liq-summary"]')!;
    expect(summary.dataset.value).toBe('12.345678');
    panel.update(
      stateOf([row('A', { bufferPercent: '25' }), row('B', { bufferPercent: '7.777' })], {
        startCollapsed: true,
      }),
    );
    expect(renders.size).toBe(0);
    expect(summary.dataset.value).toBe('7.777');
    expect(summary.textContent).toBe('7.78%');
    panel.update(
      stateOf([row('A', { bufferPercent: null, bufferPrice: null })], { startCollapsed: true }),
    );
    expect(summary.hidden).toBe(true);
    expect(summary.dataset.value).toBeUndefined();
  });
});
