/**
 * The smallest estimate request the background can apply (core/protocol.ts EstimateRequest): the
 * rows new or changed since the rows it holds, a row whose cell texts alone changed as a patch of
 * those texts. A mark tick then clones a price per row instead of every row with its context.
 */
import { samePlain } from '../../core/plain-data';
import type { EstimateRow, EstimateRowPatch } from '../../core/protocol';

/**
 * The texts that changed between two reads of one row: undefined when none did, null when more
 * than texts changed (a field appeared or went, a problem, the context): the row then travels in
 * full. for-in rather than key arrays: this runs for every row on every tick.
 */
function patchOf(held: EstimateRow, next: EstimateRow): Record<string, string> | null | undefined {
  if (!samePlain(held.problems, next.problems) || !samePlain(held.context, next.context)) {
    return null;
  }
  let patch: Record<string, string> | undefined;
  let fields = 0;
  for (const field in next.raw) {
    fields += 1;
    const text = next.raw[field];
    const before = held.raw[field];
    if (text === undefined || before === undefined) return null;
    if (text !== before) (patch ??= {})[field] = text;
  }
  return fields === Object.keys(held.raw).length ? patch : null;
}

/**
 * @param held the rows the background holds, by key
 * @param rows the page's rows now
 * @returns the rows to send with an update of `held`: new or reshaped rows in full, rows whose
 *   texts changed as patches; unchanged rows are left out
 */
export function changedRows(
  held: ReadonlyMap<string, EstimateRow>,
  rows: readonly EstimateRow[],
): (EstimateRow | EstimateRowPatch)[] {
  const changes: (EstimateRow | EstimateRowPatch)[] = [];
  for (const row of rows) {
    const before = held.get(row.key);
    if (before === row) continue; // handed on unchanged (request-rows.ts)
    const patch = before === undefined ? null : patchOf(before, row);
    if (patch === null) changes.push(row);
    else if (patch !== undefined) changes.push({ key: row.key, patch });
  }
  return changes;
}
