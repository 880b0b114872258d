/**
 * A page in constant churn (issue 5.4), through the real watcher and the real reader: rows that
 * appear and vanish every frame, a table torn down and rebuilt, a reader that throws. We read at
 * most once per frame, end on the page's final state, contain every failure, and the page's own
 * code keeps working throughout.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReadResult } from '../../entrypoints/positions.content/read';
import { watchPositions, type WatchOptions } from '../../entrypoints/positions.content/watch';
import { fakeContext } from './fake-context';
import { buildRow, buildTable, readPage, saneRow, viewOf } from './hostile-page';

const FRAME_MS = 16;

/** The key the reader gives saneRow(index): even rows are long, odd rows short. */
function keyOf(index: number): string {
  return `COIN${index}USDT|${index % 2 === 0 ? 'long' : 'short'}`;
}

/** Let the MutationObserver callbacks (microtasks) run, then one animation frame. */
async function frame(): Promise<void> {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(FRAME_MS);
}

describe('a page in constant churn', () => {
  let ctx: ReturnType<typeof fakeContext>;
  let reads: ReadResult[];
  let errors: unknown[];
  let pageMutations: number;
  let pageObserver: MutationObserver;

  function watch(overrides: Partial<WatchOptions> = {}) {
    return watchPositions(ctx, {
      read: () => {
        const result = readPage();
        viewOf(result); // the full path to the panel's view, as the controller does
        reads.push(result);
        return { area: result.positionsArea, unfinished: false };
      },
      onNavigate: () => {},
      isOwnNode: () => false,
      onError: (error) => errors.push(error),
      searchIntervalMs: 50,
      ...overrides,
    });
  }

  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
    document.body.replaceChildren();
    ctx = fakeContext();
    reads = [];
    errors = [];
    // The page's own code: it watches its DOM too, and must see every one of its changes.
    pageMutations = 0;
    pageObserver = new MutationObserver((records) => {
      pageMutations += records.length;
    });
    pageObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
  });

  afterEach(() => {
    ctx.invalidate();
    pageObserver.disconnect();
    vi.useRealTimers();
  });

  it('reads at most once per frame while rows appear and vanish every frame, and ends on the final state', async () => {
    const table = buildTable(document, [saneRow(0)]);
    document.body.append(table);
    watch();
    await frame();
    const body = table.tBodies[0]!;
    const FRAMES = 120;
    for (let index = 1; index <= FRAMES; index += 1) {
      // Each frame: one row appears, the previous newcomer vanishes, the first row's mark ticks.
      body.append(buildRow(document, saneRow(index)));
      if (index > 1) body.rows[1]?.remove();
      const mark = body.rows[0]?.cells[5]; // Mark Price
      if (mark) mark.textContent = `61,${String(500 + index).padStart(3, '0')}.5`;
      await frame();
    }
    await frame();
    expect(errors).toEqual([]);
    expect(reads.length).toBeGreaterThan(FRAMES / 2); // it kept up
    expect(reads.length).toBeLessThanOrEqual(FRAMES + 3); // never more than one read per frame
    const last = reads.at(-1)!;
    expect(last.rows.map((row) => row.key)).toEqual([keyOf(0), keyOf(FRAMES)]);
    expect(last.rows[0]?.raw.markPrice).toBe(`61,${String(500 + FRAMES)}.5`);
    expect(pageMutations).toBeGreaterThanOrEqual(FRAMES * 2); // the page saw all of its changes
  });

  it('follows a table torn down and rebuilt, and stops listening to the detached one', async () => {
    const first = buildTable(document, [saneRow(0), saneRow(1)]);
    document.body.append(first);
    watch();
    await frame();
    expect(reads.at(-1)?.rows).toHaveLength(2);

    for (let rebuild = 0; rebuild < 20; rebuild += 1) {
      document.body.replaceChildren(buildTable(document, [saneRow(100 + rebuild)]));
      await frame();
      await vi.advanceTimersByTimeAsync(60);
      await frame();
      expect(reads.at(-1)?.rows.map((row) => row.key)).toEqual([keyOf(100 + rebuild)]);
    }
    // Mutating the long-gone first table schedules no read.
    const before = reads.length;
    first.tBodies[0]?.append(buildRow(document, saneRow(999)));
    await frame();
    await frame();
    expect(reads.length).toBe(before);
    expect(errors).toEqual([]);
  });

  it('keeps going when the page empties and refills, and reads nothing after the context ends', async () => {
    document.body.append(buildTable(document, [saneRow(0)]));
    watch();
    await frame();
    document.body.replaceChildren();
    await frame();
    await vi.advanceTimersByTimeAsync(60);
    await frame();
    document.body.append(buildTable(document, [saneRow(7)]));
    await frame();
    await vi.advanceTimersByTimeAsync(60);
    await frame();
    expect(reads.at(-1)?.rows.map((row) => row.key)).toEqual(['COIN7USDT|short']);

    ctx.invalidate();
    const before = reads.length;
    document.body.append(buildTable(document, [saneRow(8)]));
    await frame();
    await vi.advanceTimersByTimeAsync(200);
    expect(reads.length).toBe(before);
  });

  it('contains a reader that throws on every frame: errors reported to us, never to the page', async () => {
    const table = buildTable(document, [saneRow(0)]);
    document.body.append(table);
    const pageErrors: unknown[] = [];
    const onPageError = (event: ErrorEvent) => pageErrors.push(event.error);
    window.addEventListener('error', onPageError);
    try {
      watch({
        read: () => {
          throw new Error('reader exploded');
        },
      });
      for (let index = 0; index < 30; index += 1) {
        table.tBodies[0]?.append(buildRow(document, saneRow(index + 1)));
        await frame();
      }
    } finally {
      window.removeEventListener('error', onPageError);
    }
    // Failing reads find no area, so the watcher falls back to its slower search: bounded retries.
    expect(errors.length).toBeGreaterThan(3);
    expect(errors.length).toBeLessThanOrEqual(30);
    expect(errors.every((error) => error instanceof Error)).toBe(true);
    expect(pageErrors).toEqual([]);
    // The page still works: its own DOM operations and listeners are unaffected.
    const button = document.createElement('button');
    let clicks = 0;
    button.addEventListener('click', () => (clicks += 1));
    document.body.append(button);
    button.click();
    expect(clicks).toBe(1);
  });
});
