/**
 * Build step (wxt.config.ts): removes the adapters' documentation from the shipped code. Each
 * adapter records, for reviewers and tests, where each fact comes from (`note`), pages it was
 * written against (`examples`) and when it was checked (`verified`); nothing at run time reads
 * them (tests/adapters/strip-docs.test.ts checks the source), and they were ≈ 2 kB of the 40 kB
 * gzip content-script budget (design.md §6). Tests run on the sources, with the documentation.
 *
 * The adapters write these properties in one shape only: `note: '…'` (or a NOTE constant),
 * `verified: '…'`, `examples: ['…', …]`. Anything else named so is left alone, and a file that
 * still holds one after stripping is reported by the caller.
 */

/** Single-quoted literal (escapes allowed), or an UPPER_CASE constant. */
const NOTE = /\bnote:\s*(?:'(?:[^'\\\n]|\\.)*'|[A-Z][A-Z0-9_]*)\s*,?/g;
const VERIFIED = /\bverified:\s*'[^'\\\n]*'\s*,?/g;
const EXAMPLES = /\bexamples:\s*\[(?:\s*'[^'\\\n]*'\s*,?)*\s*\]\s*,?/g;
/** A documentation property in any shape (for the caller's check that none is left). */
export const ANY_DOC_PROPERTY = /\b(?:note|verified|examples):\s*\S/;

/**
 * @param code an adapter module's source
 * @returns the source without its documentation properties, and how many were removed
 */
export function stripAdapterDocs(code: string): { code: string; removed: number } {
  let removed = 0;
  const strip = (source: string, pattern: RegExp) =>
    source.replace(pattern, () => {
      removed += 1;
      return '';
    });
  return { code: strip(strip(strip(code, NOTE), VERIFIED), EXAMPLES), removed };
}
