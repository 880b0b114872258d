/**
 * One position in the panel: symbol, side, leverage, our liquidation price beside the platform's,
 * the difference (flagged beyond the tolerance) and the buffer. A row with problems shows the
 * problems and no estimate at all (never a number computed from a guess).
 * Test hooks: design.md §5.
 */
import { Component, type ComponentChild, type ComponentType } from 'preact';
import { formatDecimal } from '../format-number';
import { t } from '../i18n';
import { NumberText } from '../number-text';
import { BufferLine } from './buffer-line';
import type { PanelStore } from './panel-store';
import type { PanelDisplay, PanelRowView, RowEstimateView, RowProblemsView } from './panel-model';

export interface PanelRowProps {
  readonly row: PanelRowView;
  readonly display: PanelDisplay;
  readonly onOpenCalculator: (row: PanelRowView) => void;
  /** The rows' live buffers: the buffer line reads its figure there, not from `row`. */
  readonly store: PanelStore;
}

/**
 * A part of a row that re-renders only when one of its props changed (compared one by one). The
 * parts take primitive props, so a change to a cross position's liquidation price re-renders its
 * figures and leaves the heading alone (design.md §6 CPU budget). A change of the buffer alone
 * does not re-render the row at all (buffer-line.tsx).
 */
function pure<P extends object>(render: (props: P) => ComponentChild): ComponentType<P> {
  return class PurePart extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const current = this.props as Record<string, unknown>;
      const incoming = next as Record<string, unknown>;
      const keys = Object.keys(incoming);
      return (
        keys.length !== Object.keys(current).length ||
        keys.some((key) => incoming[key] !== current[key])
      );
    }

    override render() {
      return render(this.props);
    }
  };
}

const RowHeading = pure(
  ({
    symbol,
    side,
    leverage,
    marginMode,
    display,
  }: Pick<PanelRowView, 'symbol' | 'side' | 'leverage' | 'marginMode'> & {
    display: PanelDisplay;
  }) => {
    const { lang } = display;
    const sideKey = side === null ? 'panel.side.unknown' : `panel.side.${side}`;
    return (
      <div class="row-heading">
        <span class="symbol">{symbol === '' ? '?' : symbol}</span>
        <span class={`chip side side-${side ?? 'unknown'}`}>{t(lang, sideKey)}</span>
        {leverage === null ? null : (
          <span class="chip">{t(lang, 'panel.leverage', { leverage })}</span>
        )}
        {marginMode === null ? null : (
          <span class="chip">{t(lang, `panel.mode.${marginMode}`)}</span>
        )}
      </div>
    );
  },
);

type EstimateFigures = Pick<
  RowEstimateView,
  'liquidationPrice' | 'platformLiquidationPrice' | 'differencePercent' | 'agrees' | 'priceDecimals'
>;

type EstimateCellsProps = EstimateFigures & {
  readonly display: PanelDisplay;
  readonly rowKey: string;
  /** Holds the row's newest figures: a tick moves them without rendering (panel-store.ts). */
  readonly store: PanelStore;
};

function estimateCells(state: EstimateCellsProps, ref: (element: HTMLElement | null) => void) {
  const { display } = state;
  const { lang, numberFormat } = display;
  const priceDigits = state.priceDecimals;
  return (
    <div class="figures" ref={ref}>
      <div class="figure">
        <span class="figure-label">{t(lang, 'panel.column.ours')}</span>
        {state.liquidationPrice === null ? (
          <span
            class="num none"
            data-testid="liq-estimate"
            data-none="true"
            title={t(lang, 'panel.noLiquidationTitle')}
          >
            {t(lang, 'panel.noLiquidation')}
          </span>
        ) : (
          <NumberText
            class="num strong"
            value={state.liquidationPrice}
            lang={lang}
            style={numberFormat}
            maxFractionDigits={priceDigits}
            testId="liq-estimate"
          />
        )}
      </div>
      <div class="figure">
        <span class="figure-label">{t(lang, 'panel.column.platform')}</span>
        {state.platformLiquidationPrice === null ? (
          <span
            class="num muted"
            data-testid="liq-platform"
            title={t(lang, 'panel.platformMissing')}
          >
            {t(lang, 'panel.notShown')}
          </span>
        ) : (
          <NumberText
            value={state.platformLiquidationPrice}
            lang={lang}
            style={numberFormat}
            testId="liq-platform"
          />
        )}
      </div>
      <div class="figure">
        <span class="figure-label">{t(lang, 'panel.column.diff')}</span>
        {state.differencePercent === null ? (
          <span class="num muted" data-testid="liq-diff">
            {t(lang, 'panel.notShown')}
          </span>
        ) : (
          <span
            class={state.agrees === false ? 'diff flagged' : 'diff'}
            data-flagged={state.agrees === false ? 'true' : 'false'}
            title={t(lang, state.agrees === false ? 'panel.diffFlag' : 'panel.diffAgrees', {
              tolerance: display.tolerancePercent,
            })}
          >
            {state.agrees === false ? <span class="flag" aria-hidden="true" /> : null}
            <NumberText
              value={state.differencePercent}
              lang={lang}
              style={numberFormat}
              maxFractionDigits={2}
              sign
              unit="%"
              testId="liq-diff"
            />
          </span>
        )}
      </div>
    </div>
  );
}

/** A figure NumberText drew, and the value last written into it (to skip an unchanged write). */
interface PaintedFigure {
  readonly element: HTMLElement;
  readonly text: Text;
  value: string | null;
}

