/**
 * The demo page (tests/demo/demo-exchange.html, `npm run demo`) says what it shows: three positions
 * read by the Binance adapter; BTCUSDT agrees with the platform, ETHUSDT is flagged, STXUSDT has no
 * tier table and gets a problem instead of a number. Checked through the reader, position-from-raw
 * and the core, so a change in any of them that breaks the demo fails here first.
 */
import { JSDOM } from 'jsdom';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { estimateAccount, estimatePosition, formatError } from '../../core/index';
import { positionFromRaw, productFromSymbol } from '../../core/position-from-raw';
import { findAdapter } from '../../entrypoints/positions.content/adapters/index';
import { createPipeline } from '../../entrypoints/positions.content/pipeline';
import { rawContextFor, readPositions } from '../../entrypoints/positions.content/read';

const DEMO_URL = 'https://www.binance.com/en/futures/BTCUSDT';
const html = fs.readFileSync(
  path.resolve(import.meta.dirname, '../demo/demo-exchange.html'),
  'utf8',
);

describe('the demo exchange page', () => {
  let dom: JSDOM | null = null;
  afterEach(() => {
    dom?.window.close(); // stops the page's ticking interval
    dom = null;
  });

  it('is read by the Binance adapter and shows agreement, a flagged difference and a problem', () => {
    dom = new JSDOM(html, { url: DEMO_URL, runScripts: 'dangerously', pretendToBeVisual: true });
    const adapter = findAdapter(DEMO_URL);
    expect(adapter?.id).toBe('binance');
    if (adapter === null) return;
    const result = readPositions(dom.window.document, adapter);
    expect(result.status).toBe('ok');
    expect(result.account.walletBalance).toBe('2,450.00 USDT');
    const { view } = createPipeline({
      positionFromRaw,
      estimatePosition,
      estimateAccount,
      formatError,
    }).run(
      {
        siteId: adapter.id,
        siteLabel: adapter.label,
        status: result.status,
        rows: result.rows,
        rawContextOf: (row) =>
          rawContextFor(
            adapter,
            result,
            productFromSymbol(row.raw.symbol ?? '') === 'inverse' ? 'inverse' : 'linear',
          ),
      },
      { lang: 'en', tolerancePercent: '0.5', feeRates: {} },
    );
    const bySymbol = new Map(view.rows.map((row) => [row.symbol, row]));
    expect([...bySymbol.keys()]).toEqual(['BTCUSDT', 'ETHUSDT', 'STXUSDT']);
    expect(bySymbol.get('BTCUSDT')?.state).toMatchObject({ kind: 'estimate', agrees: true });
    expect(bySymbol.get('ETHUSDT')).toMatchObject({
      side: 'short',
      marginMode: 'cross',
      state: { kind: 'estimate', agrees: false },
    });
    expect(bySymbol.get('STXUSDT')?.state.kind).toBe('problems');
    // A whole page in jsdom with its own script: slow when every test project runs at once.
  }, 30_000);
});
