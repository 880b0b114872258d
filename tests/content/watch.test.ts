import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  isRelevantMutation,
  watchPositions,
  type WatchOptions,
  type WatchReason,
} from '../../entrypoints/positions.content/watch';
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

  it("reads on in the next frame with 'continue' and no changes, one slice a frame, until it finishes", async () => {
    makeArea();
    start((_call, index) => index < 3); // the start and two continues are cut
    await nextFrame();
    expect(calls).toEqual([{ reason: 'start', changes: null }]);
    await nextFrame();
    expect(calls).toHaveLength(2);
    await nextFrame();
    await nextFrame();
    expect(calls).toEqual([
      { reason: 'start', changes: null },
      { reason: 'continue', changes: null },
      { reason: 'continue', changes: null },
      { reason: 'continue', changes: null },
    ]);
    // Finished: idle again, no frame or timer left.
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(4);
  });

  it('keeps the mutations made during a continuing read from it, and reads exactly them after it finishes', async () => {
    const area = makeArea();
    const text = markText(area);
    const delivered: MutationRecord[] = [];
    const seen = new MutationObserver((records) => delivered.push(...records));
    start((call) => call.reason === 'start' || calls.length < 3);
    await nextFrame(); // start: cut
    seen.observe(area, { subtree: true, characterData: true });
    text.data = '100.6';
    await nextFrame(); // continue: cut
    text.data = '100.7';
    await nextFrame(); // continue: finished
    expect(reasons()).toEqual(['start', 'continue', 'continue']);
    expect(calls.every((call) => call.changes === null)).toBe(true);
    await nextFrame();
    expect(reasons()).toEqual(['start', 'continue', 'continue', 'mutation']);
    const expected = [...delivered, ...seen.takeRecords()];
    seen.disconnect();
    expect(expected).toHaveLength(2);
    const changes = calls[3]?.changes ?? [];
    expect(changes.map((record) => [record.type, record.target])).toEqual(
      expected.map((record) => [record.type, record.target]),
    );
    // Those records were read: nothing more to do.
    await nextFrame();
    expect(calls).toHaveLength(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a mutation just before the continuing frame is kept from that read and read after it', async () => {
    const area = makeArea();
    start((call) => call.reason === 'start');
    await nextFrame(); // start: cut; the continue is queued for the next frame
    markText(area).data = '99.9';
    // Delivered to the observer or still queued when the frame runs: either way it waits.
    await vi.advanceTimersByTimeAsync(20);
    expect(calls[1]).toEqual({ reason: 'continue', changes: null });
    await nextFrame();
    expect(reasons()).toEqual(['start', 'continue', 'mutation']);
    expect(calls[2]?.changes?.map((record) => record.type)).toEqual(['characterData']);
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
    markText(area).data = '101.5'; // kept for after the read going on...
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
