/**
 * Page cost of the content script (issue 6, design.md §6), in Debian's Chromium with the real built
 * extension (.output/chrome-mv3) on the bench page (bench-page.ts) served at a Binance URL.
 *
 * Method (BENCHMARKS.md explains it):
 * - Trace (CDP Tracing, devtools.timeline): FunctionCall/EvaluateScript entries at our URL, plus
 *   every RunMicrotasks checkpoint and URL-less script entry (the page queues none: see
 *   ourUnattributedEntries; promise continuations such as the reply → paint run there),
 *   summed per update (the window between two ticks of the page's feed, console.timeStamp marks):
 *   wall time (`dur`) and the thread's CPU time (`tdur`, the budget figure); RunTask > 50 ms containing our work are our long tasks; timers and
 *   animation frames installed from our script are counted in the idle window after the feed stops.
 * - Optionally (`sampleCpu`, for profile-hotspots.ts) a CPU profile (CDP Profiler, 100 µs sampling):
 *   a sample is ours when any frame of its stack is in chrome-extension://<id>/…. Off for the
 *   budget figures: the sampler interrupts the thread it measures and inflates them.
 * - Memory: JS heap of the page's isolate (CDP Runtime.getHeapUsage after HeapProfiler GC); the
 *   content script's isolated world lives in that isolate, so "ours" = with − without extension.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_URL, benchPageHtml } from './bench-page';
import {
  ourUnattributedEntries,
  ourSamples,
  RENDERING_EVENTS,
  selfTimeBy,
  ourTimerFires,
  pageMainThread,
  perWindow,
  quantile,
  scriptEntries,
  tasksOf,
  timeStamps,
  within,
  type CpuProfile,
  type TraceEvent,
} from './chrome-trace';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_PATH =
  process.env.LIQ_BENCH_EXTENSION ?? path.join(ROOT, '.output/chrome-mv3');
const CHROMIUM_PATH = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
const LONG_TASK_US = 50_000;
const SAMPLING_INTERVAL_US = 100;
const IDLE_SETTLE_US = 1_000_000;

/**
 * What the budget runs trace: script entries and microtask checkpoints (devtools.timeline,
 * v8.execute), tasks (toplevel), rendering steps and the page's tick marks. Nothing more, because a
 * trace slows what it records: `disabled-by-default-devtools.timeline.stack` captures a JS stack for
 * every timer, frame and invalidation event, and `disabled-by-default-devtools.timeline` adds an
 * event per invalidation; with both, our figures at 20 positions read ≈ 1 ms per update higher
 * (BENCHMARKS.md, "Method"). LIQ_BENCH_TRACE_DETAIL=1 traces with both, for diagnosis.
 */
export const BUDGET_TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute'] as const;
const DETAILED_TRACE_CATEGORIES = [
  ...BUDGET_TRACE_CATEGORIES,
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
] as const;

export function traceCategories(): readonly string[] {
  if (process.env.LIQ_BENCH_TRACE_DETAIL === '1') return DETAILED_TRACE_CATEGORIES;
  return process.env.LIQ_BENCH_CATEGORIES?.split(',') ?? BUDGET_TRACE_CATEGORIES;
}

export interface PageRunOptions {
  readonly positions: number;
  readonly tickSeconds: number;
  readonly idleSeconds: number;
  readonly withExtension: boolean;
  /** Also take a sampling CPU profile (slows the page a little: not for the budget figures). */
  readonly sampleCpu?: boolean;
}

export interface PageRunResult {
  readonly positions: number;
  readonly withExtension: boolean;
  readonly ticks: number;
  /** Our scripting time per update, ms, from CPU samples; null without `sampleCpu`. */
  readonly perUpdateMs: { p50: number; p95: number; max: number; mean: number } | null;
  /** Our time per update from the trace: our callbacks and their microtasks, wall time. */
  readonly perUpdateTraceMs: { p50: number; p95: number; max: number };
  /**
   * The same entries' thread CPU time (trace `tdur`): what the update costs the CPU, without the
   * time the renderer waited for a core on a loaded machine.
   */
  readonly perUpdateCpuMs: {
    p50: number;
    p95: number;
    max: number;
    /**
     * The p95 of the updates after the first WARM_UP_TICKS (V8 still compiling our code): a page
     * ticks for hours, so this is the steady state. Reported beside the p95, never instead of it.
     */
    p95AfterWarmUp: number;
    /** How many of the updates above the p95 are among the first WARM_UP_TICKS. */
    warmUpInTail: number;
  };
  /**
   * The renderer's style, layout, paint and compositing work per update (thread CPU, mean over the
   * ticking), ms: with the extension it includes redrawing our panel; compare with the run without.
   */
  readonly renderingPerUpdateMs: number;
  /** The page's own scripting per update (CPU samples at its URL), ms p50; null without `sampleCpu`. */
  readonly pageScriptPerUpdateMs: number | null;
  readonly longTasks: {
    readonly total: number;
    readonly ours: number;
    readonly longestOursMs: number;
    /** Tasks with ours inside whose thread CPU time alone exceeds 50 ms (load-independent). */
    readonly oursByCpu: number;
  };
  readonly idle: {
    readonly seconds: number;
    readonly ourScriptMs: number;
    readonly ourTimerFires: number;
    readonly ourAnimationFrames: number;
  };
  /** Navigation start → first panel row in the page, ms (null without the extension). */
  readonly panelShownMs: number | null;
  readonly rowsShown: number;
  readonly estimatesShown: number;
  readonly heapUsedBytes: number;
  readonly domNodes: number;
}

