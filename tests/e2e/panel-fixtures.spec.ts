/**
 * The panel on every adapter fixture (tests/adapters/fixtures/<id>/*.html), served at the page URL
 * the fixture records, on the real built extension. Expectations come from the fixture's expected
 * inputs (`rows[].position`) run through the core, never from numbers written here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PositionInput } from '../../core/contract';
import { estimateAccount } from '../../core/index';
import { expect, serveFixture, test } from './fixtures';
import { expectRowMatchesCore } from './panel-pages';

interface ExpectedRow {
  readonly key: string;
  readonly problems: readonly { field: string; reason: string }[];
  readonly position:
    | { readonly ok: true; readonly input: PositionInput }
    | { readonly ok: false; readonly partialInput: Partial<PositionInput> };
}
interface ExpectedFixture {
  readonly url: string;
  readonly adapter: string;
  readonly status: string;
  readonly rows: readonly ExpectedRow[];
}

const FIXTURES_DIR = path.resolve(import.meta.dirname, '../adapters/fixtures');

/** Every fixture with its expectations, except the generic ones (no content script on unknown sites). */
function fixtures(): { name: string; html: string; expected: ExpectedFixture }[] {
  if (!fs.existsSync(FIXTURES_DIR)) return [];
  return fs
    .readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'generic')
    .map((entry) => entry.name)
    .flatMap((id) =>
      fs
        .readdirSync(path.join(FIXTURES_DIR, id))
        .filter((file) => file.endsWith('.expected.json'))
        .map((file) => {
          const base = file.replace(/\.expected\.json$/, '');
          return {
            name: `${id}/${base}`,
            html: fs.readFileSync(path.join(FIXTURES_DIR, id, `${base}.html`), 'utf8'),
            expected: JSON.parse(
              fs.readFileSync(path.join(FIXTURES_DIR, id, file), 'utf8'),
            ) as ExpectedFixture,
          };
        }),
    );
}

function isReadable(row: ExpectedRow): row is ExpectedRow & {
  position: { ok: true; input: PositionInput };
} {
  return row.problems.length === 0 && row.position.ok;
}

function modeOf(row: ExpectedRow): string | undefined {
  return row.position.ok ? row.position.input.marginMode : row.position.partialInput.marginMode;
}

const ALL = fixtures();

test('there are adapter fixtures to check the panel against', () => {
  const sites = new Set(ALL.map((fixture) => fixture.expected.adapter));
  for (const site of ['binance', 'okx', 'hyperliquid', 'jaspervault', 'htx']) {
    expect(sites).toContain(site);
  }
});

for (const { name, html, expected } of ALL) {
  test(`panel on the ${name} fixture shows what the core computes from its expected inputs`, async ({
    context,
    page,
  }) => {
    await serveFixture(context, expected.url, html);
    await page.goto(expected.url);
    const panel = page.locator('liq-sentinel-panel [data-testid="liq-panel"]');
    await expect(panel).toHaveAttribute('data-status', expected.status);
    await expect(page.locator('liq-sentinel-panel [data-testid="liq-row"]')).toHaveCount(
      expected.rows.length,
    );
    const rowOf = (key: string) =>
      page.locator(`liq-sentinel-panel [data-testid="liq-row"][data-key="${key}"]`);

    const cross = expected.rows.filter((row) => modeOf(row) === 'cross');
    const crossAllReadable = cross.every(isReadable);
    for (const row of expected.rows) {
      const element = rowOf(row.key);
      if (!isReadable(row) || (modeOf(row) === 'cross' && !crossAllReadable)) {
        // Never a number from a guess: a problem, and no estimate on that row.
        await expect(element.getByTestId('liq-problem').first()).toBeVisible();
        await expect(element.getByTestId('liq-estimate')).toHaveCount(0);
      } else if (modeOf(row) !== 'cross' || cross.length === 1) {
        await expectRowMatchesCore(element, row.position.input);
      }
    }
    if (cross.length > 1 && crossAllReadable) {
      // Cross positions share the wallet: estimated as one account, the others held at mark.
      const inputs = cross.filter(isReadable).map((row) => row.position.input);
      const walletBalance = inputs[0]?.margin;
      const outcome = estimateAccount(
        { ...(walletBalance === undefined ? {} : { walletBalance }), positions: inputs },
        { tolerancePercent: '0.5' },
      );
      for (const [index, row] of cross.entries()) {
        const element = rowOf(row.key);
        if (!outcome.ok) {
          await expect(element.getByTestId('liq-problem').first()).toBeVisible();
          await expect(element.getByTestId('liq-estimate')).toHaveCount(0);
          continue;
        }
        const estimate = outcome.account.positions.find((position) => position.index === index);
        expect(estimate).toBeDefined();
        const liquidationPrice = estimate?.estimate.liquidationPrice ?? null;
        if (liquidationPrice === null) {
          await expect(element.getByTestId('liq-estimate')).toHaveAttribute('data-none', 'true');
        } else {
          await expect(element.getByTestId('liq-estimate')).toHaveAttribute(
            'data-value',
            liquidationPrice,
          );
        }
      }
    }
  });
}
