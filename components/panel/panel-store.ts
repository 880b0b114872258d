/**
 * The panel's live rows, buffers and figures, by row key, so a mark tick redraws only what it moved
 * (design.md §6 CPU budget). A tick changes every row's exact buffer and, for a cross position, its
 * liquidation price and difference (the others' PnL moved), and nothing else:
 * - a buffer is painted straight into its row's buffer line and the collapsed summary, a cross
 *   position's figures into its figure cells (no Preact);
 * - a row whose only changes are such painted values keeps the object drawn before (row-merge.ts);
 * - a row that changed otherwise (a figure appearing or going, the platform's figure, the flag)
 *   re-renders alone;
 * - only rows appearing, going or moving re-render the list.
 * The painted parts read their values here, never from a row object, which may be one drawn
 * before the values moved.
 */
import type { PanelRowView, RowEstimateView } from './panel-model';
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
  /** A row's estimate now (its figures may be newer than the drawn row's); undefined if none. */
  estimate(key: string): RowEstimateView | undefined;
  /** The view's rows become current; every buffer that changed is painted at once. */
  set(rows: readonly PanelRowView[]): StoreUpdate;
  /** Re-renders these rows alone (when the list did not change). */
  redrawRows(keys: readonly string[]): void;
  /**
   * @param key a row's key, or null for any change (the summary)
   * @returns the unsubscribe
   */
  watchBuffer(key: string | null, paint: Redraw): () => void;
  /** Paints a row's liquidation price and difference when they moved without a render. */
  watchFigures(key: string, paint: Redraw): () => void;
  watchRow(key: string, redraw: Redraw): () => void;
}

/** Whether a row kept as drawn has figures to paint: our liquidation price or the difference moved. */
function figuresMoved(before: PanelRowView | undefined, now: PanelRowView): boolean {
  const was = before?.state;
  const is = now.state;
  return (
    was?.kind === 'estimate' &&
    is.kind === 'estimate' &&
    (was.liquidationPrice !== is.liquidationPrice || was.differencePercent !== is.differencePercent)
  );
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
  const figureParts = registry();
  const rowParts = registry();
  return {
    row: (key) => rows.get(key),
    percent: (key) => percents.get(key),
    percents: () => percents.values(),
    estimate(key) {
      const state = lastFresh.get(key)?.state;
      return state?.kind === 'estimate' ? state : undefined;
    },
    set(fresh) {
      const merged = mergeRows(drawn, fresh, rows, lastFresh);
      const previousFresh = lastFresh;
      // The same keys in the same order (a tick): the maps are updated in place, none is rebuilt.
      const sameKeys = !merged.listChanged;
      const nextPercents = sameKeys ? percents : new Map<string, string | null>();
      const previousSize = percents.size;
      const changedBuffers: string[] = [];
      const movedFigures: string[] = [];
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
        // Kept as drawn, its new figures are painted (a row drawn anew shows its own).
        if (drawnRow !== row && figuresMoved(previousFresh.get(row.key), row)) {
          movedFigures.push(row.key);
        }
        lastFresh.set(row.key, row);
      });
      const anyBuffer = changedBuffers.length > 0 || nextPercents.size !== previousSize;
      drawn = merged.rows;
      percents = nextPercents;
      for (const key of changedBuffers) buffers.run(key);
      if (anyBuffer) buffers.run(null);
      for (const key of movedFigures) figureParts.run(key);
      return merged;
    },
    redrawRows(keys) {
      for (const key of keys) rowParts.run(key);
    },
    watchBuffer: buffers.watch,
    watchFigures: figureParts.watch,
    watchRow: rowParts.watch,
  };
}
