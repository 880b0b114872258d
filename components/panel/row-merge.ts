/**
 * Which rows a new view really changes. A mark tick changes every row's exact buffer; a row whose
 * only change is its buffer keeps the object drawn last time, so Preact skips it and the panel
 * store paints the new figure (panel-store.ts). A row the page made from the last one by new
 * buffer values alone (view-from-reply.ts), or that last row itself, is known alike without a
 * comparison; any other is compared field by field (no JSON).
 */
import { samePlain } from '../../core/plain-data';
import type { PanelRowView } from './panel-model';

/** The buffer's value moves on every tick; whether there is one changes the row's markup. */
const BUFFER_FIELDS: ReadonlySet<string> = new Set(['bufferPercent', 'bufferPrice']);

/** Equal as plain data, counting only the presence of a buffer, not its value. */
export function sameExceptBuffer(a: unknown, b: unknown): boolean {
  return samePlain(a, b, (key, left, right) =>
    BUFFER_FIELDS.has(key) ? (left === null) === (right === null) : undefined,
  );
}

/**
 * Rows made from another by new buffer values alone (neither appearing nor going), to the row
 * they were made from. Weak: a row forgotten by the page and the panel leaves with its entry.
 */
const bufferMoves = new WeakMap<PanelRowView, PanelRowView>();

/**
 * Records that `next` is `from` with other buffer values and nothing else changed (the caller
 * made it so), so mergeRows keeps the drawn row without comparing.
 */
export function recordBufferMove(next: PanelRowView, from: PanelRowView): void {
  bufferMoves.set(next, from);
}

export interface MergedRows {
  /** The rows to draw: last time's object wherever only the buffer moved. */
  readonly rows: readonly PanelRowView[];
  /** Rows appeared, went or moved (keys in a different order). */
  readonly listChanged: boolean;
  /** Keys of the rows drawn before whose content changed beyond the buffer. */
  readonly changedRows: readonly string[];
}

/**
 * @param drawn the rows drawn last time
 * @param fresh the rows of the new view
 * @param drawnByKey `drawn` by key, when the caller keeps it (built here otherwise)
 * @param lastFresh the rows of the view merged last time, by key: a row that is one of them, or
 *   was made from one by a buffer move, is alike the drawn row without a comparison
 */
export function mergeRows(
  drawn: readonly PanelRowView[],
  fresh: readonly PanelRowView[],
  drawnByKey: ReadonlyMap<string, PanelRowView> = new Map(drawn.map((row) => [row.key, row])),
  lastFresh?: ReadonlyMap<string, PanelRowView>,
): MergedRows {
  let listChanged = drawn.length !== fresh.length;
  const changedRows: string[] = [];
  const rows = fresh.map((row, index) => {
    if (drawn[index]?.key !== row.key) listChanged = true;
    const before = drawnByKey.get(row.key);
    if (before === undefined) return row;
    // The drawn row is the last fresh one but for its buffer values (this function made it so).
    const last = lastFresh?.get(row.key);
    if (last !== undefined && (row === last || bufferMoves.get(row) === last)) return before;
    if (sameExceptBuffer(before, row)) return before;
    changedRows.push(row.key);
    return row;
  });
  return { rows, listChanged, changedRows };
}
