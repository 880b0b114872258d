/**
 * Full reads cut into slices (read.ts startSlicedRead, read-incremental.ts readSlice) must answer
 * exactly as one full read does: on every committed fixture page, one row per slice or all in one,
 * through the incremental reader's 'continue', and when the page changes between slices (a cell's
 * text, a row removed or added, a header renamed, a cell replaced), once the records the watcher
 * kept meanwhile are read. A page that throws in a later slice gives a degraded result, no throw.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findAdapter } from '../../entrypoints/positions.content/adapters/index';
import type { Adapter } from '../../entrypoints/positions.content/adapters/types';
import {
  GENERIC_ADAPTER,
  readPositions,
  startSlicedRead,
  type ReadResult,
  type SlicedRead,
  type TableSnapshot,
} from '../../entrypoints/positions.content/read';
import {
  createPositionsReader,
  type PositionsReader,
  type UnfinishedRead,
} from '../../entrypoints/positions.content/read-incremental';
import { BENCH_URL, benchPageHtml } from '../bench/bench-page';
import {
  adapterForFixture,
  listFixtures,
  loadDocument,
  readFixture,
  type FixtureFile,
} from './fixture-harness';

/** One row per slice: the clock has always passed the slice's end. */
const ONE_ROW = Number.NEGATIVE_INFINITY;
/** An endless slice. */
const ALL_ROWS = Number.POSITIVE_INFINITY;
/** More slices than any page here has rows: a read still going after this many never ends. */
const MAX_SLICES = 1000;

/** The attributes the watcher observes (watch.ts READ_ATTRIBUTES, module-private). */
const READ_ATTRIBUTES = ['class', 'hidden', 'aria-hidden', 'aria-selected', 'role'];

interface Page {
  readonly document: Document;
  readonly window: Window & typeof globalThis;
  readonly adapter: Adapter;
}

function openFixture(file: FixtureFile): Page {
  const { html, expected } = readFixture(file);
  const adapter = adapterForFixture(file.adapterId, expected.url);
  if (adapter === null) throw new Error(`no adapter for ${expected.url}`);
  return openHtml(html, expected.url, adapter);
}

function openHtml(html: string, url: string, adapter: Adapter): Page {
  const document = loadDocument(html, url);
  const window = document.defaultView;
  if (window === null) throw new Error('no window');
  return { document, window, adapter };
}

function openBench(positions: number): Page {
  const adapter = findAdapter(BENCH_URL);
  if (adapter === null) throw new Error('no adapter for the bench page');
  return openHtml(benchPageHtml(positions), BENCH_URL, adapter);
}

/** Everything a read answers, elements left out (compared by identity in expectSameRead). */
function comparable(result: ReadResult) {
  return {
    status: result.status,
    adapterId: result.adapterId,
    account: result.account,
    numberFormat: result.numberFormat,
    rows: result.rows.map(({ key, raw, problems, sideSource }) => ({
      key,
      raw,
      problems,
      sideSource,
    })),
  };
}

function expectSameRead(actual: ReadResult, expected: ReadResult): void {
  expect(comparable(actual)).toEqual(comparable(expected));
  expect(actual.positionsArea).toBe(expected.positionsArea);
  expect(actual.rows.map((row) => row.element)).toEqual(expected.rows.map((row) => row.element));
  actual.rows.forEach((row, index) => {
    expect(row.element).toBe(expected.rows[index]?.element);
  });
}

/** The answer must equal a fresh full read of the page as it is now. */
function expectSameAsFull(actual: ReadResult, page: Page): void {
  expectSameRead(actual, readPositions(page.document, page.adapter));
}

function isFinished(answer: ReadResult | SlicedRead | UnfinishedRead): answer is ReadResult {
  return 'rows' in answer;
}

/** Calls `next` until the read finishes; `calls` counts the calls to `next`. */
function finishSliced(
  started: ReadResult | SlicedRead,
  endsAt: number,
): { result: ReadResult; calls: number } {
  let calls = 0;
  if (isFinished(started)) return { result: started, calls };
  let result: ReadResult | null = null;
  while (result === null) {
    if (calls >= MAX_SLICES) throw new Error('the sliced read never finished');
    result = started.next(endsAt);
    calls += 1;
  }
  return { result, calls };
}

