/**
 * Shared by the fixture tests: load a fixture page into its own JSDOM (at the exchange URL, so the
 * registry and locale rules apply), read it, and turn every row into a PositionInput.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { positionFromRaw, productFromSymbol } from '../../core/position-from-raw';
import { findAdapter, GENERIC_ADAPTER } from '../../entrypoints/positions.content/adapters';
import type { Adapter } from '../../entrypoints/positions.content/adapters/types';
import {
  rawContextFor,
  readPositions,
  type ReadResult,
} from '../../entrypoints/positions.content/read';

export const FIXTURES_DIR = join(import.meta.dirname, 'fixtures');

export interface ExpectedFixture {
  readonly url: string;
  readonly adapter: string;
  readonly status: ReadResult['status'];
  readonly walletBalance?: string;
  /** Contract size per symbol (venue data: OKX ctVal, Gate quanto_multiplier, ...). */
  readonly contractSizes?: Readonly<Record<string, string>>;
  readonly rows: readonly {
    readonly key: string;
    readonly raw: Readonly<Record<string, string>>;
    readonly problems: readonly { readonly field: string; readonly reason: string }[];
    readonly position: unknown;
  }[];
}

export interface FixtureFile {
  readonly adapterId: string;
  readonly name: string;
  readonly htmlPath: string;
  readonly expectedPath: string;
}

export function listFixtures(): FixtureFile[] {
  const files: FixtureFile[] = [];
  for (const adapterId of readdirSync(FIXTURES_DIR, { withFileTypes: true })) {
    if (!adapterId.isDirectory()) continue;
    const dir = join(FIXTURES_DIR, adapterId.name);
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.html')) continue;
      const name = file.slice(0, -'.html'.length);
      files.push({
        adapterId: adapterId.name,
        name,
        htmlPath: join(dir, file),
        expectedPath: join(dir, `${name}.expected.json`),
      });
    }
  }
  return files;
}

export function loadDocument(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}

export function adapterForFixture(adapterId: string, url: string): Adapter | null {
  return adapterId === 'generic' ? GENERIC_ADAPTER : findAdapter(url);
}

/** What the expected.json records for a document: the read, plus positionFromRaw per row. */
export function describeRead(
  document: Document,
  adapter: Adapter,
  contractSizes: Readonly<Record<string, string>> = {},
) {
  const result = readPositions(document, adapter);
  return {
    status: result.status,
    ...(result.account.walletBalance === undefined
      ? {}
      : { walletBalance: result.account.walletBalance }),
    rows: result.rows.map((row) => {
      const symbol = row.raw.symbol;
      const product = symbol === undefined ? 'linear' : productFromSymbol(symbol, adapter.venue);
      const contractSize = symbol === undefined ? undefined : contractSizes[symbol];
      const position = positionFromRaw(
        row.raw,
        rawContextFor(adapter, result, product, contractSize),
      );
      return {
        key: row.key,
        ...(row.sideSource === undefined ? {} : { sideSource: row.sideSource }),
        raw: { ...row.raw },
        problems: [...row.problems],
        position,
      };
    }),
  };
}

export function readFixture(file: FixtureFile): { html: string; expected: ExpectedFixture } {
  return {
    html: readFileSync(file.htmlPath, 'utf8'),
    expected: JSON.parse(readFileSync(file.expectedPath, 'utf8')) as ExpectedFixture,
  };
}
