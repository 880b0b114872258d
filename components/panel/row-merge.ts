/**
 * Which rows a new view really changes. A mark tick changes every row's exact buffer; a row whose
 * only change is its buffer keeps the object drawn last time, so Preact skips it and the panel
 * store paints the new figure (panel-store.ts). A row alike the one merged last time but for its
 * buffer values is found so one level deep; any other is compared field by field (no JSON).
 */
import { samePlain } from '../../core/plain-data';
import type { PanelRowView, RowEstimateView } from './panel-model';

/** The buffer's value moves on every tick; whether there is one changes the row's markup. */
const BUFFER_FIELDS: ReadonlySet<string> = new Set(['bufferPercent', 'bufferPrice']);

/** Equal as plain data, counting only the presence of a buffer, not its value. */
export function sameExceptBuffer(a: unknown, b: unknown): boolean {
  return samePlain(a, b, (key, left, right) =>
    BUFFER_FIELDS.has(key) ? (left === null) === (right === null) : undefined,
  );
}

/**
 * Every field of a row and of its estimate, so the shallow check below cannot miss one: the
 * compiler rejects these lists when the model gains or loses a field.
 */
const ROW_FIELDS = Object.keys({
  key: true,
  symbol: true,
  side: true,
  leverage: true,
  marginMode: true,
  state: true,
} satisfies Record<keyof PanelRowView, true>) as readonly (keyof PanelRowView)[];
const ESTIMATE_FIELDS = Object.keys({
  kind: true,
  liquidationPrice: true,
  platformLiquidationPrice: true,
  differencePercent: true,
  agrees: true,
  bufferPercent: true,
  bufferPrice: true,
  priceDecimals: true,
} satisfies Record<keyof RowEstimateView, true>) as readonly (keyof RowEstimateView)[];

/**
 * Whether two estimate rows are alike but for their buffer values, one level deep, by identity:
 * every such field is a string, number, boolean or null, so identity is equality and the answer
 * is exact. undefined for any other row (a problems row holds arrays): the caller then compares
 * deeply. Used against the row merged last time, which the drawn row equals but for buffer
 * values, so a mark tick needs no deep comparison (a recursion with a callback per field, per
 * row, per tick).
 */
function alikeButBuffer(last: PanelRowView, row: PanelRowView): boolean | undefined {
  const before = last.state;
  const now = row.state;
  if (before.kind !== 'estimate' || now.kind !== 'estimate') return undefined;
  for (const field of ROW_FIELDS) {
    if (field !== 'state' && row[field] !== last[field]) return false;
  }
  for (const field of ESTIMATE_FIELDS) {
    const alike = BUFFER_FIELDS.has(field)
      ? (now[field] === null) === (before[field] === null)
      : now[field] === before[field];
    if (!alike) return false;
  }
  return true;
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
 *   alike one but for its buffer values (one level deep), is alike the drawn row
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
    const alike = last === undefined ? undefined : row === last ? true : alikeButBuffer(last, row);
    if (alike ?? sameExceptBuffer(before, row)) return before;
    changedRows.push(row.key);
    return row;
  });
  return { rows, listChanged, changedRows };
}