/** Reads on with 'continue' until the read finishes; `calls` counts the 'continue' calls. */
function finishReader(
  reader: PositionsReader,
  page: Page,
  first: ReadResult | UnfinishedRead,
  endsAt: number,
): { result: ReadResult; calls: number } {
  let answer = first;
  let calls = 0;
  while (!isFinished(answer)) {
    if (calls >= MAX_SLICES) throw new Error('the sliced read never finished');
    answer = reader.readSlice(page.document, page.adapter, 'continue', endsAt);
    calls += 1;
  }
  return { result: answer, calls };
}

/** Observes an area as the watcher does, from right after the slice that returned it. */
function observe(page: Page, area: Element | null): MutationObserver {
  if (area === null) throw new Error('the read reported no area to observe');
  const observer = new page.window.MutationObserver(() => undefined);
  observer.observe(area, {
    childList: true,
    subtree: true,
    characterData: true,
    attributeFilter: READ_ATTRIBUTES,
  });
  return observer;
}

function textNodesIn(element: Element): Text[] {
  const nodes: Text[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, 4);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    nodes.push(node as Text);
  }
  return nodes;
}

/** Writes a text node's last digit as another digit (a price tick): a characterData record. */
function tickLastDigit(text: Text): void {
  const match = /(\d)(\D*)$/.exec(text.data);
  if (match === null) throw new Error(`no digit in "${text.data}"`);
  const digit = match[1] ?? '0';
  const next = digit === '9' ? '8' : String.fromCharCode(digit.charCodeAt(0) + 1);
  text.data = `${text.data.slice(0, match.index)}${next}${match[2] ?? ''}`;
}

/** A text node of `row` holding the whole text of one of its numeric fields, as read. */
function fieldTextNode(row: ReadResult['rows'][number]): Text {
  const values = [
    row.raw.markPrice,
    row.raw.entryPrice,
    row.raw.liquidationPrice,
    row.raw.margin,
    row.raw.size,
  ].filter((value): value is string => value !== undefined && /\d/.test(value));
  const node = textNodesIn(row.element).find((text) => values.includes(text.data.trim()));
  if (node === undefined) throw new Error(`no field text node in row ${row.key}`);
  return node;
}

/** Makes every read of `element` (and of its text) throw, as a hostile page can. */
function makeHostile(element: Element): () => void {
  const targets: Node[] = [element, ...textNodesIn(element)];
  for (const target of targets) {
    for (const property of ['isConnected', 'nodeValue', 'textContent', 'firstChild']) {
      Object.defineProperty(target, property, {
        configurable: true,
        get() {
          throw new Error('hostile page');
        },
      });
    }
  }
  return () => {
    for (const target of targets) {
      for (const property of ['isConnected', 'nodeValue', 'textContent', 'firstChild']) {
        Reflect.deleteProperty(target, property);
      }
    }
  };
}

const fixtures = listFixtures();
/** Pages with more than one row: a read of one row per slice is still going after the first. */
const multiRow = fixtures.filter((file) => readFixture(file).expected.rows.length > 1);

