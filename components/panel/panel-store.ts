/**
 * The panel's live rows and buffers, by row key, so a mark tick redraws only what it moved
 * (design.md §6 CPU budget). A tick changes every row's exact buffer and, for an isolated position,
 * nothing else:
 * - a buffer is painted straight into its row's buffer line and the collapsed summary (no Preact);
 * - a row whose only change is its buffer keeps the object drawn before (row-merge.ts);
 * - a row that changed otherwise (a cross position's liquidation price) re-renders alone;
 * - only rows appearing, going or moving re-render the list.
 * The buffer line and the summary read their value here, never from a row object, which may be one
 * drawn before the buffer moved.
 */
import type { PanelRowView } from './panel-model';
import { mergeRows } from './row-merge';

/** Redraws one part (a buffer line, the summary, a row) from the store's current values. */
export type Redraw = () => void;

export interface StoreUpdate {
  /** The rows to draw, in view order. */
  readonly rows: readonly PanelRowView[];
  /** Rows appeared, went or moved: the list must re-render. */
  readonly listChanged: boolean;
  /** Keys of the rows that changed beyond their buffer (the list aside). */
  readonly changedRows: readonly string[];
}

export interface PanelStore {
  /** The row to draw for a key: the object drawn before while only its buffer moved. */
  row(key: string): PanelRowView | undefined;
  /** A row's buffer in percent of mark; null when it has none, undefined for an unknown key. */
  percent(key: string): string | null | undefined;
  /** Every row's buffer now (for the collapsed summary's tightest buffer). */
  percents(): Iterable<string | null>;
  /** The view's rows become current; every buffer that changed is painted at once. */
  set(rows: readonly PanelRowView[]): StoreUpdate;
  /** Re-renders these rows alone (when the list did not change). */
  redrawRows(keys: readonly string[]): void;
  /**
   * @param key a row's key, or null for any change (the summary)
   * @returns the unsubscribe
   */
  watchBuffer(key: string | null, paint: Redraw): () => void;
  watchRow(key: string, redraw: Redraw): () => void;
}

/** One part per key: a row has one buffer line and one row component (keys are unique). */
function registry() {
  const parts = new Map<string | null, Redraw>();
  return {
    run: (key: string | null) => parts.get(key)?.(),
    watch: (key: string | null, redraw: Redraw) => {
      parts.set(key, redraw);
      return () => {
        if (parts.get(key) === redraw) parts.delete(key);
      };
    },
  };
}

export function createPanelStore(): PanelStore {
  let drawn: readonly PanelRowView[] = [];
  /** `drawn` by key, and the rows last set by key (mergeRows knows them alike without comparing). */
  let rows = new Map<string, PanelRowView>();
  let lastFresh = new Map<string, PanelRowView>();
  let percents = new Map<string, string | null>();
  const buffers = registry();
  const rowParts = registry();
  return {
    row: (key) => rows.get(key),
    percent: (key) => percents.get(key),
    percents: () => percents.values(),
    set(fresh) {
      const merged = mergeRows(drawn, fresh, rows, lastFresh);
      // The same keys in the same order (a tick): the maps are updated in place, none is rebuilt.
      const sameKeys = !merged.listChanged;
      const nextPercents = sameKeys ? percents : new Map<string, string | null>();
      const previousSize = percents.size;
      const changedBuffers: string[] = [];
      if (!sameKeys) {
        rows = new Map();
        lastFresh = new Map();
      }
      fresh.forEach((row, index) => {
        const percent = row.state.kind === 'estimate' ? row.state.bufferPercent : null;
        const drawnRow = merged.rows[index] ?? row;
        if (percents.get(row.key) !== percent) {
          changedBuffers.push(row.key);
          nextPercents.set(row.key, percent);
        } else if (!sameKeys) nextPercents.set(row.key, percent);
        // A tick's unchanged entries stay as they are: only what moved is written.
        if (!sameKeys || drawnRow !== drawn[index]) rows.set(row.key, drawnRow);
        lastFresh.set(row.key, row);
      });
      const anyBuffer = changedBuffers.length > 0 || nextPercents.size !== previousSize;
      drawn = merged.rows;
      percents = nextPercents;
      for (const key of changedBuffers) buffers.run(key);
      if (anyBuffer) buffers.run(null);
      return merged;
    },
    redrawRows(keys) {
      for (const key of keys) rowParts.run(key);
    },
    watchBuffer: buffers.watch,
    watchRow: rowParts.watch,
  };
}
