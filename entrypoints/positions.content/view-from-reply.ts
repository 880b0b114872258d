/**
 * The panel view an estimate reply describes (core/protocol.ts EstimateReply): a complete view as
 * it came, or a view update applied to the rows shown. Rows the update leaves alone keep their
 * object, so the panel skips them without comparing (components/panel/row-merge.ts).
 */
import type { PanelRowView, PanelView } from '../../components/panel/panel-model';
import { isRecord } from '../../core/plain-data';
import type { ViewRowBuffer, ViewUpdate } from '../../core/protocol';

/** The view shown: its request's seq and its rows by key. */
export interface ShownView {
  readonly seq: number;
  readonly rows: ReadonlyMap<string, PanelRowView>;
}

function withBuffer(row: PanelRowView | undefined, buffer: ViewRowBuffer | undefined) {
  if (row === undefined || buffer === undefined) return row;
  if (row.state.kind !== 'estimate') return undefined;
  const { bufferPercent, bufferPrice } = buffer;
  return { ...row, state: { ...row.state, bufferPercent, bufferPrice } };
}

/**
 * @param reply our background's answer (checked for shape only: it is not page input)
 * @param page the site the request was for (an update does not repeat it)
 * @param shown the view shown now; null after a failure (an update cannot apply)
 * @returns the view, or null when the reply is malformed or updates a view not shown
 */
export function viewFromReply(
  reply: unknown,
  page: { readonly siteId: string; readonly siteLabel: string },
  shown: ShownView | null,
): PanelView | null {
  if (!isRecord(reply)) return null;
  const { view, update } = reply as { view?: unknown; update?: ViewUpdate<PanelRowView> };
  if (isRecord(view)) {
    return Array.isArray(view.rows) && typeof view.status === 'string'
      ? (view as unknown as PanelView)
      : null;
  }
  if (!isRecord(update) || shown === null || update.base !== shown.seq) return null;
  const full = new Map(update.rows.map((row) => [row.key, row]));
  const buffers = new Map(update.buffers.map((buffer) => [buffer.key, buffer]));
  const rows: PanelRowView[] = [];
  for (const key of update.keys) {
    const row = full.get(key) ?? withBuffer(shown.rows.get(key), buffers.get(key));
    if (row === undefined) return null;
    rows.push(row);
  }
  return { siteId: page.siteId, siteLabel: page.siteLabel, status: update.status, rows };
}