describe('a sliced full read equals a full read, on every fixture page', () => {
  it('covers every fixture, most of them with more than one row', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    expect(multiRow.length).toBeGreaterThanOrEqual(15);
  });

  for (const file of fixtures) {
    describe(`${file.adapterId}/${file.name}`, () => {
      it('one row per slice: as many next calls as rows, the same answer as readPositions', () => {
        const page = openFixture(file);
        const full = readPositions(page.document, page.adapter);
        expect(full.rows.length).toBe(readFixture(file).expected.rows.length);
        const started = startSlicedRead(page.document, page.adapter, ONE_ROW);
        expect(isFinished(started)).toBe(false);
        // Observed from the first slice: the area the finished read will report.
        expect((started as SlicedRead).positionsArea).toBe(full.positionsArea);
        const { result, calls } = finishSliced(started, ONE_ROW);
        expect(calls).toBe(full.rows.length);
        expectSameRead(result, full);
      });

      it('an endless slice finishes in the first call', () => {
        const page = openFixture(file);
        const started = startSlicedRead(page.document, page.adapter, ALL_ROWS);
        expect(isFinished(started)).toBe(true);
        expectSameAsFull(started as ReadResult, page);
      });

      it('leaves the same snapshot for incremental reads as a full read does', () => {
        const page = openFixture(file);
        const fromFull: TableSnapshot[] = [];
        const fromSliced: TableSnapshot[] = [];
        readPositions(page.document, page.adapter, (snapshot) => fromFull.push(snapshot));
        const { result } = finishSliced(
          startSlicedRead(page.document, page.adapter, ONE_ROW, (snapshot) =>
            fromSliced.push(snapshot),
          ),
          ONE_ROW,
        );
        expect(fromSliced.length).toBe(fromFull.length);
        const [sliced] = fromSliced;
        const [whole] = fromFull;
        if (sliced === undefined || whole === undefined) return; // cards keep none: both agree
        expect(sliced.result).toBe(result);
        expect(sliced.container).toBe(whole.container);
        expect(sliced.area).toBe(whole.area);
        expect(sliced.accountExclude).toBe(whole.accountExclude);
        expect(sliced.sources.map((source) => source.element)).toEqual(
          whole.sources.map((source) => source.element),
        );
        expect(sliced.memos.map((memo) => memo.texts)).toEqual(
          whole.memos.map((memo) => memo.texts),
        );
      });

      it("the reader's 'continue' reaches the same answer, and a tick after it re-reads as a full read", () => {
        const page = openFixture(file);
        const reader = createPositionsReader();
        const first = reader.readSlice(page.document, page.adapter, null, ONE_ROW);
        expect(isFinished(first)).toBe(false);
        const observer = observe(page, first.positionsArea);
        const { result, calls } = finishReader(reader, page, first, ONE_ROW);
        expect(calls).toBe(result.rows.length);
        expectSameAsFull(result, page);

        // The same page read at once by another reader: the tick must leave the same rows re-read.
        const reference = openFixture(file);
        const referenceReader = createPositionsReader();
        const referenceBefore = referenceReader.read(reference.document, reference.adapter, null);
        const referenceObserver = observe(reference, referenceBefore.positionsArea);

        const row = result.rows[0];
        const referenceRow = referenceBefore.rows[0];
        if (row === undefined || referenceRow === undefined) throw new Error('no rows read');
        tickLastDigit(fieldTextNode(row));
        tickLastDigit(fieldTextNode(referenceRow));
        const records = observer.takeRecords();
        expect(records.length).toBeGreaterThan(0);
        const ticked = reader.readSlice(page.document, page.adapter, records, ONE_ROW);
        // A tick re-read from the cache a table read leaves is never cut, however short its slice;
        // card layouts keep none, so theirs is a full read, cut as any.
        const cached: TableSnapshot[] = [];
        readPositions(page.document, page.adapter, (snapshot) => cached.push(snapshot));
        expect(isFinished(ticked)).toBe(cached.length > 0);
        const after = finishReader(reader, page, ticked, ONE_ROW).result;
        expectSameAsFull(after, page);
        expect(after.rows[0]?.raw).not.toEqual(row.raw);

        const referenceAfter = referenceReader.read(
          reference.document,
          reference.adapter,
          referenceObserver.takeRecords(),
        );
        const kept = (now: ReadResult, before: ReadResult) =>
          now.rows.map((each, index) => each.raw === before.rows[index]?.raw);
        expect(kept(after, result)).toEqual(kept(referenceAfter, referenceBefore));
        observer.disconnect();
        referenceObserver.disconnect();
      });
    });
  }
});

