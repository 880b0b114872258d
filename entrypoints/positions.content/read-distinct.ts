/**
 * Whether the rows of a table still all differ, tick after tick, without comparing whole rows.
 *
 * A full read skips a row whose cell texts, joined, equal an earlier row's (read-table.ts,
 * read-div-grid.ts: virtualised lists and fixed columns render copies). The incremental reader
 * must notice when a tick makes one row a copy of another, and leave it to the full read.
 *
 * Each row gets an anchor: a column where no other row shows its text. While no row's text in that
 * column changes, the row cannot equal another, whatever else ticks. Mark prices and PnL tick; a
 * symbol, size or entry price rarely does, so a tick's check is one array lookup per changed row.
 * A row without an anchor (alike in every quiet column) is compared with every row when it changes.
 */

/**
 * Joins the cell texts of a row signature (read-table.ts, read-div-grid.ts). A text holding it
 * could make two different rows join equal: such rows are left to the full read, so that equal
 * joined texts and equal texts cell by cell mean the same here.
 */
const SIGNATURE_SEPARATOR = '\u0001';

/** A row as the tracker sees it: its cell texts (the incremental reader's row memos). */
interface RowTexts {
  readonly texts: readonly string[];
}

export interface DistinctRows {
  /**
   * @param rows - every row, with its texts now.
   * @param changed - the rows whose texts changed since the last call → their changed cells (as
   *   keys: the incremental reader's cell → old text maps).
   * @returns false when a changed row may now equal another row (or holds the separator).
   */
  stillDistinct(
    rows: readonly RowTexts[],
    changed: ReadonlyMap<number, ReadonlyMap<number, unknown>>,
  ): boolean;
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * @param rows - the rows' texts as the full read found them.
 * @returns the tracker, or null when a text holds the separator or two rows are equal (the full
 *   read skips copies, so never: defensive).
 */
export function trackDistinct(rows: readonly RowTexts[]): DistinctRows | null {
  /** Per column, how many rows showed each text at the full read: true while the column is quiet. */
  const counts: Map<string, number>[] = [];
  const signatures = new Set<string>();
  for (const { texts } of rows) {
    texts.forEach((text, column) => {
      const inColumn = (counts[column] ??= new Map());
      inColumn.set(text, (inColumn.get(text) ?? 0) + 1);
    });
    if (texts.some((text) => text.includes(SIGNATURE_SEPARATOR))) return null;
    signatures.add(texts.join(SIGNATURE_SEPARATOR));
  }
  if (signatures.size !== rows.length) return null;
  /** Per column, whether some row's text in it changed since the full read. */
  const moved: boolean[] = [];
  /** A quiet column where only this row shows its text (its texts there are as counted). */
  const anchorOf = (texts: readonly string[]): number =>
    texts.findIndex((text, column) => moved[column] !== true && counts[column]?.get(text) === 1);
  const anchors = rows.map(({ texts }) => anchorOf(texts));

  return {
    stillDistinct(now, changed) {
      // forEach, not for-of over entries: no entry arrays or iterators on every tick (allocations.ts).
      const answer = { distinct: true };
      changed.forEach((columns, row) => {
        columns.forEach((_, column) => {
          if (!answer.distinct) return;
          if ((now[row]?.texts[column] ?? '').includes(SIGNATURE_SEPARATOR)) {
            answer.distinct = false;
            return;
          }
          if (moved[column] === true) return;
          moved[column] = true;
          // Rows anchored there look for another quiet column (their texts there are unchanged).
          anchors.forEach((anchor, other) => {
            if (anchor === column) anchors[other] = anchorOf(now[other]?.texts ?? []);
          });
        });
      });
      if (!answer.distinct) return false;
      changed.forEach((_, row) => {
        if (!answer.distinct || (anchors[row] ?? -1) >= 0) return;
        const texts = now[row]?.texts ?? [];
        if (now.some((other, index) => index !== row && sameTexts(other.texts, texts))) {
          answer.distinct = false;
        }
      });
      return answer.distinct;
    },
  };
}
