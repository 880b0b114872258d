/**
 * What changed in a page's panel view since the view answered before (core/protocol.ts
 * ViewUpdate): a mark tick changes every row's buffer and, for a cross position, its liquidation
 * price and difference (they move with the other positions' PnL), and nothing else, so the reply
 * carries those figures per row instead of every row in full, and no keys while the order holds.
 */
import type { PanelRowView, PanelView, RowEstimateView } from '../../components/panel/panel-model';
import type { EstimateStatus, ViewRowFigures, ViewUpdate } from '../../core/protocol';

/** The rows of a view answered: in order, and by key. */
export interface ShownRows {
  readonly rows: readonly PanelRowView[];
  readonly byKey: ReadonlyMap<string, PanelRowView>;
}

export function shownRows(view: PanelView): ShownRows {
  return { rows: view.rows, byKey: new Map(view.rows.map((row) => [row.key, row])) };
}

type Figures = ViewRowFigures<RowEstimateView>;

/**
 * The estimate figures that differ between two rows alike in everything else; null when more than
 * figures differ (another symbol, side, leverage or mode, a state of another kind or shape): the
 * row then travels in full. Every field but the state is a string or null, every figure a string,
 * null, boolean or number, so identity is equality; a field of any other kind compares unequal and
 * sends the row in full (never a wrong view, at worst a larger reply).
 */
function figuresOf(before: PanelRowView, row: PanelRowView): Figures | null {
  const fields = Object.keys(row) as (keyof PanelRowView)[];
  if (fields.length !== Object.keys(before).length) return null;
  for (const field of fields) {
    if (field !== 'state' && row[field] !== before[field]) return null;
  }
  const was = before.state;
  const now = row.state;
  if (was.kind !== 'estimate' || now.kind !== 'estimate') return null;
  const figures = Object.keys(now) as (keyof RowEstimateView)[];
  if (figures.length !== Object.keys(was).length) return null;
  const changed: Record<string, unknown> = { key: row.key };
  for (const figure of figures) {
    if (!Object.hasOwn(was, figure)) return null;
    if (now[figure] !== was[figure]) changed[figure] = now[figure];
  }
  return changed as Figures;
}

function sameOrder(shown: readonly PanelRowView[], rows: readonly PanelRowView[]): boolean {
  return shown.length === rows.length && rows.every((row, index) => row.key === shown[index]?.key);
}

/**
 * @param shown the view the page shows (the reply to request `base`)
 * @param view the view now
 */
export function viewUpdate(
  shown: ShownRows,
  view: PanelView,
  base: number,
): ViewUpdate<PanelRowView, RowEstimateView> {
  const rows: PanelRowView[] = [];
  const figures: Figures[] = [];
  for (const row of view.rows) {
    const before = shown.byKey.get(row.key);
    if (before === row) continue; // the pipeline kept the row: its inputs did not change
    const changed = before === undefined ? null : figuresOf(before, row);
    if (changed === null) rows.push(row);
    else if (Object.keys(changed).length > 1) figures.push(changed); // more than the key
  }
  return {
    base,
    // The pipeline's statuses are the page's; 'failed' is a complete view, never an update.
    status: view.status as EstimateStatus,
    ...(sameOrder(shown.rows, view.rows) ? {} : { keys: view.rows.map((row) => row.key) }),
    rows,
    figures,
  };
}