describe('changes between slices', () => {
  /**
   * A reader whose full read has read its first row and stopped, the area observed as the
   * watcher observes it (from the first slice on).
   */
  function cutAfterFirstRow(page: Page) {
    const full = readPositions(page.document, page.adapter);
    expect(full.rows.length).toBeGreaterThan(1);
    const reader = createPositionsReader();
    const first = reader.readSlice(page.document, page.adapter, null, ONE_ROW);
    expect(isFinished(first)).toBe(false);
    const observer = observe(page, first.positionsArea);
    const second = reader.readSlice(page.document, page.adapter, 'continue', ONE_ROW);
    expect(isFinished(second)).toBe(false);
    return { full, reader, cut: second, observer };
  }

  /** The read after the cut read finished: what the watcher passes, 'mutation' with its records. */
  function readRecords(
    page: Page,
    reader: PositionsReader,
    observer: MutationObserver,
  ): ReadResult {
    const records = observer.takeRecords();
    expect(records.length).toBeGreaterThan(0);
    const answer = reader.readSlice(page.document, page.adapter, records, ONE_ROW);
    return finishReader(reader, page, answer, ONE_ROW).result;
  }

  for (const file of multiRow) {
    describe(`${file.adapterId}/${file.name}`, () => {
      it('(a) a cell text changed in a row already read: the records read after give the full read', () => {
        const page = openFixture(file);
        const { full, reader, cut, observer } = cutAfterFirstRow(page);
        const row = full.rows[0];
        if (row === undefined) throw new Error('no first row');
        tickLastDigit(fieldTextNode(row));
        const now = readPositions(page.document, page.adapter);
        expect(now.rows[0]?.raw).not.toEqual(row.raw); // a change a read sees
        const { result: finished } = finishReader(reader, page, cut, ONE_ROW);
        // Read before the change, the row may hold its old text; either way, nothing else.
        expect([row.raw, now.rows[0]?.raw]).toContainEqual(finished.rows[0]?.raw);
        expect(comparable(finished).rows.slice(1)).toEqual(comparable(now).rows.slice(1));
        expectSameAsFull(readRecords(page, reader, observer), page);
        observer.disconnect();
      });

      it('(a) a cell text changed in a row not yet read: the records read after give the full read', () => {
        const page = openFixture(file);
        const { full, reader, cut, observer } = cutAfterFirstRow(page);
        const row = full.rows.at(-1);
        if (row === undefined) throw new Error('no last row');
        tickLastDigit(fieldTextNode(row));
        const now = readPositions(page.document, page.adapter);
        expect(now.rows.at(-1)?.raw).not.toEqual(row.raw);
        const { result: finished } = finishReader(reader, page, cut, ONE_ROW);
        expect([row.raw, now.rows.at(-1)?.raw]).toContainEqual(finished.rows.at(-1)?.raw);
        expectSameAsFull(readRecords(page, reader, observer), page);
        observer.disconnect();
      });

      it('(b) a row already read removed: the finished read equals a fresh full read', () => {
        const page = openFixture(file);
        const { full, reader, cut, observer } = cutAfterFirstRow(page);
        const gone = full.rows[0]?.element;
        if (gone === undefined) throw new Error('no first row');
        gone.remove();
        const { result: finished } = finishReader(reader, page, cut, ONE_ROW);
        expectSameAsFull(finished, page);
        expect(finished.rows.map((row) => row.element)).not.toContain(gone);
        expect(finished.rows.every((row) => row.element.isConnected)).toBe(true);
        expectSameAsFull(readRecords(page, reader, observer), page);
        observer.disconnect();
      });

      it('(b) a row not yet read removed: the finished read equals a fresh full read', () => {
        const page = openFixture(file);
        const { full, reader, cut, observer } = cutAfterFirstRow(page);
        const gone = full.rows.at(-1)?.element;
        if (gone === undefined) throw new Error('no last row');
        gone.remove();
        const { result: finished } = finishReader(reader, page, cut, ONE_ROW);
        expectSameAsFull(finished, page);
        expect(finished.rows.map((row) => row.element)).not.toContain(gone);
        expectSameAsFull(readRecords(page, reader, observer), page);
        observer.disconnect();
      });

      it('a row added: the records read after give the full read', () => {
        const page = openFixture(file);
        const { full, reader, cut, observer } = cutAfterFirstRow(page);
        const last = full.rows.at(-1);
        if (last === undefined) throw new Error('no last row');
        const added = last.element.cloneNode(true) as Element;
        last.element.after(added);
        tickLastDigit(fieldTextNode({ ...last, element: added })); // a position of its own
        const { result: finished } = finishReader(reader, page, cut, ONE_ROW);
        expect(finished.rows.map((row) => row.element)).not.toContain(added);
        const after = readRecords(page, reader, observer);
        expectSameAsFull(after, page);
        expect(after.rows.map((row) => row.element)).toContain(added);
        observer.disconnect();
      });

      it('a later slice that throws gives a degraded result, never a throw', () => {
        const page = openFixture(file);
        const { full, reader, cut } = cutAfterFirstRow(page);
        const direct = startSlicedRead(page.document, page.adapter, ONE_ROW);
        expect(isFinished(direct)).toBe(false);
        const last = full.rows.at(-1);
        if (last === undefined) throw new Error('no last row');
        const restore = makeHostile(last.element);
        let finished: ReadResult | null = null;
        expect(() => {
          finished = finishReader(reader, page, cut, ONE_ROW).result;
        }).not.toThrow();
        expect(finished).toEqual({
          status: 'degraded',
          adapterId: page.adapter.id,
          positionsArea: null,
          rows: [],
          account: {},
          numberFormat: expect.any(Object) as unknown,
        });
        // The same through startSlicedRead itself.
        let directResult: ReadResult | null = null;
        expect(() => {
          directResult = finishSliced(direct, ONE_ROW).result;
        }).not.toThrow();
        expect(directResult).toMatchObject({ status: 'degraded', rows: [], positionsArea: null });
        // Once the page behaves again, the next read is whole (the failed read left nothing).
        restore();
        const again = reader.readSlice(page.document, page.adapter, 'continue', ALL_ROWS);
        expect(isFinished(again)).toBe(true);
        expectSameRead(again as ReadResult, full);
      });
    });
  }

  it('a header renamed between slices: the records read after give the full read', () => {
    const page = openBench(12);
    const { full, reader, cut, observer } = cutAfterFirstRow(page);
    const headers = Array.from(page.document.querySelectorAll('[role="columnheader"]'));
    const mark = headers.find((header) => header.textContent === 'Mark Price');
    const liquidation = headers.find((header) => header.textContent === 'Liq.Price');
    if (mark === undefined || liquidation === undefined) throw new Error('no price headers');
    mark.textContent = 'Liq.Price';
    liquidation.textContent = 'Mark Price';
    finishReader(reader, page, cut, ONE_ROW);
    const after = readRecords(page, reader, observer);
    expectSameAsFull(after, page);
    // The columns did swap: what was the mark price is read as the liquidation price now.
    full.rows.forEach((row, index) => {
      expect(after.rows[index]?.raw.liquidationPrice).toBe(row.raw.markPrice);
    });
    observer.disconnect();
  });

  it('a cell element replaced in a row already read: the records read after give the full read', () => {
    const page = openBench(12);
    const { full, reader, cut, observer } = cutAfterFirstRow(page);
    const row = full.rows[0]?.element;
    const cell = row?.querySelector('.mark');
    if (cell === null || cell === undefined) throw new Error('no mark cell');
    const replacement = cell.cloneNode(false) as Element;
    replacement.textContent = '61111.11';
    cell.replaceWith(replacement);
    const { result: finished } = finishReader(reader, page, cut, ONE_ROW);
    expect(finished.rows[0]?.element).toBe(row);
    const after = readRecords(page, reader, observer);
    expectSameAsFull(after, page);
    expect(after.rows[0]?.raw.markPrice).toBe('61111.11');
    observer.disconnect();
  });

  it('a tick after a sliced read re-reads only the ticked row (the sliced read left its cache)', () => {
    const page = openBench(20);
    const reader = createPositionsReader();
    const first = reader.readSlice(page.document, page.adapter, null, ONE_ROW);
    const observer = observe(page, first.positionsArea);
    const { result: before, calls } = finishReader(reader, page, first, ONE_ROW);
    expect(calls).toBe(20);
    const ticked = before.rows[5];
    if (ticked === undefined) throw new Error('no sixth row');
    tickLastDigit(fieldTextNode(ticked));
    const after = reader.readSlice(page.document, page.adapter, observer.takeRecords(), ONE_ROW);
    expect(isFinished(after)).toBe(true);
    expectSameAsFull(after as ReadResult, page);
    (after as ReadResult).rows.forEach((row, index) => {
      if (index === 5) expect(row.raw).not.toEqual(before.rows[index]?.raw);
      else expect(row).toBe(before.rows[index]);
    });
    observer.disconnect();
  });

  it('a structural change after a sliced read is a full read, itself cut', () => {
    const page = openBench(6);
    const reader = createPositionsReader();
    const first = reader.readSlice(page.document, page.adapter, null, ONE_ROW);
    const observer = observe(page, first.positionsArea);
    const { result: before } = finishReader(reader, page, first, ONE_ROW);
    before.rows[2]?.element.remove();
    const again = reader.readSlice(page.document, page.adapter, observer.takeRecords(), ONE_ROW);
    expect(isFinished(again)).toBe(false);
    const { result, calls } = finishReader(reader, page, again, ONE_ROW);
    expect(calls).toBe(5);
    expectSameAsFull(result, page);
    observer.disconnect();
  });
});

