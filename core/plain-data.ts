/**
 * Checks on plain data (what crosses a message port or comes out of storage: strings, numbers,
 * booleans, null, arrays and plain objects), shared by the page, the background and the popup.
 */

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep equality of plain data.
 * @param sameField decides a field by its key instead of comparing it deeply (at any depth);
 *   undefined from it means "compare deeply"
 */
export function samePlain(
  a: unknown,
  b: unknown,
  sameField?: (key: string, left: unknown, right: unknown) => boolean | undefined,
): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every(
      (key) =>
        sameField?.(key, left[key], right[key]) ??
        (Object.hasOwn(right, key) && samePlain(left[key], right[key], sameField)),
    )
  );
}
