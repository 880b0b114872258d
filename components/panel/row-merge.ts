/**
 * Which rows a new view really changes. A mark tick changes every row's exact buffer; a row whose
 * only change is its buffer keeps the object drawn last time, so Preact skips it and the panel
 * store paints the new figure (panel-store.ts). Compared field by field (no JSON): this runs for
 * every row on every tick.
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
 */
export function mergeRows(
  drawn: readonly PanelRowView[],
  fresh: readonly PanelRowView[],
): MergedRows {
  const byKey = new Map(drawn.map((row) => [row.key, row]));
  let listChanged = drawn.length !== fresh.length;
  const changedRows: string[] = [];
  const rows = fresh.map((row, index) => {
    if (drawn[index]?.key !== row.key) listChanged = true;
    const before = byKey.get(row.key);
    if (before === undefined) return row;
    if (sameExceptBuffer(before, row)) return before;
    changedRows.push(row.key);
    return row;
  });
  return { rows, listChanged, changedRows };
}
