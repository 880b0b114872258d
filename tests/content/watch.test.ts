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
