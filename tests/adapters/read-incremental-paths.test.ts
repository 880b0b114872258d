/**
 * The incremental reader's shortcuts, one case each, on the bench page (tests/bench/bench-page.ts:
 * a Binance grid whose mark and PnL cells tick as text-node writes). Each read is checked against
 * a fresh full read; the identity checks pin what a tick leaves untouched.
 */
import { describe, expect, it } from 'vitest';
import { GENERIC_ADAPTER } from '../../entrypoints/positions.content/adapters/generic';
import { findAdapter } from '../../entrypoints/positions.content/adapters/index';
import type { Adapter } from '../../entrypoints/positions.content/adapters/types';
import { readPositions, type ReadResult } from '../../entrypoints/positions.content/read';
import {
  createPositionsReader,
  type PositionsReader,
} from '../../entrypoints/positions.content/read-incremental';
import { BENCH_URL, benchPageHtml } from '../bench/bench-page';
import { adapterForFixture, listFixtures, loadDocument, readFixture } from './fixture-harness';

interface Page {
  readonly document: Document;
  readonly adapter: Adapter;
  readonly reader: PositionsReader;
  /** Reads with the records since the last read, and checks the answer against a full read. */
  read(): ReadResult;
  /** The position rows, in page order. */
  rows(): Element[];
}

function openPage(positions = 4): Page {
  const document = loadDocument(benchPageHtml(positions), BENCH_URL);
  const adapter = findAdapter(BENCH_URL);
  const window = document.defaultView;
  if (adapter === null || window === null) throw new Error('no adapter or window for the page');
  const reader = createPositionsReader();
  const observer = new window.MutationObserver(() => undefined);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  let first = true;
  return {
    document,
    adapter,
    reader,
    read() {
      const records = observer.takeRecords();
      const result = reader.read(document, adapter, first ? null : records);
      first = false;
      const full = readPositions(document, adapter);
      expect(result.status).toBe(full.status);
      expect(result.account).toEqual(full.account);
      const fields = ({ key, raw, problems, sideSource }: ReadResult['rows'][number]) => ({
        key,
        raw,
        problems,
        sideSource,
      });
      expect(result.rows.map(fields)).toEqual(full.rows.map(fields));
      result.rows.forEach((row, index) => {
        expect(row.element).toBe(full.rows[index]?.element);
      });
      return result;
    },
    rows: () => Array.from(document.querySelectorAll('[role="row"][data-entry]')),
  };
}

function textIn(row: Element | undefined, selector: string): Text {
  const node = row?.querySelector(selector)?.firstChild;
  if (node?.nodeType !== 3) throw new Error(`no text node in ${selector}`);
  return node as Text;
}

