/**
 * The panel view an estimate reply describes (core/protocol.ts EstimateReply): a complete view as
 * it came, or a view update applied to the view shown. Rows the update leaves alone keep their
 * object, and a row with new figures keeps every other field's value, so the panel tells both
 * apart from real changes without a deep comparison (components/panel/row-merge.ts). While the
 * keys keep their order (every mark tick) the shown rows' positions are reused: nothing is
 * indexed again.
 */
import type { PanelRowView, PanelView, RowEstimateView } from '../../components/panel/panel-model';
import { isRecord } from '../../core/plain-data';
import type { ViewRowFigures, ViewUpdate } from '../../core/protocol';

/** The view shown: its request's seq, the view, and each row's position in it by key. */
export interface ShownView {
  readonly seq: number;
  readonly view: PanelView;
  readonly indexOf: ReadonlyMap<string, number>;
}

/** The view shown after request `seq` was answered with `view` (a complete view). */
export function shownView(seq: number, view: PanelView): ShownView {
  return { seq, view, indexOf: indexOf(view.rows) };
}

type Figures = ViewRowFigures<RowEstimateView>;

/** A figure the reply leaves out is unchanged (JSON carries no undefined). */
function figure<T>(changed: T | undefined, before: T): T {
  return changed === undefined ? before : changed;
}

/**
 * The shown row with the new figures; undefined when it has no estimate to change. The state is
 * written out field by field (a literal of the model's shape, checked by the compiler when the
 * model changes) rather than copied and patched by name: 3x cheaper per row in V8.
 */
function withFigures(row: PanelRowView | undefined, figures: Figures): PanelRowView | undefined {
  if (row?.state.kind !== 'estimate') return undefined;
  const before = row.state;
  const state: RowEstimateView = {
    kind: 'estimate',
    liquidationPrice: figure(figures.liquidationPrice, before.liquidationPrice),
    platformLiquidationPrice: figure(
      figures.platformLiquidationPrice,
      before.platformLiquidationPrice,
    ),
    differencePercent: figure(figures.differencePercent, before.differencePercent),
    agrees: figure(figures.agrees, before.agrees),
    bufferPercent: figure(figures.bufferPercent, before.bufferPercent),
    bufferPrice: figure(figures.bufferPrice, before.bufferPrice),
    priceDecimals: figure(figures.priceDecimals, before.priceDecimals),
  };
  return { ...row, state };
}

/**
 * @param reply our background's answer (checked for shape only: it is not page input)
 * @param page the request's seq and site (an update does not repeat the site)
 * @param shown the view shown now; null after a failure (an update cannot apply)
 * @returns the view now shown, or null when the reply is malformed or updates a view not shown
 */
export function viewFromReply(
  reply: unknown,
  page: { readonly seq: number; readonly siteId: string; readonly siteLabel: string },
  shown: ShownView | null,
): ShownView | null {
  if (!isRecord(reply)) return null;
  const { view, update } = reply as {
    view?: unknown;
    update?: ViewUpdate<PanelRowView, RowEstimateView>;
  };
  if (isRecord(view)) {
    return Array.isArray(view.rows) && typeof view.status === 'string'
      ? shownView(page.seq, view as unknown as PanelView)
      : null;
  }
  if (!isRecord(update) || shown === null || update.base !== shown.seq) return null;
  const { keys } = update;
  const rows =
    keys === undefined ? shownRowsAgain(shown, update) : rowsInOrder(shown, keys, update);
  if (rows === null) return null;
  const next: PanelView = {
    siteId: page.siteId,
    siteLabel: page.siteLabel,
    status: update.status,
    rows,
  };
  return { seq: page.seq, view: next, indexOf: keys === undefined ? shown.indexOf : indexOf(rows) };
}

function indexOf(rows: readonly PanelRowView[]): ReadonlyMap<string, number> {
  return new Map(rows.map((row, index) => [row.key, index]));
}

/** The rows shown, in their order, with the update's rows and figures in their places. */
function shownRowsAgain(
  shown: ShownView,
  update: ViewUpdate<PanelRowView, RowEstimateView>,
): PanelRowView[] | null {
  const rows = shown.view.rows.slice();
  for (const row of update.rows) {
    const index = shown.indexOf.get(row.key);
    if (index === undefined) return null;
    rows[index] = row;
  }
  for (const figures of update.figures) {
    const index = shown.indexOf.get(figures.key);
    const row = index === undefined ? undefined : withFigures(rows[index], figures);
    if (index === undefined || row === undefined) return null;
    rows[index] = row;
  }
  return rows;
}

/** The rows in a new order of keys: each new in full, the one shown, or it with new figures. */
function rowsInOrder(
  shown: ShownView,
  keys: readonly string[],
  update: ViewUpdate<PanelRowView, RowEstimateView>,
): PanelRowView[] | null {
  const full = new Map(update.rows.map((row) => [row.key, row]));
  const figures = new Map(update.figures.map((each) => [each.key, each]));
  const rows: PanelRowView[] = [];
  for (const key of keys) {
    const index = shown.indexOf.get(key);
    const before = index === undefined ? undefined : shown.view.rows[index];
    const changed = figures.get(key);
    const row = full.get(key) ?? (changed === undefined ? before : withFigures(before, changed));
    if (row === undefined) return null;
    rows.push(row);
  }
  return rows;
}
