import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  isRelevantMutation,
  watchPositions,
  type WatchOptions,
  type WatchReason,
} from '../../entrypoints/positions.content/watch';
import { findAdapter } from '../../entrypoints/positions.content/adapters/index';
import type { Adapter } from '../../entrypoints/positions.content/adapters/types';
import { readPositions, type ReadResult } from '../../entrypoints/positions.content/read';
import {
  createPositionsReader,
  type PositionsReader,
} from '../../entrypoints/positions.content/read-incremental';
import { BENCH_URL, benchPageHtml } from '../bench/bench-page';
import { fakeContext } from './fake-context';

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Let MutationObserver callbacks (microtasks) run, then the next animation frame. */
async function nextFrame() {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(20);
}

/** Exactly one animation frame, after the observers' callbacks (microtasks) have run. */
async function oneFrame() {
  await Promise.resolve();
  await Promise.resolve();
  vi.advanceTimersToNextFrame();
}

function makeArea(id = 'positions'): HTMLElement {
  const area = document.createElement('div');
  area.id = id;
  area.innerHTML = '<div class="row"><span class="mark">100.5</span></div>';
  document.body.append(area);
  return area;
}

describe('watchPositions', () => {
  let reads: WatchReason[];
  let ctx: ReturnType<typeof fakeContext>;
  let host: HTMLElement;

  function start(overrides: Partial<WatchOptions> = {}) {
    return watchPositions(ctx, {
      read: (reason) => {
        reads.push(reason);
        return { area: document.getElementById('positions'), unfinished: false };
      },
      onNavigate: () => {},
      isOwnNode: (node) => node === host || host.contains(node),
      onError: () => {},
      searchIntervalMs: 100,
      ...overrides,
    });
  }

  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
    document.body.innerHTML = '';
    host = document.createElement('liq-sentinel-panel');
    reads = [];
    ctx = fakeContext();
    setHidden(false);
  });

  afterEach(() => {
    ctx.invalidate();
    vi.useRealTimers();
  });

  it('reads once at start, in the next animation frame', async () => {
    makeArea();
    start();
    expect(reads).toEqual([]);
    await nextFrame();
    expect(reads).toEqual(['start']);
  });

  it('coalesces a burst of mutations in the positions area into one read per frame', async () => {
    const area = makeArea();
    start();
    await nextFrame();
    const mark = area.querySelector('.mark')!;
    for (let tick = 0; tick < 25; tick++) mark.textContent = `100.${tick}`;
    area.append(document.createElement('div'));
    await nextFrame();
    expect(reads).toEqual(['start', 'mutation']);
  });

  it('does no work while the page is idle: no timer or frame stays scheduled', async () => {
    makeArea();
    start();
    await nextFrame();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(5000);
    expect(reads).toEqual(['start']);
  });

  it('re-reads on class changes the reader uses, not on inline-style animation', async () => {
    const area = makeArea();
    start();
    await nextFrame();
    const row = area.querySelector('.row') as HTMLElement;
    row.style.opacity = '0.5';
    await nextFrame();
    expect(reads).toEqual(['start']);
    row.classList.add('negative-pl');
    await nextFrame();
    expect(reads).toEqual(['start', 'mutation']);
  });

  it('ignores changes to our own panel host, even when it sits inside the positions area', async () => {
    const area = makeArea();
    start();
    await nextFrame();
    area.append(host);
    host.setAttribute('data-x', '1');
    host.append(document.createElement('span'));
    await nextFrame();
    expect(reads).toEqual(['start']);
  });

  it('pauses while the tab is hidden and catches up once when it is shown again', async () => {
    const area = makeArea();
    start();
    await nextFrame();
    setHidden(true);
    area.querySelector('.mark')!.textContent = '101';
    await nextFrame();
    area.querySelector('.mark')!.textContent = '102';
    await nextFrame();
    expect(reads).toEqual(['start']);
    setHidden(false);
    await nextFrame();
    expect(reads).toEqual(['start', 'visible']);
  });

  it('re-attaches when the exchange replaces the positions area', async () => {
    const first = makeArea();
    const watcher = start();
    await nextFrame();
    expect(watcher.area).toBe(first);
    first.remove();
    const second = makeArea();
    await nextFrame();
    expect(reads).toEqual(['start', 'area-changed']);
    expect(watcher.area).toBe(second);
    // The old area no longer triggers anything; the new one does.
    first.querySelector('.mark')!.textContent = '1';
    second.querySelector('.mark')!.textContent = '2';
    await nextFrame();
    expect(reads).toEqual(['start', 'area-changed', 'mutation']);
  });

  it('finds an area that appears later, looking at most once per search interval', async () => {
    start();
    await nextFrame();
    expect(reads).toEqual(['start']);
    for (let index = 0; index < 10; index++) document.body.append(document.createElement('p'));
    await nextFrame();
    expect(reads).toEqual(['start']); // waiting for the search interval
    makeArea();
    await vi.advanceTimersByTimeAsync(120);
    expect(reads).toEqual(['start', 'area-changed']);
  });

  it('follows hash-route navigation (HTX, JasperVault) and reports the new URL', async () => {
    makeArea();
    const urls: string[] = [];
    start({ onNavigate: (url) => urls.push(url.hash) });
    await nextFrame();
    location.hash = '#/perps/Base_cbBTC';
    await vi.waitFor(() => {
      expect(urls).toEqual(['#/perps/Base_cbBTC']);
    });
    await nextFrame();
    expect(reads).toEqual(['start', 'navigation']);
  });

  it("follows WXT's wxt:locationchange event with its destination URL", async () => {
    makeArea();
    const urls: string[] = [];
    start({ onNavigate: (url) => urls.push(url.pathname) });
    await nextFrame();
    const event = Object.assign(new Event('wxt:locationchange'), {
      newUrl: new URL('https://www.binance.com/en/futures/ETHUSDT'),
    });
    window.dispatchEvent(event);
    await nextFrame();
    expect(urls).toEqual(['/en/futures/ETHUSDT']);
    expect(reads).toEqual(['start', 'navigation']);
  });

  it('contains a failing read: the error goes to onError, never to the page', async () => {
    makeArea();
    const errors: unknown[] = [];
    start({
      read: () => {
        throw new Error('layout changed');
      },
      onError: (error) => errors.push(error),
    });
    await nextFrame();
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('layout changed');
  });

  it('stops for good when the context is invalidated', async () => {
    const area = makeArea();
    start();
    await nextFrame();
    ctx.invalidate();
    area.querySelector('.mark')!.textContent = '103';
    location.hash = '#/after';
    await nextFrame();
    expect(reads).toEqual(['start']);
  });
});

