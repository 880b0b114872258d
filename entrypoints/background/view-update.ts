/**
 * What changed in a page's panel view since the view answered before (core/protocol.ts
 * ViewUpdate): a mark tick changes every row's buffer and, for an isolated position, nothing else,
 * so the reply carries one buffer per row instead of every row in full.
 */
import type { PanelRowView, PanelView } from '../../components/panel/panel-model';
import { sameExceptBuffer } from '../../components/panel/row-merge';
import type { EstimateStatus, ViewRowBuffer, ViewUpdate } from '../../core/protocol';

/**
 * @param shown the rows of the view the page shows, by key (the reply to request `base`)
 * @param view the view now
 */
export function viewUpdate(
  shown: ReadonlyMap<string, PanelRowView>,
  view: PanelView,
  base: number,
): ViewUpdate<PanelRowView> {
  const rows: PanelRowView[] = [];
  const buffers: ViewRowBuffer[] = [];
  for (const row of view.rows) {
    const before = shown.get(row.key);
    if (before === row) continue; // the pipeline kept the row: its inputs did not change
    if (
      before?.state.kind === 'estimate' &&
      row.state.kind === 'estimate' &&
      sameExceptBuffer(before, row)
    ) {
      const { bufferPercent, bufferPrice } = row.state;
      if (bufferPercent !== before.state.bufferPercent || bufferPrice !== before.state.bufferPrice)
        buffers.push({ key: row.key, bufferPercent, bufferPrice });
      continue;
    }
    rows.push(row);
  }
  return {
    base,
    // The pipeline's statuses are the page's; 'failed' is a complete view, never an update.
    status: view.status as EstimateStatus,
    keys: view.rows.map((row) => row.key),
    rows,
    buffers,
  };
}