describe("'continue' with nothing of its own to go on with reads in full", () => {
  const file = fixtures.find((candidate) => candidate.name === '2026-11-22-en-usdm-one-way');
  if (file === undefined) throw new Error('no binance usdm fixture');

  /** A reader whose read of the page has read one of its three rows. */
  function cutReader(page: Page): PositionsReader {
    expect(readPositions(page.document, page.adapter).rows.length).toBe(3);
    const reader = createPositionsReader();
    expect(isFinished(reader.readSlice(page.document, page.adapter, null, ONE_ROW))).toBe(false);
    expect(isFinished(reader.readSlice(page.document, page.adapter, 'continue', ONE_ROW))).toBe(
      false,
    );
    return reader;
  }

  it('on another root: that root from its first row, and the cut read is dropped', () => {
    const pageA = openFixture(file);
    const pageB = openFixture(file);
    const reader = cutReader(pageA);
    const onB = reader.readSlice(pageB.document, pageB.adapter, 'continue', ONE_ROW);
    expect(isFinished(onB)).toBe(false);
    expect(onB.positionsArea?.ownerDocument).toBe(pageB.document);
    const { result: resultB, calls: callsB } = finishReader(reader, pageB, onB, ONE_ROW);
    expect(callsB).toBe(3); // from its first row, not from where A's read stopped
    expectSameAsFull(resultB, pageB);
    // A's cut read is gone: going on with A starts over (two more rows would have finished it).
    const onA = reader.readSlice(pageA.document, pageA.adapter, 'continue', ONE_ROW);
    expect(isFinished(onA)).toBe(false);
    const { result: resultA, calls: callsA } = finishReader(reader, pageA, onA, ONE_ROW);
    expect(callsA).toBe(3);
    expectSameAsFull(resultA, pageA);
  });

  it('with another adapter: read with that adapter', () => {
    const page = openFixture(file);
    const reader = cutReader(page);
    const generic = reader.readSlice(page.document, GENERIC_ADAPTER, 'continue', ALL_ROWS);
    expect(isFinished(generic)).toBe(true);
    expect((generic as ReadResult).adapterId).toBe(GENERIC_ADAPTER.id);
    expectSameRead(generic as ReadResult, readPositions(page.document, GENERIC_ADAPTER));
    // Cut with that adapter, 'continue' goes on with it from its first row.
    const cut = reader.readSlice(page.document, GENERIC_ADAPTER, 'continue', ONE_ROW);
    expect(isFinished(cut)).toBe(false);
    const genericPage = { ...page, adapter: GENERIC_ADAPTER };
    const { result, calls } = finishReader(reader, genericPage, cut, ONE_ROW);
    expect(calls).toBe(result.rows.length);
    expectSameAsFull(result, genericPage);
  });

  it('with no cut read: a full read, cut as any full read', () => {
    const page = openFixture(file);
    const whole = createPositionsReader().readSlice(
      page.document,
      page.adapter,
      'continue',
      ALL_ROWS,
    );
    expect(isFinished(whole)).toBe(true);
    expectSameAsFull(whole as ReadResult, page);

    const reader = createPositionsReader();
    const first = reader.readSlice(page.document, page.adapter, 'continue', ONE_ROW);
    expect(isFinished(first)).toBe(false);
    const { result, calls } = finishReader(reader, page, first, ONE_ROW);
    expect(calls).toBe(3);
    expectSameAsFull(result, page);
    // Finished, there is nothing to go on with: the next 'continue' reads anew (new row reads).
    const anew = reader.readSlice(page.document, page.adapter, 'continue', ALL_ROWS);
    expect(isFinished(anew)).toBe(true);
    expectSameRead(anew as ReadResult, result);
    expect((anew as ReadResult).rows[0]?.raw).not.toBe(result.rows[0]?.raw);
  });

  it('after reset(): the cut read is dropped, the next one starts over', () => {
    const page = openFixture(file);
    const reader = cutReader(page);
    reader.reset();
    const again = reader.readSlice(page.document, page.adapter, 'continue', ONE_ROW);
    expect(isFinished(again)).toBe(false);
    const { result, calls } = finishReader(reader, page, again, ONE_ROW);
    expect(calls).toBe(3); // the old read needed two more
    expectSameAsFull(result, page);
  });

  it('after a plain read: the cut read is dropped too', () => {
    const page = openFixture(file);
    const reader = cutReader(page);
    expectSameAsFull(reader.read(page.document, page.adapter, null), page);
    const after = reader.readSlice(page.document, page.adapter, 'continue', ONE_ROW);
    expect(isFinished(after)).toBe(false);
    expect(finishReader(reader, page, after, ONE_ROW).calls).toBe(3);
  });

  it('a cut read goes on where it stopped (the counterpart of the cases above)', () => {
    const page = openFixture(file);
    const reader = cutReader(page);
    const { result, calls } = finishReader(
      reader,
      page,
      { unfinished: true, positionsArea: null },
      ONE_ROW,
    );
    expect(calls).toBe(2);
    expectSameAsFull(result, page);
  });
});

