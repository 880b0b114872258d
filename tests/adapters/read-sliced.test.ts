/**
 * Full reads cut into slices (read.ts startSlicedRead, read-incremental.ts readSlice) must answer
 * exactly as one full read does: on every committed fixture page, one row per slice or all in one,
 * through the incremental reader's 'continue', and when the page changes between slices (a cell's
 * text, a row removed or added, a header renamed, a cell replaced): in the finishing call when
 * 'continue' is handed the records made meanwhile (as the watcher does), else once they are read
 * after. Only reads for want of changes are cut: a read in answer to records (a tick, a card
 * layout's full read on a tick) is read in one go, and so is a full read that gives up a cut read
 * (a page rebuilding its table every frame is still read). A page that throws in a later slice
 * gives a degraded result, no throw.
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
import { comparable, expectSameAsFull, expectSameRead } from './read-compare';

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

type Row = ReadResult['rows'][number];

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

/**
 * Where `element` is among the rows read (-1: not there). Elements are checked by identity or
 * index, never handed to a matcher: a failing match prints and diffs whole DOM trees (a heap's worth).
 */
function rowIndexOf(result: ReadResult, element: Element): number {
  return result.rows.findIndex((row) => row.element === element);
}

/** How many rows of `result` are the very rows of `before` (handed on, not read anew). */
function rowsKept(result: ReadResult, before: ReadResult): number {
  return result.rows.filter((row) => before.rows.includes(row)).length;
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
function fieldTextNode(row: Row): Text {
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

/** The row at `index` of a read (negative: from the end); a read without it is a broken setup. */
function rowAt(result: ReadResult, index: number): Row {
  const row = result.rows.at(index);
  if (row === undefined) throw new Error(`no row at ${String(index)}`);
  return row;
}

/** Writes a tick into a field of `row` (tickLastDigit); the row as read before. */
function tickRow(row: Row): Row {
  tickLastDigit(fieldTextNode(row));
  return row;
}

/**
 * A new reader's full read of `page`, cut after its first slice (one row), the area observed as
 * the watcher observes it (from the first slice on).
 */
function startObserved(page: Page) {
  const reader = createPositionsReader();
  const first = reader.readSlice(page.document, page.adapter, null, ONE_ROW);
  expect(isFinished(first)).toBe(false);
  return { reader, first, observer: observe(page, first.positionsArea) };
}

/** A reader whose full read of `page` has read its first row and stopped (observed as above). */
function cutAfterFirstRow(page: Page) {
  const { reader, observer } = startObserved(page);
  const cut = reader.readSlice(page.document, page.adapter, 'continue', ONE_ROW);
  expect(isFinished(cut)).toBe(false);
  return { reader, cut: cut as UnfinishedRead, observer };
}

/** A new reader's full read of `page`, one row per slice, read to its end (observed as above). */
function readSlicedObserved(page: Page) {
  const { reader, first, observer } = startObserved(page);
  return { reader, observer, ...finishReader(reader, page, first, ONE_ROW) };
}

/** Answers `records` one row per slice: a read in answer to records is never cut, so one call. */
function answerRecords(page: Page, reader: PositionsReader, records: MutationRecord[]): ReadResult {
  expect(records.length).toBeGreaterThan(0);
  const answer = reader.readSlice(page.document, page.adapter, records, ONE_ROW);
  expect(isFinished(answer)).toBe(true);
  return answer as ReadResult;
}

/**
 * Ticks row `index` of `before` and answers the records observed: in one call, the same as a fresh
 * full read, with that row's new text.
 */
function tickAndAnswer(
  page: Page,
  reader: PositionsReader,
  observer: MutationObserver,
  before: ReadResult,
  index: number,
): ReadResult {
  const row = tickRow(rowAt(before, index));
  const ticked = answerRecords(page, reader, observer.takeRecords());
  expectSameAsFull(ticked, page);
  expect(ticked.rows.at(index)?.raw).not.toEqual(row.raw);
  return ticked;
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
        expect((started as SlicedRead).positionsArea === full.positionsArea).toBe(true);
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
        const { reader, observer, result, calls } = readSlicedObserved(page);
        expect(calls).toBe(result.rows.length);
        expectSameAsFull(result, page);

        // The same page read at once by another reader: the tick must leave the same rows re-read.
        const reference = openFixture(file);
        const referenceReader = createPositionsReader();
        const referenceBefore = referenceReader.read(reference.document, reference.adapter, null);
        const referenceObserver = observe(reference, referenceBefore.positionsArea);
        tickRow(rowAt(referenceBefore, 0));

        // A read in answer to records is never cut, however short its slice: a table's tick re-read
        // from the cache the sliced read left, and on card layouts (no cache) the full read it
        // causes alike.
        const after = tickAndAnswer(page, reader, observer, result, 0);

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
  /** `page` read in full, and a reader's full read of it cut after its first row. */
  function cutPage(page: Page) {
    const full = readPositions(page.document, page.adapter);
    expect(full.rows.length).toBeGreaterThan(1);
    return { page, full, ...cutAfterFirstRow(page) };
  }

  type Cut = ReturnType<typeof cutPage>;

  /** Ticks row `index` of the full read: a fresh full read sees the change. */
  function tickSeen({ page, full }: Cut, index: number): { row: Row; now: ReadResult } {
    const row = tickRow(rowAt(full, index));
    const now = readPositions(page.document, page.adapter);
    expect(now.rows.at(index)?.raw).not.toEqual(row.raw); // a change a read sees
    return { row, now };
  }

  /** Takes row `index` of the full read out of the page; its element. */
  function removeRow({ full }: Cut, index: number): Element {
    const gone = rowAt(full, index).element;
    gone.remove();
    return gone;
  }

  /** A copy of the last row added after it, a tick written in it (a position of its own). */
  function addRowAfterLast({ full }: Cut): Element {
    const last = rowAt(full, -1);
    const added = last.element.cloneNode(true) as Element;
    last.element.after(added);
    tickRow({ ...last, element: added });
    return added;
  }

  /** Reads the cut read to its end with 'continue', handed nothing made meanwhile. */
  function finishAlone({ page, reader, cut }: Cut): ReadResult {
    return finishReader(reader, page, cut, ONE_ROW).result;
  }

  /**
   * The records kept meanwhile, read as a tick after the cut read finished, must give a fresh full
   * read; observing stops. That is what a caller that leaves out 'continue''s `meanwhile` (its
   * default, []: nothing applied) must do; the watcher hands them to 'continue' instead (the (c)
   * tests).
   */
  function readRecordsAfter({ page, reader, observer }: Cut): ReadResult {
    const records = observer.takeRecords();
    observer.disconnect();
    expect(records.length).toBeGreaterThan(0);
    const answer = reader.readSlice(page.document, page.adapter, records, ONE_ROW);
    const after = finishReader(reader, page, answer, ONE_ROW).result;
    expectSameAsFull(after, page);
    return after;
  }

  /**
   * Reads on with 'continue' as the watcher drives it: each call is handed every record observed
   * since the cut read began, one growing list (watch.ts pendingRecords); `meanwhile` null stands
   * for records that overflowed (the watcher then passes null to every call). The call that reads
   * the last row answers: one call per row left, no read after. Observing stops.
   */
  function finishWatched(
    { page, full, reader, cut, observer }: Cut,
    meanwhile: MutationRecord[] | null,
  ): ReadResult {
    let answer: ReadResult | UnfinishedRead = cut;
    let calls = 0;
    while (!isFinished(answer)) {
      if (calls >= MAX_SLICES) throw new Error('the sliced read never finished');
      const records = observer.takeRecords();
      meanwhile?.push(...records);
      answer = reader.readSlice(page.document, page.adapter, 'continue', ONE_ROW, meanwhile);
      calls += 1;
    }
    observer.disconnect();
    expect(calls).toBe(full.rows.length - 1);
    return answer;
  }

  for (const file of multiRow) {
    describe(`${file.adapterId}/${file.name}`, () => {
      it('(c) meanwhile: text changed in a row already read and in one not yet read: the finishing call answers a fresh full read', () => {
        const sliced = cutPage(openFixture(file));
        // Changes a read sees, in both rows.
        tickSeen(sliced, 0);
        tickSeen(sliced, -1);
        const meanwhile: MutationRecord[] = [];
        const result = finishWatched(sliced, meanwhile);
        expect(meanwhile.length).toBeGreaterThanOrEqual(2);
        expectSameAsFull(result, sliced.page);
      });

      it('(c) meanwhile: a row already read removed: the finishing call answers a fresh full read', () => {
        const sliced = cutPage(openFixture(file));
        const gone = removeRow(sliced, 0);
        const result = finishWatched(sliced, []);
        expect(rowIndexOf(result, gone)).toBe(-1);
        expectSameAsFull(result, sliced.page);
      });

      it('(c) meanwhile: a row not yet read removed, and a text changed in one read: the finishing call answers a fresh full read', () => {
        const sliced = cutPage(openFixture(file));
        const first = tickRow(rowAt(sliced.full, 0));
        const gone = removeRow(sliced, -1);
        const result = finishWatched(sliced, []);
        expect(rowIndexOf(result, gone)).toBe(-1);
        expect(result.rows[0]?.raw).not.toEqual(first.raw);
        expectSameAsFull(result, sliced.page);
      });

      it('(c) meanwhile: a row added (only its records tell): the finishing call answers a fresh full read', () => {
        const sliced = cutPage(openFixture(file));
        const added = addRowAfterLast(sliced);
        const result = finishWatched(sliced, []);
        expect(rowIndexOf(result, added)).toBeGreaterThanOrEqual(0);
        expectSameAsFull(result, sliced.page);
      });

      it('(c) meanwhile null (records not known): the finishing call answers the sliced read as read; the caller reads in full after', () => {
        const sliced = cutPage(openFixture(file));
        tickSeen(sliced, 0); // in a row already read
        const result = finishWatched(sliced, null);
        // Nothing applied: the table as it was when the read located it, the change not in it.
        expectSameRead(result, sliced.full);
        // What the watcher does then ('mutation' with changes null): a read in full, fresh.
        const { page, reader } = sliced;
        expectSameAsFull(
          reader.readSlice(page.document, page.adapter, null, ALL_ROWS) as ReadResult,
          page,
        );
      });

      it('(a) a cell text changed in a row already read: the records read after give the full read', () => {
        const sliced = cutPage(openFixture(file));
        const { row, now } = tickSeen(sliced, 0);
        const finished = finishAlone(sliced);
        // Read before the change, the row may hold its old text; either way, nothing else.
        expect([row.raw, now.rows[0]?.raw]).toContainEqual(finished.rows[0]?.raw);
        expect(comparable(finished).rows.slice(1)).toEqual(comparable(now).rows.slice(1));
        readRecordsAfter(sliced);
      });

      it('(a) a cell text changed in a row not yet read: the records read after give the full read', () => {
        const sliced = cutPage(openFixture(file));
        const { row, now } = tickSeen(sliced, -1);
        const finished = finishAlone(sliced);
        expect([row.raw, now.rows.at(-1)?.raw]).toContainEqual(finished.rows.at(-1)?.raw);
        readRecordsAfter(sliced);
      });

      it('(b) a row already read removed: the finished read equals a fresh full read', () => {
        const sliced = cutPage(openFixture(file));
        const gone = removeRow(sliced, 0);
        const finished = finishAlone(sliced);
        expectSameAsFull(finished, sliced.page);
        expect(rowIndexOf(finished, gone)).toBe(-1);
        expect(finished.rows.every((row) => row.element.isConnected)).toBe(true);
        readRecordsAfter(sliced);
      });

      it('(b) a row not yet read removed: the finished read equals a fresh full read', () => {
        const sliced = cutPage(openFixture(file));
        const gone = removeRow(sliced, -1);
        const finished = finishAlone(sliced);
        expectSameAsFull(finished, sliced.page);
        expect(rowIndexOf(finished, gone)).toBe(-1);
        readRecordsAfter(sliced);
      });

      it('a row added: the records read after give the full read', () => {
        const sliced = cutPage(openFixture(file));
        const added = addRowAfterLast(sliced);
        expect(rowIndexOf(finishAlone(sliced), added)).toBe(-1);
        const after = readRecordsAfter(sliced);
        expect(rowIndexOf(after, added)).toBeGreaterThanOrEqual(0);
      });

      it('a later slice that throws gives a degraded result, never a throw', () => {
        const sliced = cutPage(openFixture(file));
        const { page, full, reader, observer } = sliced;
        observer.disconnect(); // no records read here
        const direct = startSlicedRead(page.document, page.adapter, ONE_ROW);
        expect(isFinished(direct)).toBe(false);
        const restore = makeHostile(rowAt(full, -1).element);
        let finished: ReadResult | null = null;
        expect(() => {
          finished = finishAlone(sliced);
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
    const sliced = cutPage(openBench(12));
    const headers = Array.from(sliced.page.document.querySelectorAll('[role="columnheader"]'));
    const mark = headers.find((header) => header.textContent === 'Mark Price');
    const liquidation = headers.find((header) => header.textContent === 'Liq.Price');
    if (mark === undefined || liquidation === undefined) throw new Error('no price headers');
    mark.textContent = 'Liq.Price';
    liquidation.textContent = 'Mark Price';
    finishAlone(sliced);
    const after = readRecordsAfter(sliced);
    // The columns did swap: what was the mark price is read as the liquidation price now.
    sliced.full.rows.forEach((row, index) => {
      expect(after.rows[index]?.raw.liquidationPrice).toBe(row.raw.markPrice);
    });
  });

  it('a cell element replaced in a row already read: the records read after give the full read', () => {
    const sliced = cutPage(openBench(12));
    const row = rowAt(sliced.full, 0).element;
    const cell = row.querySelector('.mark');
    if (cell === null) throw new Error('no mark cell');
    const replacement = cell.cloneNode(false) as Element;
    replacement.textContent = '61111.11';
    cell.replaceWith(replacement);
    expect(finishAlone(sliced).rows[0]?.element === row).toBe(true);
    const after = readRecordsAfter(sliced);
    expect(after.rows[0]?.raw.markPrice).toBe('61111.11');
  });

  it('a tick after a sliced read re-reads only the ticked row (the sliced read left its cache)', () => {
    const page = openBench(20);
    const { reader, observer, result: before, calls } = readSlicedObserved(page);
    expect(calls).toBe(20);
    const after = tickAndAnswer(page, reader, observer, before, 5);
    after.rows.forEach((row, index) => {
      if (index === 5) expect(row.raw).not.toEqual(before.rows[index]?.raw);
      else expect(row === before.rows[index], `row ${String(index)} handed on`).toBe(true);
    });
    observer.disconnect();
  });

  it('a structural change after a sliced read is a full read in one go (it answers records)', () => {
    const page = openBench(6);
    const { reader, observer, result: before } = readSlicedObserved(page);
    const gone = rowAt(before, 2).element;
    gone.remove();
    const records = observer.takeRecords();
    expect(records.map((record) => record.type)).toEqual(['childList']);
    const result = answerRecords(page, reader, records);
    expect(result.rows).toHaveLength(5);
    expect(rowIndexOf(result, gone)).toBe(-1);
    expectSameAsFull(result, page);
    // A full read, not a re-read: every row read anew.
    expect(rowsKept(result, before)).toBe(0);
    observer.disconnect();
  });
});

describe("'continue' with nothing of its own to go on with reads in full", () => {
  const file = fixtures.find((candidate) => candidate.name === '2026-11-22-en-usdm-one-way');
  if (file === undefined) throw new Error('no binance usdm fixture');

  /** A reader whose read of the page has read one of its three rows. */
  function cutReader(page: Page): PositionsReader {
    expect(readPositions(page.document, page.adapter).rows.length).toBe(3);
    const { reader, observer } = cutAfterFirstRow(page);
    observer.disconnect(); // no records read here
    return reader;
  }

  /**
   * 'continue' on `page` starts a read of its own: cut after its first row, three calls to finish
   * it, and the answer of a full read.
   */
  function expectContinueStartsOver(reader: PositionsReader, page: Page): ReadResult {
    const first = reader.readSlice(page.document, page.adapter, 'continue', ONE_ROW);
    expect(isFinished(first)).toBe(false);
    const { result, calls } = finishReader(reader, page, first, ONE_ROW);
    expect(calls).toBe(3);
    expectSameAsFull(result, page);
    return result;
  }

  it('on another root: that root read in one go (it gives up the cut read), which is dropped', () => {
    const pageA = openFixture(file);
    const pageB = openFixture(file);
    const reader = cutReader(pageA);
    // A full read that gives up a cut read goes to the end, however short its slice.
    const onB = reader.readSlice(pageB.document, pageB.adapter, 'continue', ONE_ROW);
    expect(isFinished(onB)).toBe(true);
    expect(onB.positionsArea?.ownerDocument).toBe(pageB.document);
    const resultB = onB as ReadResult;
    expect(resultB.rows).toHaveLength(3); // all of B's rows, not A's last two
    expectSameAsFull(resultB, pageB);
    // A's cut read is gone: going on with A starts over (two more rows would have finished it).
    expectContinueStartsOver(reader, pageA);
  });

  it('with another adapter: read with that adapter', () => {
    const page = openFixture(file);
    const reader = cutReader(page);
    // It gives up the cut read: read to the end in one go, however short its slice.
    const generic = reader.readSlice(page.document, GENERIC_ADAPTER, 'continue', ONE_ROW);
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
    const result = expectContinueStartsOver(reader, page);
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
    expectContinueStartsOver(reader, page); // the old read needed two more calls
  });

  it('after a plain read: the cut read is dropped too', () => {
    const page = openFixture(file);
    const reader = cutReader(page);
    expectSameAsFull(reader.read(page.document, page.adapter, null), page);
    expectContinueStartsOver(reader, page);
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

describe('a read in answer to records is read in one go, whatever endsAt', () => {
  /** Card layouts: a full read leaves no cache, so every tick is a full read. */
  const cardFixtures = fixtures.filter((file) => {
    const page = openFixture(file);
    let snapshots = 0;
    readPositions(page.document, page.adapter, () => (snapshots += 1));
    return snapshots === 0;
  });

  it('there are card layouts among the fixtures', () => {
    expect(cardFixtures.map((file) => file.name)).toEqual(
      expect.arrayContaining(['2026-11-22-en-cards', '2026-11-22-zh-cards']),
    );
  });

  for (const file of cardFixtures) {
    it(`${file.adapterId}/${file.name}: a tick (records, no cache) is answered in one call with endsAt -Infinity`, () => {
      const page = openFixture(file);
      // A read for want of changes is cut, on cards as anywhere.
      const { reader, observer, result: before } = readSlicedObserved(page);
      const ticked = tickAndAnswer(page, reader, observer, before, -1);
      // A full read (no cache to re-read from): every row read anew.
      expect(rowsKept(ticked, before)).toBe(0);
      // It left nothing cut behind: 'continue' now starts a read of its own, cut again.
      expect(isFinished(reader.readSlice(page.document, page.adapter, 'continue', ONE_ROW))).toBe(
        false,
      );
      observer.disconnect();
    });
  }

  it('a tick with no cache yet (after reset) is read in full in one call, on a table too', () => {
    const page = openBench(8);
    const reader = createPositionsReader();
    const before = reader.read(page.document, page.adapter, null);
    const observer = observe(page, before.positionsArea);
    reader.reset();
    tickAndAnswer(page, reader, observer, before, 3);
    observer.disconnect();
  });

  it('a tick while a cut read goes on gives it up and is read in full in one call', () => {
    const page = openBench(8);
    const { reader, observer } = cutAfterFirstRow(page);
    tickAndAnswer(page, reader, observer, readPositions(page.document, page.adapter), 6);
    observer.disconnect();
  });
});

describe('a full read that gives up a cut read is read to the end', () => {
  /** A bench page whose area the page replaces with a fresh copy, a tick written in its first row. */
  function replaceArea(page: Page, area: Element | null, frame: number): Element {
    if (area === null) throw new Error('no area');
    const copy = area.cloneNode(true) as Element;
    const mark = copy.querySelector('.mark')?.firstChild;
    if (mark?.nodeType !== 3) throw new Error('no mark text');
    (mark as Text).data = `6${String(1000 + frame)}.25`;
    area.replaceWith(copy);
    expect(page.document.contains(copy)).toBe(true);
    return copy;
  }

  it('a read for want of changes while a cut read goes on answers in that call; the next one is cut again', () => {
    const page = openBench(6);
    const { reader, observer } = cutAfterFirstRow(page);
    observer.disconnect(); // no records read here
    const restarted = reader.readSlice(page.document, page.adapter, null, ONE_ROW);
    expect(isFinished(restarted)).toBe(true);
    expectSameAsFull(restarted as ReadResult, page);
    // With no cut read to give up, a read for want of changes is cut again.
    expect(isFinished(reader.readSlice(page.document, page.adapter, null, ONE_ROW))).toBe(false);
  });

  it('a page replacing its positions area every frame, read for it each frame (area-changed): a fresh answer at least every second frame', () => {
    const page = openBench(6);
    const reader = createPositionsReader();
    let area: Element | null = readPositions(page.document, page.adapter).positionsArea;
    const finishedFrames: number[] = [];
    for (let frame = 0; frame < 20; frame += 1) {
      area = replaceArea(page, area, frame);
      // The watcher's reason is area-changed, which the controller reads with changes null.
      const answer = reader.readSlice(page.document, page.adapter, null, ONE_ROW);
      if (!isFinished(answer)) continue;
      finishedFrames.push(frame);
      expectSameAsFull(answer, page);
      expect(answer.positionsArea === area).toBe(true);
      expect(answer.rows[0]?.raw.markPrice).toBe(`6${String(1000 + frame)}.25`);
    }
    const gaps = finishedFrames.map((frame, index) => frame - (finishedFrames[index - 1] ?? -1));
    expect(finishedFrames.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2);
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

describe('a cut read that found a row gone reads the page again once, not twice', () => {
  /** How many times the page's positions table is looked up during `read` (one per full read). */
  function tableLookups(page: Page, read: () => void): number {
    const spy = vi.spyOn(page.window.Element.prototype, 'querySelectorAll');
    const document = vi.spyOn(page.window.Document.prototype, 'querySelectorAll');
    try {
      read();
      return [...spy.mock.calls, ...document.mock.calls].filter(
        ([selector]) => typeof selector === 'string' && selector.includes('table'),
      ).length;
    } finally {
      spy.mockRestore();
      document.mockRestore();
    }
  }

  /** A cut read of the bench page with its last row removed after the second slice. */
  function cutWithRowRemoved() {
    const page = openBench(4);
    const { reader, observer } = cutAfterFirstRow(page);
    const rows = page.document.querySelectorAll('[role="row"], tr');
    rows[rows.length - 1]?.remove(); // a row the read has listed; gone before it ends
    const records = observer.takeRecords();
    observer.disconnect();
    return { page, reader, records };
  }

  /** Reads the cut read to its end with the records made meanwhile; the table lookups it made. */
  function finish(
    { page, reader }: ReturnType<typeof cutWithRowRemoved>,
    meanwhile: MutationRecord[],
  ) {
    const answers: ReturnType<typeof reader.readSlice>[] = [];
    const lookups = tableLookups(page, () => {
      let answer = reader.readSlice(page.document, page.adapter, 'continue', ALL_ROWS, meanwhile);
      answers.push(answer);
      while (!isFinished(answer) && answers.length < MAX_SLICES) {
        answer = reader.readSlice(page.document, page.adapter, 'continue', ALL_ROWS, meanwhile);
        answers.push(answer);
      }
    });
    const answer = answers[answers.length - 1];
    if (answer === undefined || !isFinished(answer)) throw new Error('the cut read did not finish');
    return { answer, lookups };
  }

  it('with the records of the removal, as many lookups as without them, and the full answer', () => {
    const withRecords = cutWithRowRemoved();
    expect(withRecords.records.length).toBeGreaterThan(0);
    const answered = finish(withRecords, withRecords.records);
    const without = finish(cutWithRowRemoved(), []);
    expect(answered.lookups).toBeGreaterThan(0);
    expect(answered.lookups).toBe(without.lookups);
    expectSameAsFull(answered.answer, withRecords.page);
    expect(answered.answer.rows).toHaveLength(3);
  });
});
