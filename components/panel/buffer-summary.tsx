/**
 * The collapsed panel's one figure: the tightest buffer among the rows, painted from the panel
 * store like each row's buffer line (buffer-line.tsx), so a mark tick runs no Preact for it either.
 */
import { Component } from 'preact';
import { compareDecimal } from '../../core/decimal-string';
import { formatDecimal } from '../format-number';
import type { PanelStore } from './panel-store';
import type { PanelDisplay } from './panel-model';

export interface BufferSummaryProps {
  readonly display: PanelDisplay;
  readonly store: PanelStore;
}

/** The smallest buffer among the rows that have one: the number that matters when collapsed. */
export function tightestBuffer(percents: Iterable<string | null>): string | null {
  let tightest: string | null = null;
  for (const percent of percents) {
    if (percent !== null && (tightest === null || compareDecimal(percent, tightest) < 0)) {
      tightest = percent;
    }
  }
  return tightest;
}

export class BufferSummary extends Component<BufferSummaryProps> {
  private root: HTMLElement | null = null;
  private unwatch: (() => void) | null = null;
  private readonly setRoot = (element: HTMLElement | null) => {
    this.root = element;
  };

  override componentDidMount(): void {
    this.unwatch = this.props.store.watchBuffer(null, () => {
      this.paint();
    });
    this.paint();
  }

  override componentDidUpdate(): void {
    this.paint();
  }

  override componentWillUnmount(): void {
    this.unwatch?.();
  }

  private paint(): void {
    const root = this.root;
    if (root === null) return;
    const tightest = tightestBuffer(this.props.store.percents());
    // No row with a buffer: no figure at all (never a 0 standing for "none").
    root.hidden = tightest === null;
    if (tightest === null) {
      delete root.dataset.value;
      return;
    }
    const { display } = this.props;
    root.dataset.value = tightest;
    (root.firstChild as Text).data = formatDecimal(tightest, {
      lang: display.lang,
      style: display.numberFormat,
      maxFractionDigits: 2,
    });
  }

  override render() {
    // The empty string is the text node paint() fills.
    return (
      <span class="num summary" data-testid="liq-summary" ref={this.setRoot}>
        {''}
        <span class="num-unit">%</span>
      </span>
    );
  }
}