describe('the slice ends when the clock reaches endsAt', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('with the clock short of endsAt, every row is read in one slice', () => {
    vi.spyOn(performance, 'now').mockReturnValue(1000);
    const page = openBench(30);
    const started = startSlicedRead(page.document, page.adapter, 1000.5);
    expect(isFinished(started)).toBe(true);
    expectSameAsFull(started as ReadResult, page);
  });

  it('with the clock at endsAt, one row per slice', () => {
    vi.spyOn(performance, 'now').mockReturnValue(1000);
    const page = openBench(30);
    const { result, calls } = finishSliced(
      startSlicedRead(page.document, page.adapter, 1000),
      1000,
    );
    expect(calls).toBe(30);
    expectSameAsFull(result, page);
  });

  it('on the real clock with the production slice (4 ms), a long table reads the same', () => {
    const page = openBench(60);
    const reader = createPositionsReader();
    const first = reader.readSlice(page.document, page.adapter, null, performance.now() + 4);
    let answer = first;
    let calls = 0;
    while (!isFinished(answer)) {
      expect(calls).toBeLessThan(61); // at least one row per slice
      answer = reader.readSlice(page.document, page.adapter, 'continue', performance.now() + 4);
      calls += 1;
    }
    expectSameAsFull(answer, page);
  });
});
