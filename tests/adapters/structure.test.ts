/**
 * Convention test (style.md §4.6, refined-github build/features.test.ts): lessons kept as checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, GENERIC_ADAPTER } from '../../entrypoints/positions.content/adapters';
import {
  POSITION_FIELDS,
  type Adapter,
  type Locator,
} from '../../entrypoints/positions.content/adapters/types';
import { FIXTURES_DIR, listFixtures } from './fixture-harness';

const ADAPTERS_DIR = join(import.meta.dirname, '../../entrypoints/positions.content/adapters');
// strip-docs.ts is the build step that leaves the adapters' documentation out of the bundle.
const NOT_ADAPTERS = new Set(['index.ts', 'types.ts', 'generic.ts', 'strip-docs.ts']);

/** nth-child chains break when a column is hidden; hashed classes break on every redeploy. */
const FORBIDDEN_SELECTOR_PARTS: readonly [RegExp, string][] = [
  [/:nth-(child|of-type|last-child|last-of-type)/, 'nth-child chain'],
  [/\.sc-[A-Za-z]/, 'styled-components class'],
  [/\.css-[a-z0-9]{4,}/, 'Emotion class'],
  [/__[A-Za-z0-9-]{5}\b/, 'CSS-module hash suffix'],
  [/\.(?=[a-zA-Z]{5,7}\b)[a-z]*[A-Z][a-zA-Z]*\b/, 'short mixed-case (hashed) class'],
  [/#_r_/, 'React useId id'],
];

function allLocators(adapter: Adapter): Locator[] {
  return [
    ...adapter.positionsArea,
    ...adapter.rows,
    ...POSITION_FIELDS.flatMap((field) => adapter.fields[field].locators),
    ...(adapter.account?.walletBalance ?? []),
  ];
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

describe('adapter registry conventions', () => {
  const files = readdirSync(ADAPTERS_DIR).filter(
    (file) => file.endsWith('.ts') && !NOT_ADAPTERS.has(file),
  );

  it('registers every adapter file, with id = file name', () => {
    expect(ADAPTERS.map((adapter) => `${adapter.id}.ts`).sort()).toEqual([...files].sort());
  });

  it('keeps the registry sorted by id', () => {
    const ids = ADAPTERS.map((adapter) => adapter.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('keeps adapter modules free of DOM and browser access at module scope', () => {
    for (const file of [...files, 'generic.ts', 'index.ts', 'types.ts']) {
      const source = readFileSync(join(ADAPTERS_DIR, file), 'utf8');
      expect(source, file).not.toMatch(/\b(document|window|browser|chrome|location)\./);
      expect(source, file).not.toMatch(/#imports/);
    }
  });

  for (const adapter of [...ADAPTERS, GENERIC_ADAPTER]) {
    describe(adapter.id, () => {
      it('has at least two fixtures, each with its expected result', () => {
        const fixtures = listFixtures().filter((file) => file.adapterId === adapter.id);
        expect(fixtures.length).toBeGreaterThanOrEqual(2);
        const names = readdirSync(join(FIXTURES_DIR, adapter.id));
        for (const fixture of fixtures) {
          expect(fixture.name).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/);
          expect(names).toContain(`${fixture.name}.expected.json`);
        }
      });

      it('has a verified date that is a real day and not in the future', () => {
        expect(adapter.verified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${adapter.verified}T00:00:00Z`).toISOString().slice(0, 10)).toBe(
          adapter.verified,
        );
        expect(adapter.verified <= today()).toBe(true);
      });

      it('maps every position field', () => {
        expect(Object.keys(adapter.fields).sort()).toEqual([...POSITION_FIELDS].sort());
      });

      it('gives every locator a note and no brittle selector', () => {
        for (const locator of allLocators(adapter)) {
          expect(locator.note.trim().length).toBeGreaterThan(5);
          const selector = 'css' in locator ? locator.css : 'attr' in locator ? locator.attr : '';
          for (const [pattern, why] of FORBIDDEN_SELECTOR_PARTS) {
            expect(selector, `${adapter.id}: ${why}`).not.toMatch(pattern);
          }
        }
      });
    });
  }

  for (const adapter of ADAPTERS) {
    it(`${adapter.id} lists example URLs and host patterns`, () => {
      expect(adapter.examples.length).toBeGreaterThan(0);
      expect(adapter.matches.length).toBeGreaterThan(0);
      expect(adapter.paths.length).toBeGreaterThan(0);
    });
  }

  it('flags the selectors it is meant to flag (the rule itself works)', () => {
    const brittle = [
      'tr:nth-child(3) > td',
      'table.sc-hTBuwn',
      '.css-1pysja1',
      '.Position_positionTable__0FikK',
      'div.btjemE',
    ];
    for (const selector of brittle) {
      expect(
        FORBIDDEN_SELECTOR_PARTS.some(([pattern]) => pattern.test(selector)),
        selector,
      ).toBe(true);
    }
    for (const stable of ['tr.okui-table-row', 'td.entry_price', 'table.position-table']) {
      expect(
        FORBIDDEN_SELECTOR_PARTS.some(([pattern]) => pattern.test(stable)),
        stable,
      ).toBe(false);
    }
  });
});