export async function launch(withExtension: boolean, userDataDir: string): Promise<BrowserContext> {
  const extensionArgs = withExtension
    ? [`--disable-extensions-except=${EXTENSION_PATH}`, `--load-extension=${EXTENSION_PATH}`]
    : [];
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: false, // headless comes from --headless=new, which extensions need
    args: [
      '--headless=new',
      ...extensionArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1440, height: 900 },
  });
}

async function readTrace(session: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) => {
    session.once('Tracing.tracingComplete', (event) => {
      resolve(event.stream ?? '');
    });
  });
  await session.send('Tracing.end');
  const stream = await complete;
  let text = '';
  for (;;) {
    const chunk = await session.send('IO.read', { handle: stream, size: 1 << 20 });
    text +=
      chunk.base64Encoded === true ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await session.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** Navigation start → the first panel row, measured in the page's own clock. */
async function waitForPanel(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const host = document.querySelector('liq-sentinel-panel');
      return host?.shadowRoot?.querySelector('[data-testid="liq-row"]') ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 15_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function panelCounts(page: Page): Promise<{ rows: number; estimates: number }> {
  return page.evaluate(() => {
    const root = document.querySelector('liq-sentinel-panel')?.shadowRoot;
    return {
      rows: root?.querySelectorAll('[data-testid="liq-row"]').length ?? 0,
      estimates: root?.querySelectorAll('[data-testid="liq-estimate"]').length ?? 0,
    };
  });
}

const ms = (microseconds: number): number => Math.round(microseconds) / 1000;

/**
 * Nested entries (a callback of ours inside another of ours) counted once, as [start, length]
 * with length = wall time (`dur`) or thread CPU time (`tdur`).
 */
function outermost(
  entries: readonly TraceEvent[],
  length: 'dur' | 'tdur' = 'dur',
): [number, number][] {
  const spans: [number, number][] = [];
  let end = -Infinity;
  // Same start: the longer (enclosing) entry first, so the nested one is the one skipped.
  const ordered = [...entries].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const entry of ordered) {
    if (entry.ts < end) continue;
    spans.push([entry.ts, entry[length] ?? 0]);
    end = entry.ts + (entry.dur ?? 0);
  }
  return spans;
}

/**
 * The first 3 s of ticking: our code runs in V8's interpreter and is compiled as it goes, so these
 * updates cost more than the rest (BENCHMARKS.md, "Where the p95 comes from").
 */
const WARM_UP_TICKS = 30;

/** One measured run: load, (panel), tick for tickSeconds, stop, idle for idleSeconds. */
export async function runPage(options: PageRunOptions): Promise<PageRunResult> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liq-bench-'));
  const context = await launch(options.withExtension, userDataDir);
  try {
    await context.route(/^https?:\/\//, (route) => route.abort());
    const html = benchPageHtml(options.positions);
    await context.route('https://www.binance.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    // Ours is the only extension in this fresh profile, so any chrome-extension:// frame is ours
    // (no need to wait for the service worker to learn the id).
    const ourUrl = 'chrome-extension://';
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    const sampleCpu = options.sampleCpu === true;
    if (sampleCpu) {
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    }
    await session.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      traceConfig: {
        includedCategories: [...traceCategories()],
      },
    });
    if (sampleCpu) await session.send('Profiler.start');
    await page.goto(BENCH_URL);
    const panelShownMs = options.withExtension ? await waitForPanel(page) : null;
    await page.waitForTimeout(500); // settle: first estimates and fonts
    await page.evaluate(() => {
      (window as unknown as { __bench: { start(): void } }).__bench.start();
    });
    await page.waitForTimeout(options.tickSeconds * 1000);
    const counts = options.withExtension ? await panelCounts(page) : { rows: 0, estimates: 0 };
    const ticks = await page.evaluate(() => {
      const bench = (window as unknown as { __bench: { stop(): void; ticks: number } }).__bench;
      bench.stop();
      return bench.ticks;
    });
    await page.waitForTimeout(options.idleSeconds * 1000);
    await page.evaluate(() => {
      (window as unknown as { __bench: { mark(name: string): void } }).__bench.mark(
        'liq-bench:idle-end',
      );
    });
    const profile = sampleCpu
      ? ((await session.send('Profiler.stop')).profile as unknown as CpuProfile)
      : null;
    if (profile !== null && process.env.LIQ_BENCH_PROFILE !== undefined) {
      fs.writeFileSync(process.env.LIQ_BENCH_PROFILE, JSON.stringify(profile));
    }
    const events = await readTrace(session);
    if (process.env.LIQ_BENCH_TRACE !== undefined) {
      // For diagnosis (tests/bench/long-tasks.ts): the raw trace of this run.
      fs.writeFileSync(process.env.LIQ_BENCH_TRACE, JSON.stringify(events));
    }
    await session.send('HeapProfiler.collectGarbage');
    const heap = await session.send('Runtime.getHeapUsage');
    const dom = await session.send('Memory.getDOMCounters');

    const thread = pageMainThread(events, 'https://www.binance.com/');
    if (thread === null) throw new Error('page main thread not found in the trace');
    const tickMarks = timeStamps(events, 'liq-bench:tick');
    const stopAt = timeStamps(events, 'liq-bench:stop')[0] ?? Infinity;
    const idleEnd = timeStamps(events, 'liq-bench:idle-end')[0] ?? Infinity;
    const updateMarks = [...tickMarks, stopAt];

    const samples = profile === null ? [] : ourSamples(profile, ourUrl);
    const perUpdate = perWindow(samples, updateMarks).map(ms);
    // Our callbacks, every microtask checkpoint and URL-less entry (ourUnattributedEntries).
    const ourEntries = [
      ...scriptEntries(events, thread, ourUrl),
      ...ourUnattributedEntries(events, thread),
    ];
    const traceSpans = outermost(ourEntries, 'dur');
    const perUpdateTrace = perWindow(traceSpans, updateMarks).map(ms);
    const perUpdateCpu = perWindow(outermost(ourEntries, 'tdur'), updateMarks).map(ms);
    const pagePerUpdate =
      profile === null
        ? null
        : perWindow(ourSamples(profile, 'https://www.binance.com/'), updateMarks).map(ms);

    const firstTick = tickMarks[0] ?? stopAt;
    const rendering = [...selfTimeBy(events, thread, firstTick, stopAt)]
      .filter(([name]) => RENDERING_EVENTS.has(name))
      .reduce((total, [, cpu]) => total + cpu, 0);
    const renderingPerUpdateMs = tickMarks.length === 0 ? 0 : ms(rendering / tickMarks.length);

    const tasks = tasksOf(events, thread).filter((task) => (task.dur ?? 0) > LONG_TASK_US);
    const oursInside = (task: TraceEvent): boolean => {
      const end = task.ts + (task.dur ?? 0);
      return (
        samples.some(([start]) => start >= task.ts && start < end) ||
        traceSpans.some(([start]) => start >= task.ts && start < end)
      );
    };
    const ourLong = tasks.filter(oursInside);
    // The idle window starts a settle time after the last tick: the answer to that tick is work for a change.
    const idleStart = stopAt + IDLE_SETTLE_US;
    const fires = ourTimerFires(events, thread, ourUrl, idleStart, idleEnd);

    return {
      positions: options.positions,
      withExtension: options.withExtension,
      ticks,
      perUpdateMs:
        profile === null
          ? null
          : {
              p50: quantile(perUpdate, 0.5),
              p95: quantile(perUpdate, 0.95),
              max: quantile(perUpdate, 1),
              mean:
                perUpdate.length === 0
                  ? 0
                  : Math.round((perUpdate.reduce((a, b) => a + b, 0) / perUpdate.length) * 1000) /
                    1000,
            },
      perUpdateTraceMs: {
        p50: quantile(perUpdateTrace, 0.5),
        p95: quantile(perUpdateTrace, 0.95),
        max: quantile(perUpdateTrace, 1),
      },
      perUpdateCpuMs: {
        p50: quantile(perUpdateCpu, 0.5),
        p95: quantile(perUpdateCpu, 0.95),
        max: quantile(perUpdateCpu, 1),
        p95AfterWarmUp: quantile(perUpdateCpu.slice(WARM_UP_TICKS), 0.95),
        warmUpInTail: perUpdateCpu
          .slice(0, WARM_UP_TICKS)
          .filter((cpu) => cpu > quantile(perUpdateCpu, 0.95)).length,
      },
      renderingPerUpdateMs,
      pageScriptPerUpdateMs: pagePerUpdate === null ? null : quantile(pagePerUpdate, 0.5),
      longTasks: {
        total: tasks.length,
        ours: ourLong.length,
        longestOursMs: ms(Math.max(0, ...ourLong.map((task) => task.dur ?? 0))),
        oursByCpu: ourLong.filter((task) => (task.tdur ?? 0) > LONG_TASK_US).length,
      },
      idle: {
        seconds: ms(idleEnd - idleStart) / 1000,
        ourScriptMs: ms(within(traceSpans, idleStart, idleEnd)),
        ourTimerFires: fires.timers,
        ourAnimationFrames: fires.frames,
      },
      panelShownMs: panelShownMs === null ? null : Math.round(panelShownMs * 10) / 10,
      rowsShown: counts.rows,
      estimatesShown: counts.estimates,
      heapUsedBytes: heap.usedSize,
      domNodes: dom.nodes,
    };
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}
