/**
 * Source-mapped names for the frames of a profile of our content script: the build with source
 * maps (tests/bench/wxt.sourcemap.config.ts, .output/bench-sourcemap; .output/chrome-mv3 is left
 * alone) and a labeller from a profile's call frame to "file:line function".
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const SOURCE_MAPPED_BUILD = path.join(ROOT, '.output/bench-sourcemap/chrome-mv3');

/** Builds the extension with source maps into SOURCE_MAPPED_BUILD. */
export function buildSourceMapped(): void {
  execFileSync(
    'npx',
    ['wxt', 'build', '-b', 'chrome', '-c', 'tests/bench/wxt.sourcemap.config.ts'],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
}

export interface ProfileFrame {
  readonly url: string;
  readonly functionName: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

/**
 * @returns a labeller: our frames as "source:line name" through the content script's source map,
 *   anything else as "(page/native) name"
 */
export function frameLabeller(): (frame: ProfileFrame) => string {
  const map = new SourceMapConsumer(
    JSON.parse(
      fs.readFileSync(path.join(SOURCE_MAPPED_BUILD, 'content-scripts/positions.js.map'), 'utf8'),
    ),
  );
  return (frame) => {
    if (!frame.url.startsWith('chrome-extension://')) {
      return `(${frame.url === '' ? 'native' : 'page'}) ${frame.functionName || '(anonymous)'}`;
    }
    const original = map.originalPositionFor({
      line: frame.lineNumber + 1,
      column: frame.columnNumber,
    });
    const source = ((original.source as string | null) ?? '?')
      .replace(/^(\.\.\/)+/, '')
      .replace(/^.*node_modules\//, 'npm:');
    return `${source}:${String(original.line)} ${original.name ?? frame.functionName}`;
  };
}