describe('incremental reader shortcuts', () => {
  it('hands on every row not ticked by identity, and a ticked row anew', () => {
    const page = openPage();
    const before = page.read();
    textIn(page.rows()[1], '.mark').data = '3051.25';
    const after = page.read();
    expect(after.rows[1]?.raw.markPrice).toBe('3051.25');
    expect(after.rows[1]).not.toBe(before.rows[1]);
    for (const index of [0, 2, 3]) expect(after.rows[index]).toBe(before.rows[index]);
  });

  it('keeps a row by identity when the ticked cell is no field (Margin Ratio)', () => {
    const page = openPage();
    const before = page.read();
    const ratio = page.rows()[0]?.querySelectorAll('[role="gridcell"]')[6]?.firstChild;
    if (ratio?.nodeType !== 3) throw new Error('no margin ratio text');
    (ratio as Text).data = '2.50%';
    const after = page.read();
    expect(after.rows).toBe(before.rows);
  });

  it('keeps the rows by identity on a write of the same text', () => {
    const page = openPage();
    const before = page.read();
    const mark = textIn(page.rows()[2], '.mark');
    mark.appendData(''); // a characterData record all the same
    expect(page.read().rows).toBe(before.rows);
  });

  it('places a text node moved to another cell by where it is now', () => {
    const page = openPage();
    page.read();
    const mark = textIn(page.rows()[0], '.mark');
    mark.data = '61990.10'; // remembered in the mark cell of row 0
    page.read();
    const liquidationCell = page.rows()[2]?.querySelectorAll('[role="gridcell"]')[5];
    liquidationCell?.replaceChildren(mark); // row 0 loses its mark, row 2's liq price is it
    page.read();
    mark.data = '61985.40'; // a tick of the moved node: row 2's liquidation price
    const after = page.read();
    expect(after.rows[2]?.raw.liquidationPrice).toBe('61985.40');
  });

  it('reads a ticked text node taken out of its cell as gone', () => {
    // Browsers still report the write to the removed node (a transient observer; jsdom does not):
    // outside every cell, it means a full read. Either way the cell reads empty.
    const page = openPage();
    page.read();
    const mark = textIn(page.rows()[3], '.mark');
    mark.data = '3049.00';
    page.read();
    mark.remove();
    mark.data = '3048.00';
    const after = page.read();
    expect(after.rows[3]?.raw.markPrice).toBeUndefined();
    expect(after.rows[3]?.problems).toContainEqual({
      field: 'markPrice',
      reason: 'not-rendered-yet',
    });
  });

  it('re-decides what a cell names when its text changes meaning', () => {
    const page = openPage();
    page.read();
    // The size cell reads `0.050 BTC`; written as a side word, the row's side comes from it.
    const size = textIn(page.rows()[0], '[role="gridcell"]:nth-child(2) span');
    size.data = 'Short';
    const after = page.read();
    expect(after.rows[0]?.raw.side).toBe('Short');
    expect(after.rows[0]?.key).toBe('BTCUSDT|short');
    size.data = '0.050 BTC';
    expect(page.read().rows[0]?.key).toBe('BTCUSDT|long');
  });

  it('leaves a row that became a copy of another to the full read, and takes it back after', () => {
    const page = openPage();
    const before = page.read();
    const [first, second] = page.rows();
    const walk = (row: Element | undefined): Text[] => {
      const nodes: Text[] = [];
      if (row === undefined) return nodes;
      const walker = page.document.createTreeWalker(row, 4);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        nodes.push(node as Text);
      }
      return nodes;
    };
    const originals = walk(second).map((node) => node.data);
    const copied = walk(first).map((node) => node.data);
    // Only the texts that differ, all inside cells: a write outside the cells reads in full anyway.
    walk(second).forEach((node, index) => {
      if (node.data !== copied[index]) node.data = copied[index] ?? '';
    });
    const duplicated = page.read(); // checked against the full read, which skips the copy
    expect(duplicated.rows.length).toBe(before.rows.length - 1);
    walk(second).forEach((node, index) => {
      if (node.data !== originals[index]) node.data = originals[index] ?? '';
    });
    expect(page.read().rows.length).toBe(before.rows.length);
  });

  it('tells apart two rows that changed into each other', () => {
    const page = openPage();
    page.read();
    const [first, third] = [page.rows()[0], page.rows()[2]];
    const firstMark = textIn(first, '.mark');
    const thirdMark = textIn(third, '.mark');
    const [a, b] = [firstMark.data, thirdMark.data];
    firstMark.data = b;
    thirdMark.data = a;
    const after = page.read();
    expect(after.rows[0]?.raw.markPrice).toBe(b);
    expect(after.rows[2]?.raw.markPrice).toBe(a);
  });

  it('reads several ticks of a 20-row page as a full read would', () => {
    const page = openPage(20);
    page.read();
    for (let tick = 0; tick < 30; tick += 1) {
      page.rows().forEach((row, index) => {
        const mark = textIn(row, '.mark');
        mark.data = mark.data.replace(/\d$/, String((tick + index) % 10));
        textIn(row, '.pnl').data = `${String(tick - index)}.5${String(index % 10)} USDT`;
      });
      page.read();
    }
  });

  it("asks side hints again when a cell's elements change but its text does not (OKX)", () => {
    const file = listFixtures().find(
      (candidate) => candidate.name === '2026-11-22-zh-hedge-reordered',
    );
    if (file === undefined) throw new Error('no okx hedge fixture');
    const { html, expected } = readFixture(file);
    const adapter = adapterForFixture(file.adapterId, expected.url);
    const document = loadDocument(html, expected.url);
    const window = document.defaultView;
    if (adapter === null || window === null) throw new Error('no adapter or window');
    const reader = createPositionsReader();
    const observer = new window.MutationObserver(() => undefined);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    const before = reader.read(document, adapter, null);
    expect(before.rows[0]?.sideSource).toBe('hint');
    const hint = document.querySelector('.positive-pl');
    const swapped = document.createElement('span');
    swapped.className = 'negative-pl'; // the same text, now the short leg's class
    swapped.textContent = hint?.textContent ?? '';
    hint?.replaceWith(swapped);
    const after = reader.read(document, adapter, observer.takeRecords());
    observer.disconnect();
    const full = readPositions(document, adapter);
    expect(after.rows.map(({ key, raw, problems }) => ({ key, raw, problems }))).toEqual(
      full.rows.map(({ key, raw, problems }) => ({ key, raw, problems })),
    );
    // The hint (short) now disagrees with the prices (long): no side is guessed.
    expect(after.rows[0]?.problems).toContainEqual({ field: 'side', reason: 'not-found' });
  });

  it('reads a field again when a column it passed over as empty gets text', () => {
    // Two label locators for the mark price: the first column is a skeleton (an empty text node),
    // so the second decides; a tick filling the first must switch the field to it.
    const adapter: Adapter = {
      ...GENERIC_ADAPTER,
      fields: {
        ...GENERIC_ADAPTER.fields,
        markPrice: {
          locators: [
            { label: { en: /^mark$/, zh: /^标记$/ }, relation: 'same-column', note: 'test' },
            { label: { en: /^last$/, zh: /^最新$/ }, relation: 'same-column', note: 'test' },
          ],
        },
      },
    };
    const document = loadDocument(
      '<html lang="en"><body><table><thead><tr><th>Symbol</th><th>Size</th><th>Entry Price</th>' +
        '<th>Mark</th><th>Last</th><th>Liq. Price</th></tr></thead><tbody>' +
        '<tr><td>BTCUSDT Long</td><td>0.5</td><td>62,000.0</td><td id="mark"></td>' +
        '<td>62,100.0</td><td>55,000.0</td></tr></tbody></table></body></html>',
      'https://x.test/',
    );
    const mark = document.getElementById('mark');
    const window = document.defaultView;
    if (mark === null || window === null) throw new Error('no mark cell or window');
    const skeleton = document.createTextNode('');
    mark.append(skeleton);
    const reader = createPositionsReader();
    const observer = new window.MutationObserver(() => undefined);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    expect(reader.read(document, adapter, null).rows[0]?.raw.markPrice).toBe('62,100.0');
    observer.takeRecords();
    skeleton.data = '62,050.5';
    const after = reader.read(document, adapter, observer.takeRecords());
    observer.disconnect();
    expect(after.rows[0]?.raw.markPrice).toBe('62,050.5');
    expect(after.rows[0]?.raw).toEqual(readPositions(document, adapter).rows[0]?.raw);
  });

  it('joins a cell of several text runs as a full read does, tick after tick', () => {
    const page = openPage();
    page.read();
    const pnl = page.rows()[1]?.querySelector('.pnl');
    const cell = pnl?.parentElement;
    if (pnl === null || pnl === undefined || cell === null || cell === undefined) {
      throw new Error('no PnL cell');
    }
    // A hidden copy, an empty run and a split number: readText's rules, kept by the re-read.
    const hidden = page.document.createElement('span');
    hidden.setAttribute('aria-hidden', 'true');
    hidden.textContent = '999';
    const empty = page.document.createTextNode('');
    const fraction = page.document.createElement('span');
    fraction.textContent = '.5';
    cell.append(hidden, empty, fraction);
    page.read();
    const run = textIn(page.rows()[1], '.pnl');
    const hiddenRun = hidden.firstChild as Text;
    const fractionRun = fraction.firstChild as Text;
    const writes: [Text, string][] = [
      [run, '12'], // `12` + `.5` join as one number before the ROI run
      [hiddenRun, '111'], // hidden: not read, whatever it says
      [empty, 'USDT'],
      [run, '-3.25 USDT'],
      [empty, ''],
      [fractionRun, '(0.1%)'],
    ];
    for (const [node, text] of writes) {
      node.data = text;
      page.read();
    }
    expect(page.read().rows[1]?.raw.unrealizedPnl).toBe('-3.25 USDT (0.00%) (0.1%)');
    // A node added (childList): the cell's runs are walked again.
    cell.append(page.document.createTextNode('x'));
    page.read();
    run.data = '7.00 USDT';
    expect(page.read().rows[1]?.raw.unrealizedPnl).toBe('7.00 USDT (0.00%) (0.1%) x');
  });

  it('reads the wallet balance again when a tick makes a position cross or isolated', () => {
    const page = openPage(); // row 1 is the one cross position
    expect(page.read().account.walletBalance).toBeDefined();
    const crossRow = page.rows()[1];
    const modes = Array.from(crossRow?.querySelectorAll('span, .css-sub') ?? [])
      .map((element) => element.firstChild)
      .filter((node): node is Text => node?.nodeType === 3 && /Cross/.test(node.nodeValue ?? ''));
    expect(modes.length).toBeGreaterThan(0);
    for (const mode of modes) mode.data = mode.data.replace('Cross', 'Isolated');
    expect(page.read().account).toEqual({}); // isolated only: no wallet balance asked
    for (const mode of modes) mode.data = mode.data.replace('Isolated', 'Cross');
    expect(page.read().account.walletBalance).toBeDefined();
  });

  it('compares a cell with its last text when a tick re-read its row without a row scan', () => {
    // Leverage is scanned at first (its column is empty), side is read from its column. One tick
    // swaps them (neither kept: no scan asked) while the mark cell says `Short`; the next tick's
    // mark must be compared with `Short`, not with the text before it.
    const document = loadDocument(
      '<html lang="en"><body><table><thead><tr><th>Symbol</th><th>Side</th><th>Size</th>' +
        '<th>Entry Price</th><th>Mark Price</th><th>Leverage</th><th>Margin Mode</th>' +
        '</tr></thead><tbody><tr><td>BTCUSDT</td><td id="side">Long</td><td>0.5</td>' +
        '<td>62,000.0</td><td id="mark">62,100.0</td><td id="leverage"></td><td>Cross</td>' +
        '</tr></tbody></table></body></html>',
      'https://x.test/',
    );
    const window = document.defaultView;
    const cell = (id: string): Element => {
      const found = document.getElementById(id);
      if (found === null) throw new Error(`no #${id}`);
      return found;
    };
    if (window === null) throw new Error('no window');
    const side = cell('side').firstChild as Text;
    const mark = cell('mark').firstChild as Text;
    const leverage = document.createTextNode('');
    cell('leverage').append(leverage);
    const reader = createPositionsReader();
    const observer = new window.MutationObserver(() => undefined);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    const readNow = (first = false): ReadResult => {
      const records = observer.takeRecords();
      const result = reader.read(document, GENERIC_ADAPTER, first ? null : records);
      expect(result.rows.map(({ key, raw, problems }) => ({ key, raw, problems }))).toEqual(
        readPositions(document, GENERIC_ADAPTER).rows.map(({ key, raw, problems }) => ({
          key,
          raw,
          problems,
        })),
      );
      return result;
    };
    readNow(true);
    mark.data = '62,101.0'; // leverage kept: the scan is asked, the mark's key remembered
    readNow();
    leverage.data = '20x';
    side.data = '';
    mark.data = 'Short';
    expect(readNow().rows[0]?.raw.side).toBe('Short'); // side now scanned: the mark says Short
    mark.data = '62,102.0';
    expect(readNow().rows[0]?.raw.side).not.toBe('Short');
    observer.disconnect();
  });
});
