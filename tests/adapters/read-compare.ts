/**
 * Comparing two reads of a page (read-incremental.test.ts, read-sliced.test.ts): everything a read
 * answers must be equal, its elements the very same nodes. Elements are checked by identity, never
 * handed to a matcher: a failing match prints and diffs whole DOM trees (a heap's worth).
 */
import { expect } from 'vitest';
import type { Adapter } from '../../entrypoints/positions.content/adapters/types';
import { readPositions, type ReadResult } from '../../entrypoints/positions.content/read';

/** Everything a read answers, elements left out (compared by identity in expectSameRead). */
export function comparable(result: ReadResult) {
  return {
    status: result.status,
    adapterId: result.adapterId,
    account: result.account,
    numberFormat: result.numberFormat,
    rows: result.rows.map(({ key, raw, problems, sideSource }) => ({
      key,
      raw,
      problems,
      sideSource,
    })),
  };
}

/** `actual` answers what `expected` does, over the same positions area and row elements. */
export function expectSameRead(actual: ReadResult, expected: ReadResult): void {
  expect(comparable(actual)).toEqual(comparable(expected));
  expect(actual.positionsArea === expected.positionsArea, 'the same positions area').toBe(true);
  expect(actual.rows.map((row, index) => row.element === expected.rows[index]?.element)).toEqual(
    expected.rows.map(() => true),
  );
}

/** The answer must equal a fresh full read of the page as it is now. */
export function expectSameAsFull(
  actual: ReadResult,
  page: { readonly document: Document; readonly adapter: Adapter },
): void {
  expectSameRead(actual, readPositions(page.document, page.adapter));
}