describe('watchPositions with reads cut into slices', () => {
  interface Call {
    readonly reason: WatchReason;
    readonly changes: readonly MutationRecord[] | null;
  }
  let calls: Call[];
  let ctx: ReturnType<typeof fakeContext>;

  /**
   * Starts watching with a read that answers `unfinished` while `cut(call)` says so, reporting
   * `area()` as the area it reads (the element with id "positions" unless told otherwise).
   */
  function start(
    cut: (call: Call, index: number) => boolean,
    area: () => Element | null = () => document.getElementById('positions'),
    overrides: Partial<WatchOptions> = {},
  ) {
    return watchPositions(ctx, {
      read: (reason, changes) => {
        const call = { reason, changes: changes === null ? null : [...changes] };
        calls.push(call);
        return { area: area(), unfinished: cut(call, calls.length - 1) };
      },
      onNavigate: () => {},
      isOwnNode: () => false,
      onError: () => {},
      searchIntervalMs: 100,
      ...overrides,
    });
  }

  const reasons = () => calls.map((call) => call.reason);

  function markText(area: Element): Text {
    const text = area.querySelector('.mark')?.firstChild;
    if (text?.nodeType !== 3) throw new Error('no mark text');
    return text as Text;
  }

  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
    document.body.innerHTML = '';
    calls = [];
    ctx = fakeContext();
    setHidden(false);
  });

  afterEach(() => {
    ctx.invalidate();
    vi.useRealTimers();
  });

  it("reads on in the next frame with 'continue', one slice a frame, until it finishes; no mutations, no records handed on", async () => {
    makeArea();
    start((_call, index) => index < 3); // the start and two continues are cut
    await nextFrame();
    expect(calls).toEqual([{ reason: 'start', changes: null }]);
    await nextFrame();
    expect(calls).toHaveLength(2);
    await nextFrame();
    await nextFrame();
    // The records since the cut read began: none here (a list, not null: they are known).
    expect(calls).toEqual([
      { reason: 'start', changes: null },
      { reason: 'continue', changes: [] },
      { reason: 'continue', changes: [] },
      { reason: 'continue', changes: [] },
    ]);
    // Finished: idle again, no frame or timer left.
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(4);
  });

  it("hands every mutation since the cut read began to each 'continue' (a growing list), and reads nothing after it finishes", async () => {
    const area = makeArea();
    const text = markText(area);
    start((call) => call.reason === 'start' || calls.length < 4);
    await oneFrame(); // start: cut
    text.data = '100.6';
    await oneFrame(); // continue: cut
    text.data = '100.7';
    text.data = '100.8';
    await oneFrame(); // continue: cut
    await oneFrame(); // continue: finished
    expect(reasons()).toEqual(['start', 'continue', 'continue', 'continue']);
    // Each call: every record since the start's read, the earlier ones first (the same records).
    const [, first, second, third] = calls.map((call) => call.changes);
    expect([first?.length, second?.length, third?.length]).toEqual([1, 3, 3]);
    expect(second?.[0] === first?.[0]).toBe(true);
    expect(third?.every((record, index) => record === second?.[index])).toBe(true);
    expect(third?.map((record) => [record.type, record.target])).toEqual([
      ['characterData', text],
      ['characterData', text],
      ['characterData', text],
    ]);
    // The finishing pass applied them: no 'mutation' read follows, nothing stays scheduled.
    expect(vi.getTimerCount()).toBe(0);
    await oneFrame();
    await oneFrame();
    expect(calls).toHaveLength(4);
    // The list starts again empty: the next tick is read with its own record alone.
    text.data = '100.9';
    await oneFrame();
    expect(reasons()).toEqual(['start', 'continue', 'continue', 'continue', 'mutation']);
    expect(calls[4]?.changes?.map((record) => record.target)).toEqual([text]);
  });

  it('a mutation just before the continuing frame is handed to that read; nothing is read after it', async () => {
    const area = makeArea();
    start((call) => call.reason === 'start');
    await oneFrame(); // start: cut; the continue is queued for the next frame
    markText(area).data = '99.9';
    // Not yet delivered to the observer when the frame runs: the read takes it all the same.
    vi.advanceTimersToNextFrame();
    expect(reasons()).toEqual(['start', 'continue']);
    expect(calls[1]?.changes?.map((record) => [record.type, record.target])).toEqual([
      ['characterData', markText(area)],
    ]);
    await oneFrame();
    await oneFrame();
    expect(reasons()).toEqual(['start', 'continue']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("more than 2000 records since the cut read began (MAX_PENDING_RECORDS): 'continue' gets null, and a 'mutation' read with null follows", async () => {
    const area = makeArea();
    const text = markText(area);
    start((call) => call.reason === 'start' || calls.length < 4);
    await oneFrame(); // start: cut
    for (let write = 0; write < 1500; write++) text.data = `100.${String(write)}`;
    await oneFrame(); // continue: cut
    // 501 more: 2001 since the read began, though fewer than 2000 in this frame.
    for (let write = 0; write < 501; write++) text.data = `101.${String(write)}`;
    await oneFrame(); // continue: cut
    await oneFrame(); // continue: finished
    await oneFrame(); // the read in full
    const handed = () => calls.map((call) => [call.reason, call.changes?.length ?? null]);
    // Two more continues, told the records are not known; finished, everything is read again.
    expect(handed()).toEqual([
      ['start', null],
      ['continue', 1500],
      ['continue', null],
      ['continue', null],
      ['mutation', null],
    ]);
    await oneFrame();
    expect(calls).toHaveLength(5);
    expect(vi.getTimerCount()).toBe(0);
    // Then ticks are kept again.
    text.data = '102.5';
    await oneFrame();
    expect(handed().at(-1)).toEqual(['mutation', 1]);
  });

  it('exactly 2000 records since the cut read began are still handed on, and nothing is read after', async () => {
    const area = makeArea();
    const text = markText(area);
    start((call) => call.reason === 'start');
    await oneFrame(); // start: cut
    for (let write = 0; write < 2000; write++) text.data = `100.${String(write)}`;
    await oneFrame(); // continue: finished
    expect(reasons()).toEqual(['start', 'continue']);
    expect(calls[1]?.changes?.length).toBe(2000);
    await oneFrame();
    expect(calls).toHaveLength(2);
  });

  it('after a finished continuing read with no mutations, schedules nothing', async () => {
    makeArea();
    start((call) => call.reason === 'start');
    await nextFrame();
    await nextFrame();
    expect(reasons()).toEqual(['start', 'continue']);
    await nextFrame();
    expect(reasons()).toEqual(['start', 'continue']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a navigation during a continuing read starts over: the next read is a navigation, with no changes', async () => {
    const area = makeArea();
    const urls: string[] = [];
    // Every read but the navigation's is cut: the start's goes on until the navigation.
    start((call) => call.reason !== 'navigation', undefined, {
      onNavigate: (url) => urls.push(url.hash),
    });
    await nextFrame(); // start: cut
    await nextFrame(); // continue: cut
    markText(area).data = '101.5'; // kept for the read going on...
    location.hash = '#/sliced-navigation';
    await vi.waitFor(() => {
      expect(urls).toEqual(['#/sliced-navigation']);
    });
    await nextFrame();
    expect(calls.at(-1)).toEqual({ reason: 'navigation', changes: null });
    expect(reasons()).toEqual(['start', 'continue', 'navigation']);
    // ...and dropped with it: the read after the navigation read everything.
    await nextFrame();
    await nextFrame();
    expect(reasons()).toEqual(['start', 'continue', 'navigation']);
  });

  it('a refresh during a continuing read starts over as a manual read with no changes', async () => {
    const area = makeArea();
    const watcher = start((call) => call.reason !== 'manual');
    await nextFrame(); // start: cut
    markText(area).data = '101.5';
    await Promise.resolve();
    watcher.refresh();
    await nextFrame();
    expect(calls).toEqual([
      { reason: 'start', changes: null },
      { reason: 'manual', changes: null },
    ]);
    await nextFrame();
    expect(calls).toHaveLength(2);
  });

  it('a structural change during a continuing read starts over (area-changed), with no changes', async () => {
    const first = makeArea();
    start((call) => call.reason !== 'area-changed');
    await nextFrame(); // start: cut
    await nextFrame(); // continue: cut
    first.remove();
    makeArea();
    await nextFrame();
    expect(calls.at(-1)).toEqual({ reason: 'area-changed', changes: null });
    await nextFrame();
    expect(reasons().filter((reason) => reason === 'area-changed')).toHaveLength(1);
    expect(reasons().at(-1)).toBe('area-changed');
  });

  it('observes the area of an unfinished pass: a text change in it schedules a read', async () => {
    makeArea('other'); // not the area the reads report
    const sliced = makeArea('sliced');
    let continues = 0;
    const watcher = watchPositions(ctx, {
      read: (reason, changes) => {
        calls.push({ reason, changes });
        if (reason === 'continue') {
          continues += 1;
          throw new Error('the continuing read failed'); // no pass: nothing attached here
        }
        return reason === 'start'
          ? { area: sliced, unfinished: true }
          : { area: sliced, unfinished: false };
      },
      onNavigate: () => {},
      isOwnNode: () => false,
      onError: () => {},
    });
    await nextFrame();
    expect(watcher.area).toBe(sliced);
    await nextFrame();
    expect(continues).toBe(1);
    expect(reasons()).toEqual(['start', 'continue']);
    // Only the unfinished pass ever reported this area: it is observed all the same.
    markText(sliced).data = '100.9';
    await nextFrame();
    expect(reasons()).toEqual(['start', 'continue', 'mutation']);
    expect(calls[2]?.changes?.map((record) => record.target)).toEqual([markText(sliced)]);
  });

  it('a hidden tab drops the read going on and reads in full when shown again', async () => {
    const area = makeArea();
    start((call) => call.reason === 'start');
    await nextFrame(); // start: cut
    setHidden(true);
    markText(area).data = '102.5';
    await nextFrame();
    await nextFrame();
    expect(reasons()).toEqual(['start']);
    setHidden(false);
    await nextFrame();
    expect(calls).toEqual([
      { reason: 'start', changes: null },
      { reason: 'visible', changes: null },
    ]);
    await nextFrame();
    expect(calls).toHaveLength(2);
  });
});

describe('the watcher driving the real reader as the controller does, on a page that rebuilds its table every frame', () => {
  /** Every slice ends at once: one row per slice, the worst a slow machine can do. */
  const ONE_ROW = Number.NEGATIVE_INFINITY;
  const ROWS = 6;
  const FRAMES = 24;

  interface Answer {
    readonly frame: number;
    readonly reason: WatchReason;
    readonly result: ReadResult;
    /** A full read of the page at the same moment. */
    readonly fresh: ReadResult;
  }
  let ctx: ReturnType<typeof fakeContext>;
  let adapter: Adapter;
  let frame: number;
  let reasons: WatchReason[];
  let answers: Answer[];
  let errors: unknown[];

  /** The controller's readAndRender (controller.ts): reason → readSlice's arguments. */
  function readAsTheController(
    reader: PositionsReader,
    reason: WatchReason,
    changes: readonly MutationRecord[] | null,
  ) {
    reasons.push(reason);
    const result =
      reason === 'continue'
        ? reader.readSlice(document, adapter, 'continue', ONE_ROW, changes)
        : reader.readSlice(document, adapter, reason === 'mutation' ? changes : null, ONE_ROW);
    if ('unfinished' in result) return { area: result.positionsArea, unfinished: true };
    answers.push({ frame, reason, result, fresh: readPositions(document, adapter) });
    return { area: result.positionsArea, unfinished: false };
  }

  function startWatching() {
    const reader = createPositionsReader();
    watchPositions(ctx, {
      read: (reason, changes) => readAsTheController(reader, reason, changes),
      onNavigate: () => {},
      isOwnNode: () => false,
      onError: (error) => errors.push(error),
    });
  }

  /** The first row's mark price as the page writes it in `frame`: every rebuild shows another. */
  const markIn = (at: number) => `6${String(1000 + at)}.25`;

  /** The page's positions area (its tab panel), as the reader reports it. */
  const positionsArea = () => document.getElementById('bn-tab-pane-position');

  /** The page rebuilds `element` from scratch: a copy with new elements takes its place. */
  function rebuild(element: Element | null): void {
    if (element === null) throw new Error('nothing to rebuild');
    const copy = element.cloneNode(true) as Element;
    const mark = copy.querySelector('.mark')?.firstChild;
    if (mark?.nodeType !== 3) throw new Error('no mark text');
    (mark as Text).data = markIn(frame);
    element.replaceWith(copy);
  }

  /** What a read answers; its elements are compared by identity in expectFresh. */
  function comparable(result: ReadResult) {
    return {
      status: result.status,
      account: result.account,
      rows: result.rows.map(({ key, raw, problems }) => ({ key, raw, problems })),
    };
  }

  /** Every answer equals a full read at its moment, down to the elements (never a matcher's diff
   * of them: a DOM diff can take the whole heap). */
  function expectFresh(): void {
    expect(errors).toEqual([]);
    for (const answer of answers) {
      const { result, fresh } = answer;
      expect(comparable(result)).toEqual(comparable(fresh));
      expect(result.rows).toHaveLength(ROWS);
      expect(
        result.positionsArea === fresh.positionsArea,
        `area in frame ${String(answer.frame)}`,
      ).toBe(true);
      expect(result.rows.every((row, index) => row.element === fresh.rows[index]?.element)).toBe(
        true,
      );
    }
  }

  /** Each answer shows the mark price of the rebuild just before its frame. */
  function expectShowsLastRebuild(): void {
    for (const answer of answers) {
      expect(answer.result.rows[0]?.raw.markPrice).toBe(markIn(answer.frame - 1));
    }
  }

  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
    const found = findAdapter(BENCH_URL);
    if (found === null) throw new Error('no adapter for the bench page');
    adapter = found;
    const page = new DOMParser().parseFromString(benchPageHtml(ROWS), 'text/html');
    page.querySelectorAll('script').forEach((script) => {
      script.remove();
    });
    document.documentElement.setAttribute('lang', 'en');
    document.body.replaceChildren(
      ...Array.from(page.body.children, (child) => document.importNode(child, true)),
    );
    ctx = fakeContext();
    frame = 0;
    reasons = [];
    answers = [];
    errors = [];
    setHidden(false);
  });

  afterEach(() => {
    ctx.invalidate();
    document.documentElement.removeAttribute('lang');
    vi.useRealTimers();
  });

  it('the positions area replaced every frame (area-changed, read with null): a fresh answer at least every second frame', async () => {
    expect(readPositions(document, adapter).positionsArea === positionsArea()).toBe(true);
    startWatching();
    for (frame = 0; frame < FRAMES; frame++) {
      await oneFrame();
      rebuild(positionsArea());
    }
    expect(reasons.slice(0, 2)).toEqual(['start', 'area-changed']);
    expect(new Set(reasons.slice(1))).toEqual(new Set(['area-changed']));
    const finished = answers.map((answer) => answer.frame);
    const gaps = finished.map((at, index) => at - (finished[index - 1] ?? -1));
    expect(finished.length).toBeGreaterThanOrEqual(FRAMES / 2);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2);
    expectFresh();
    expectShowsLastRebuild();
  });

  it("the table inside the area rebuilt every frame ('continue' with the records, then ticks): the cut read finishes fresh, then every frame answers", async () => {
    const table = () => positionsArea()?.querySelector('[role="table"]') ?? null;
    startWatching();
    for (frame = 0; frame < FRAMES; frame++) {
      await oneFrame();
      rebuild(table());
    }
    // The start's read is never restarted: one slice per row, records handed on, then it answers.
    expect(reasons.slice(0, ROWS + 1)).toEqual([
      'start',
      ...Array<WatchReason>(ROWS).fill('continue'),
    ]);
    const first = answers[0];
    expect(first?.reason).toBe('continue');
    expect(first?.frame).toBe(ROWS);
    // Then each frame's rebuild is read in one go in the next frame (a read in answer to records).
    const later = answers.slice(1);
    expect(later.map((answer) => answer.frame)).toEqual(
      Array.from({ length: FRAMES - 1 - ROWS }, (_, index) => ROWS + 1 + index),
    );
    expect(later.every((answer) => answer.reason === 'mutation')).toBe(true);
    expectFresh();
    expectShowsLastRebuild();
  });
});

describe('isRelevantMutation', () => {
  it('returns false for a childList record that only adds our own node', () => {
    const own = document.createElement('liq-sentinel-panel');
    const record = {
      type: 'childList',
      target: document.body,
      addedNodes: [own] as unknown as NodeList,
      removedNodes: [] as unknown as NodeList,
    } as unknown as MutationRecord;
    expect(isRelevantMutation(record, (node) => node === own)).toBe(false);
    expect(isRelevantMutation(record, () => false)).toBe(true);
  });
});
