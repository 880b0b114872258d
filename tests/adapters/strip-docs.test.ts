/**
 * The build step that leaves the adapters' documentation out of the bundle
 * (entrypoints/positions.content/adapters/strip-docs.ts, wired in wxt.config.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  ANY_DOC_PROPERTY,
  stripAdapterDocs,
} from '../../entrypoints/positions.content/adapters/strip-docs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ADAPTERS = path.join(ROOT, 'entrypoints/positions.content/adapters');
const adapterModules = fs
  .readdirSync(ADAPTERS)
  .filter(
    (file) => file.endsWith('.ts') && !['types.ts', 'index.ts', 'strip-docs.ts'].includes(file),
  );

/** Syntax errors of a TypeScript source (no type check). */
function syntaxErrors(source: string): string[] {
  const output = ts.transpileModule(source, {
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return (output.diagnostics ?? []).map((diagnostic) =>
    ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
  );
}

describe('stripAdapterDocs', () => {
  it.each(adapterModules)(
    'removes every note, example and date of %s and leaves valid code',
    (file) => {
      const source = fs.readFileSync(path.join(ADAPTERS, file), 'utf8');
      const written = source.match(/\b(?:note|verified|examples):/g)?.length ?? 0;
      const { code, removed } = stripAdapterDocs(source);
      expect(written).toBeGreaterThan(0);
      expect(removed).toBe(written);
      expect(code.split('\n').filter((line) => ANY_DOC_PROPERTY.test(line))).toEqual([]);
      expect(syntaxErrors(code)).toEqual([]);
      // Only the documentation went: every css selector, label and path rule is still there.
      const selectors = (text: string) => text.match(/css: '[^']*'/g) ?? [];
      expect(selectors(code)).toEqual(selectors(source));
    },
  );

  it('removes the shapes the adapters use and leaves the rest of an object', () => {
    const source = [
      "const NOTE_X = 'x';",
      "const a = { css: 'td.size', note: '[C] it\\'s `Size (BTC)`' };",
      "const b = { scan: 'row', note: NOTE_X, relation: 'same-column' };",
      "const c = {\n  examples: [\n    'https://a.test/x',\n    'https://a.test/y',\n  ],\n  verified: '2026-09-21',\n  id: 'c',\n};",
    ].join('\n');
    const { code, removed } = stripAdapterDocs(source);
    expect(removed).toBe(4);
    expect(code).toMatch(/\{ css: 'td\.size',\s*\}/);
    expect(code).toMatch(/\{ scan: 'row',\s*relation: 'same-column' \}/);
    expect(code).toContain("id: 'c'");
    expect(code).not.toMatch(/note:|examples:|verified:/);
    expect(syntaxErrors(code)).toEqual([]);
  });

  it('leaves documentation in another shape for the build to report', () => {
    const { code } = stripAdapterDocs('const a = { note: `template ${1}`, examples: makeList() };');
    expect(code.split('\n').some((line) => ANY_DOC_PROPERTY.test(line))).toBe(true);
  });

  it('is safe because nothing at run time reads the documentation', () => {
    // The content script, popup and background code never read an adapter's note, examples or
    // verified date (the tests do, on the unstripped sources).
    const reads: string[] = [];
    const walk = (directory: string): void => {
      for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name)) {
          const text = fs.readFileSync(full, 'utf8');
          for (const match of text.matchAll(/\.(?:note|examples|verified)\b/g)) {
            reads.push(`${path.relative(ROOT, full)}: ${match[0]}`);
          }
        }
      }
    };
    walk(path.join(ROOT, 'entrypoints'));
    walk(path.join(ROOT, 'components'));
    expect(reads).toEqual([]);
  });
});
