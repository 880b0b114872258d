/**
 * Which rows a new view really changes. A mark tick changes every row's exact buffer, and a cross
 * position's liquidation price and difference too (the others' PnL moved); a row whose only
 * changes are such painted values keeps the object drawn last time, so Preact skips it and the
 * panel store paints the new figures (panel-store.ts). A row alike the one merged last time but
 * for its painted values is found so one level deep; any other is compared field by field (no JSON).
 */
import { samePlain } from '../../core/plain-data';
import type { PanelRowView, RowEstimateView } from './panel-model';

/**
 * Values painted straight into the markup (buffer-line.tsx, panel-row.tsx EstimateCells): they
 * move on a tick without a render. Whether there is one changes the row's markup, so their
 * presence is compared, their value is not.
 */
const PAINTED_FIELDS: ReadonlySet<string> = new Set([
  'bufferPercent',
  'bufferPrice',
  'liquidationPrice',
  'differencePercent',
] satisfies (keyof RowEstimateView)[]);

/** Equal as plain data, counting only the presence of a painted value, not the value. */
export function sameExceptPainted(a: unknown, b: unknown): boolean {
  return samePlain(a, b, (key, left, right) =>
    PAINTED_FIELDS.has(key) ? (left === null) === (right === null) : undefined,
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
 * Whether two estimate rows are alike but for their painted values, one level deep, by identity:
 * every such field is a string, number, boolean or null, so identity is equality and the answer
 * is exact. undefined for any other row (a problems row holds arrays): the caller then compares
 * deeply. Used against the row merged last time, which the drawn row equals but for buffer
 * values, so a mark tick needs no deep comparison (a recursion with a callback per field, per
 * row, per tick).
 */
function alikeButPainted(last: PanelRowView, row: PanelRowView): boolean | undefined {
  const before = last.state;
  const now = row.state;
  if (before.kind !== 'estimate' || now.kind !== 'estimate') return undefined;
  // Indexed loops: no iterator object per row per tick (a heap sampling counted ≈7 kB a tick).
  for (let index = 0; index < ROW_FIELDS.length; index += 1) {
    const field = ROW_FIELDS[index] as keyof PanelRowView;
    if (field !== 'state' && row[field] !== last[field]) return false;
  }
  for (let index = 0; index < ESTIMATE_FIELDS.length; index += 1) {
    const field = ESTIMATE_FIELDS[index] as keyof RowEstimateView;
    const alike = PAINTED_FIELDS.has(field)
      ? (now[field] === null) === (before[field] === null)
      : now[field] === before[field];
    if (!alike) return false;
  }
  return true;
}

export interface MergedRows {
  /** The rows to draw: last time's object wherever only painted values moved. */
  readonly rows: readonly PanelRowView[];
  /** Rows appeared, went or moved (keys in a different order). */
  readonly listChanged: boolean;
  /** Keys of the rows drawn before whose content changed beyond their painted values. */
  readonly changedRows: readonly string[];
}

/**
 * @param drawn the rows drawn last time
 * @param fresh the rows of the new view
 * @param drawnByKey `drawn` by key, when the caller keeps it (built here otherwise)
 * @param lastFresh the rows of the view merged last time, by key: a row that is one of them, or
 *   alike one but for its painted values (one level deep), is alike the drawn row
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
    // The drawn row is the last fresh one but for its painted values (this function made it so).
    const last = lastFresh?.get(row.key);
    const alike = last === undefined ? undefined : row === last ? true : alikeButPainted(last, row);
    if (alike ?? sameExceptPainted(before, row)) return before;
    changedRows.push(row.key);
    return row;
  });
  return { rows, listChanged, changedRows };
}