/** The figure with this test id and an exact value in the markup under `root`, if drawn. */
function paintedFigure(root: HTMLElement | null, testId: string): PaintedFigure | null {
  const element = root?.querySelector<HTMLElement>(`[data-testid="${testId}"][data-value]`);
  const text = element?.firstChild;
  if (element == null || !(text instanceof Text)) return null;
  return { element, text, value: null };
}

/** Writes a figure's new value into the markup NumberText drew (exact in data-value, §5). */
function paintNumber(
  figure: PaintedFigure | null,
  value: string,
  options: Parameters<typeof formatDecimal>[1],
): void {
  if (figure === null || figure.value === value) return;
  figure.value = value;
  figure.element.setAttribute('data-value', value);
  figure.text.data = formatDecimal(value, options);
}

/**
 * The figures. Our liquidation price and the difference are painted into the markup from the panel
 * store, not rendered, as buffers are (buffer-line.tsx): a cross position's tick (the others' PnL
 * moved) runs no Preact at all. Anything else (a figure appearing or going, the platform's figure,
 * the flag, the display) renders, and after any render the store's values are painted again: the
 * props may hold figures older than the store's (the row drawn before they moved), and a render
 * Preact skipped (its old vnode equal to the new one) must not leave a painted value behind.
 */
class EstimateCells extends Component<EstimateCellsProps> {
  private root: HTMLElement | null = null;
  private readonly setRoot = (element: HTMLElement | null) => {
    this.root = element;
    this.figures = null;
  };
  /** The painted figures, found once per render rather than on every tick; null: find again. */
  private figures: { estimate: PaintedFigure | null; diff: PaintedFigure | null } | null = null;
  private unwatch: (() => void) | null = null;

  override componentDidMount(): void {
    // A row keeps its key (the list is keyed by it) and the panel its store.
    this.unwatch = this.props.store.watchFigures(this.props.rowKey, () => {
      this.paint();
    });
    this.paint();
  }

  override componentWillUnmount(): void {
    this.unwatch?.();
  }

  override shouldComponentUpdate(next: EstimateCellsProps): boolean {
    const current = this.props;
    return (
      next.display !== current.display ||
      next.platformLiquidationPrice !== current.platformLiquidationPrice ||
      next.agrees !== current.agrees ||
      next.priceDecimals !== current.priceDecimals ||
      (next.liquidationPrice === null) !== (current.liquidationPrice === null) ||
      (next.differencePercent === null) !== (current.differencePercent === null)
    );
  }

  override componentDidUpdate(): void {
    this.figures = null; // the render may have replaced the markup (and written its own values)
    this.paint();
  }

  private paint(): void {
    const { display, priceDecimals, rowKey, store } = this.props;
    const now = store.estimate(rowKey) ?? this.props;
    const { lang, numberFormat } = display;
    const painted = (this.figures ??= {
      estimate: paintedFigure(this.root, 'liq-estimate'),
      diff: paintedFigure(this.root, 'liq-diff'),
    });
    if (now.liquidationPrice !== null) {
      paintNumber(painted.estimate, now.liquidationPrice, {
        lang,
        style: numberFormat,
        maxFractionDigits: priceDecimals,
      });
    }
    if (now.differencePercent !== null) {
      paintNumber(painted.diff, now.differencePercent, {
        lang,
        style: numberFormat,
        maxFractionDigits: 2,
        sign: true,
      });
    }
  }

  override render() {
    return estimateCells(this.props, this.setRoot);
  }
}

function ProblemList(props: {
  row: PanelRowView;
  state: RowProblemsView;
  display: PanelDisplay;
  onOpenCalculator: (row: PanelRowView) => void;
}) {
  const { lang } = props.display;
  return (
    <div class="problems">
      <ul>
        {props.state.problems.map((problem, index) => (
          <li
            key={`${problem.field ?? ''}-${index}`}
            class="problem"
            data-testid="liq-problem"
            data-field={problem.field ?? ''}
          >
            <span class="problem-icon" aria-hidden="true" />
            {problem.message}
          </li>
        ))}
      </ul>
      <div class="problem-foot">
        <span class="muted">{t(lang, 'panel.problem.noEstimate')}</span>
        {props.state.calculatorPrefill === null ? null : (
          <button
            type="button"
            class="link-button"
            data-testid="liq-open-calculator"
            title={t(lang, 'panel.openCalculatorHint')}
            onClick={() => {
              props.onOpenCalculator(props.row);
            }}
          >
            {t(lang, 'panel.openCalculator')}
          </button>
        )}
      </div>
    </div>
  );
}

export function PanelRow({ row, display, onOpenCalculator, store }: PanelRowProps) {
  const { state } = row;
  return (
    <li
      class={`row ${state.kind === 'problems' ? 'row-problems' : ''}`}
      data-testid="liq-row"
      data-key={row.key}
      data-symbol={row.symbol}
      data-side={row.side ?? ''}
    >
      <RowHeading
        symbol={row.symbol}
        side={row.side}
        leverage={row.leverage}
        marginMode={row.marginMode}
        display={display}
      />
      {state.kind === 'estimate' ? (
        <>
          <EstimateCells
            liquidationPrice={state.liquidationPrice}
            platformLiquidationPrice={state.platformLiquidationPrice}
            differencePercent={state.differencePercent}
            agrees={state.agrees}
            priceDecimals={state.priceDecimals}
            display={display}
            rowKey={row.key}
            store={store}
          />
          <BufferLine
            rowKey={row.key}
            hasBuffer={state.bufferPercent !== null}
            noLiquidation={state.liquidationPrice === null}
            display={display}
            store={store}
          />
        </>
      ) : (
        <ProblemList
          row={row}
          state={state}
          display={display}
          onOpenCalculator={onOpenCalculator}
        />
      )}
    </li>
  );
}
