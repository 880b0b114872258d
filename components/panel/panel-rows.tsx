/**
 * The panel's list of positions. A row re-renders only when its own content changed, and then
 * alone (panel-store.ts): a row whose buffer alone moved is not rendered at all, its figure is
 * painted. A long list is drawn over a few frames (use-progressive.ts).
 */
import { Component } from 'preact';
import type { PanelDisplay, PanelRowView } from './panel-model';
import { PanelRow, type PanelRowProps } from './panel-row';
import type { PanelStore } from './panel-store';
import { useProgressiveCount } from './use-progressive';

class StableRow extends Component<PanelRowProps> {
  private unwatch: (() => void) | null = null;

  override componentDidMount(): void {
    // A row keeps its key (the list is keyed by it) and the panel its store.
    this.unwatch = this.props.store.watchRow(this.props.row.key, () => {
      this.forceUpdate();
    });
  }

  override componentWillUnmount(): void {
    this.unwatch?.();
  }

  override shouldComponentUpdate(next: PanelRowProps): boolean {
    const current = this.props;
    return (
      next.row !== current.row ||
      next.display !== current.display ||
      next.onOpenCalculator !== current.onOpenCalculator ||
      next.store !== current.store
    );
  }

  override render() {
    const { store, row } = this.props;
    // The store's row is the newest when the row re-renders alone, without the list.
    return <PanelRow {...this.props} row={store.row(row.key) ?? row} />;
  }
}

export interface PanelRowsProps {
  readonly rows: readonly PanelRowView[];
  readonly display: PanelDisplay;
  readonly store: PanelStore;
  readonly onOpenCalculator: (row: PanelRowView) => void;
}

export function PanelRows({ rows, display, store, onOpenCalculator }: PanelRowsProps) {
  // The first rows fill the visible panel at once; the rest follow in the next frames.
  const count = useProgressiveCount(rows.length);
  return (
    <ul class="rows">
      {rows.slice(0, count).map((row) => (
        <StableRow
          key={row.key}
          row={row}
          display={display}
          store={store}
          onOpenCalculator={onOpenCalculator}
        />
      ))}
    </ul>
  );
}
