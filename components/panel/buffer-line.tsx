/**
 * A row's buffer: the figure (liq-buffer, exact plain decimal in data-value, design.md §5), then a
 * bar with the level in words as well as colour (WCAG 1.4.1). Preact draws the markup once; the
 * values are painted into it directly, from the panel store (panel-store.ts), on every change: a mark tick touches
 * a few text nodes and attributes and runs no Preact at all (design.md §6 CPU budget).
 * Preact never owns a painted value (the vnodes hold none), so a later render cannot undo a paint.
 */
import { Component } from 'preact';
import { canonicalDecimal, plainBufferFill, plainBufferLevel } from '../buffer-level';
import { formatPlainDecimal } from '../format-number';
import { t } from '../i18n';
import type { PanelStore } from './panel-store';
import type { PanelDisplay } from './panel-model';

export interface BufferLineProps {
  readonly rowKey: string;
  /** Whether the row has a buffer at all (its markup differs); the value comes from the store. */
  readonly hasBuffer: boolean;
  /** No liquidation at any price: said instead of a missing mark price. */
  readonly noLiquidation: boolean;
  readonly display: PanelDisplay;
  readonly store: PanelStore;
}

/** What is on screen, and where: found once per render, not on every tick. */
interface Painted {
  text: string;
  fill: string;
  level: string;
  /** The display's thresholds as canonical decimals. */
  readonly warning: string;
  readonly danger: string;
  readonly figure: HTMLElement;
  readonly figureText: Text;
  readonly bar: HTMLElement;
  readonly fillElement: HTMLElement;
  readonly labelText: Text;
}

/** Nothing painted yet in the markup render() drew under `root`. */
function paintedOf(root: HTMLElement, display: PanelDisplay): Painted {
  const figure = root.firstChild as HTMLElement;
  const bar = figure.nextSibling as HTMLElement;
  return {
    text: '',
    fill: '',
    level: '',
    warning: canonicalDecimal(display.warningBufferPercent),
    danger: canonicalDecimal(display.dangerBufferPercent),
    figure,
    figureText: figure.firstChild as Text,
    bar,
    fillElement: bar.firstChild?.firstChild as HTMLElement,
    labelText: bar.lastChild?.lastChild as Text,
  };
}

export class BufferLine extends Component<BufferLineProps> {
  private root: HTMLElement | null = null;
  private readonly setRoot = (element: HTMLElement | null) => {
    this.root = element;
  };
  /**
   * What is on screen, to write only what changed: at two decimals the figure and the bar mostly
   * stay put while the exact buffer (data-value) moves on every tick. Null = repaint everything.
   */
  private painted: Painted | null = null;
  private unwatch: (() => void) | null = null;

  override shouldComponentUpdate(next: BufferLineProps): boolean {
    const current = this.props;
    return (
      next.hasBuffer !== current.hasBuffer ||
      next.noLiquidation !== current.noLiquidation ||
      next.display !== current.display
    );
  }

  override componentDidMount(): void {
    // A row keeps its key (the list is keyed by it) and the panel its store.
    this.unwatch = this.props.store.watchBuffer(this.props.rowKey, () => {
      this.paint();
    });
    this.paint();
  }

  override componentDidUpdate(): void {
    this.painted = null; // the language, thresholds or the markup itself may have changed
    this.paint();
  }

  override componentWillUnmount(): void {
    this.unwatch?.();
  }

  private paint(): void {
    const { rowKey, store, display } = this.props;
    const percent = store.percent(rowKey);
    const root = this.root;
    // No figure, or the markup for none is still up: the render that follows draws the change.
    if (percent == null || root === null || !this.props.hasBuffer) return;
    const { lang } = display;
    const painted = (this.painted ??= paintedOf(root, display));
    const plain = canonicalDecimal(percent);
    painted.figure.setAttribute('data-value', percent);
    const text = formatPlainDecimal(plain, {
      lang,
      style: display.numberFormat,
      maxFractionDigits: 2,
    });
    if (text !== painted.text) {
      painted.text = text;
      painted.figureText.data = text;
    }
    // A transform, not a width: moving the fill then needs no layout. Hundredths of the bar
    // (about a pixel): finer steps would cost a style write on nearly every tick for nothing seen.
    const fill = `scaleX(${plainBufferFill(plain, painted.warning).toFixed(2)})`;
    if (fill !== painted.fill) {
      painted.fill = fill;
      painted.fillElement.style.transform = fill;
    }
    const level = plainBufferLevel(plain, painted.warning, painted.danger);
    if (level === painted.level) return;
    painted.level = level;
    painted.bar.className = `buffer-bar buffer-${level}`;
    painted.bar.setAttribute('data-level', level);
    painted.labelText.data = `${t(lang, 'buffer.label')}: ${t(lang, `buffer.level.${level}`)}`;
  }

  override render() {
    const { lang } = this.props.display;
    if (!this.props.hasBuffer) {
      // No mark price (or no liquidation at any price): nothing to measure, and we say which.
      const reason = this.props.noLiquidation ? 'panel.noLiquidationTitle' : 'panel.bufferMissing';
      return (
        <div class="buffer-line muted" data-testid="liq-buffer">
          {t(lang, reason)}
        </div>
      );
    }
    // Empty strings become the text nodes paint() fills; the level class is painted too.
    return (
      <div class="buffer-line" title={t(lang, 'panel.column.buffer')} ref={this.setRoot}>
        <span class="num strong" data-testid="liq-buffer">
          {''}
          <span class="num-unit">%</span>
        </span>
        <div class="buffer-bar">
          {/* The track is decoration; the label carries the same information as text. */}
          <div class="buffer-track" aria-hidden="true">
            <div class="buffer-fill" />
            <div class="buffer-mark" title={t(lang, 'buffer.level.warning')} />
          </div>
          <span class="buffer-label">
            <span class="buffer-dot" aria-hidden="true" />
            {''}
          </span>
        </div>
      </div>
    );
  }
}
