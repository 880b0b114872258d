/**
 * Registry × fixtures: every committed fixture page is read with the adapter its URL selects, and
 * the raw fields, problems and PositionInputs must equal the hand-checked `.expected.json`.
 */
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../entrypoints/positions.content/adapters';
import { GENERIC_ADAPTER, readPositions } from '../../entrypoints/positions.content/read';
import {
  adapterForFixture,
  describeRead,
  listFixtures,
  loadDocument,
  readFixture,
} from './fixture-harness';

const fixtures = listFixtures();

describe('readPositions on committed fixtures', () => {
  it('finds fixtures for every adapter and the generic reader', () => {
    const ids = new Set(fixtures.map((file) => file.adapterId));
    for (const adapter of ADAPTERS) expect(ids).toContain(adapter.id);
    expect(ids).toContain('generic');
  });

  for (const file of fixtures) {
    describe(`${file.adapterId}/${file.name}`, () => {
      const { html, expected } = readFixture(file);
      const adapter = adapterForFixture(file.adapterId, expected.url);

      it('is served by the adapter named after its folder', () => {
        expect(adapter?.id).toBe(file.adapterId);
        expect(expected.adapter).toBe(file.adapterId);
      });

      it('reads the expected rows, problems and positions', () => {
        if (adapter === null) throw new Error(`no adapter for ${expected.url}`);
        const described = describeRead(
          loadDocument(html, expected.url),
          adapter,
          expected.contractSizes,
        );
        expect(described.status).toBe(expected.status);
        expect(described.walletBalance).toBe(expected.walletBalance);
        expect(described.rows).toEqual(expected.rows);
      });

      it('never reads our own injected panel as page data', () => {
        if (adapter === null) throw new Error(`no adapter for ${expected.url}`);
        const document = loadDocument(html, expected.url);
        const before = readPositions(document, adapter);
        // A copy of the positions area inside our host element must not add rows.
        const host = document.createElement('liq-sentinel-panel');
        if (before.positionsArea !== null) host.append(before.positionsArea.cloneNode(true));
        document.body.append(host);
        const after = readPositions(document, adapter);
        expect(after.rows.map((row) => row.key)).toEqual(before.rows.map((row) => row.key));
      });
    });
  }
});

describe('readPositions on pages without positions', () => {
  const okx = ADAPTERS.find((adapter) => adapter.id === 'okx');

  it('reports no-positions-area on an unrelated page', () => {
    if (okx === undefined) throw new Error('okx adapter missing');
    const document = loadDocument(
      '<html><body><table><thead><tr><th>Price</th><th>Size</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></body></html>',
      'https://www.okx.com/trade-swap/btc-usdt-swap',
    );
    const result = readPositions(document, okx);
    expect(result.status).toBe('no-positions-area');
    expect(result.rows).toEqual([]);
    expect(result.positionsArea).toBeNull();
  });

  it('reports no-positions when the area holds an empty table', () => {
    if (okx === undefined) throw new Error('okx adapter missing');
    const document = loadDocument(
      `<html><body><div class="position-box"><table><thead><tr><th>Instrument</th><th>Size</th>
       <th>Avg. entry price</th><th>Mark price</th></tr></thead><tbody>
       <tr class="okui-table-row"><td colspan="4">No data</td></tr></tbody></table></div></body></html>`,
      'https://www.okx.com/trade-swap/btc-usdt-swap',
    );
    const result = readPositions(document, okx);
    expect(result.status).toBe('no-positions');
    expect(result.positionsArea?.className).toBe('position-box');
  });

  it('reports degraded when the area holds data it no longer recognises', () => {
    if (okx === undefined) throw new Error('okx adapter missing');
    const document = loadDocument(
      `<html><body><div class="position-box"><table><tbody>
       <tr class="okui-table-row"><td>BTCUSDT</td><td>25</td><td>71,704.6</td></tr></tbody></table></div></body></html>`,
      'https://www.okx.com/trade-swap/btc-usdt-swap',
    );
    const result = readPositions(document, okx);
    expect(result.status).toBe('degraded');
    expect(result.rows).toEqual([]);
  });

  it('never throws, even on a root that breaks querySelectorAll', () => {
    if (okx === undefined) throw new Error('okx adapter missing');
    const hostile = {
      querySelectorAll: () => {
        throw new Error('boom');
      },
      querySelector: () => null,
    } as unknown as ParentNode;
    const result = readPositions(hostile, okx);
    expect(result.status).toBe('degraded');
    expect(result.rows).toEqual([]);
  });
});

describe('readPositions row hygiene', () => {
  it('skips duplicate rows (virtualised copies) and measure rows', () => {
    const row =
      '<tr><td>BTCUSDT</td><td>Long</td><td>0.5</td><td>61,250.40</td><td>62,010.10</td><td>Isolated 20x</td><td>1,531.26</td></tr>';
    const document = loadDocument(
      `<html><body><table><thead><tr><th>Symbol</th><th>Side</th><th>Size</th><th>Entry Price</th>
       <th>Mark Price</th><th>Mode</th><th>Margin</th></tr></thead><tbody>
       <tr aria-hidden="true"><td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
       ${row}${row}</tbody></table></body></html>`,
      'https://dex.example.org/',
    );
    const result = readPositions(document, GENERIC_ADAPTER);
    expect(result.rows.map((read) => read.key)).toEqual(['BTCUSDT|long']);
    expect(result.rows[0]?.raw).toMatchObject({
      leverage: '20x',
      marginMode: 'Isolated 20x', // the whole cell, as read; positionFromRaw finds the mode in it
      margin: '1,531.26',
    });
  });

  it('keys two legs of one symbol and side apart (hedge mode, sub-accounts)', () => {
    const document = loadDocument(
      `<html><body><table><thead><tr><th>Symbol</th><th>Side</th><th>Size</th><th>Entry Price</th>
       <th>Mark Price</th></tr></thead><tbody>
       <tr><td>BTCUSDT</td><td>Long</td><td>0.5</td><td>61,250.40</td><td>62,010.10</td></tr>
       <tr><td>BTCUSDT</td><td>Long</td><td>0.2</td><td>60,100.00</td><td>62,010.10</td></tr>
       </tbody></table></body></html>`,
      'https://dex.example.org/',
    );
    const keys = readPositions(document, GENERIC_ADAPTER).rows.map((read) => read.key);
    expect(keys).toEqual(['BTCUSDT|long', 'BTCUSDT|long#2']);
  });
});
