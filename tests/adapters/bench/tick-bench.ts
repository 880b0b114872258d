// Times the incremental reader on the bench page's ticks in headless Chromium (20 and 100 rows).
// Usage: npx tsx tests/adapters/bench/tick-bench.ts [ticks]   (offline: the page is served from memory)
// performance.now() is coarsened (100 µs, or 5 µs when cross-origin isolated): the mean over many
// ticks is the figure to compare; median and p95 are whole steps of that clock.
// `--against=DIR`: DIR is another checkout of the project (e.g. `git archive` of an older commit
// with node_modules linked); both readers run in the same page in alternating blocks, so both see
// the same machine load, and the mean per read of each is printed.
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { BENCH_URL, benchPageHtml, FEED_STEP } from '../../bench/bench-page';

const here = import.meta.dirname;
const ticks = Number.parseInt(process.argv[2] ?? '3000', 10);
/** `--profile`: a CPU profile of the 20-row run (50 µs sampling), self time by function. */
const profile = process.argv.includes('--profile');
/** `--count`: calls of a few built-ins per tick (deterministic; the times are then not comparable). */
const count = process.argv.includes('--count');
const against = process.argv.find((arg) => arg.startsWith('--against='))?.slice(10);
/** `--warm=N`: untimed ticks before the timed ones (default 300; 0: the page's first ticks). */
const warm = Number.parseInt(
  process.argv.find((arg) => arg.startsWith('--warm='))?.slice(7) ?? '300',
  10,
);

/**
 * The bench page's feed step (bench-page.ts FEED_STEP, shared, so the texts are as
 * fresh each tick as there), callable synchronously in the page's world.
 */
const FEED_TICK = `
(() => {
  ${FEED_STEP}
  window.__benchTick = step;
})();
`;

async function bundleOf(entry: string): Promise<string> {
  const bundled = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'warning',
  });
  return bundled.outputFiles[0]?.text ?? ''; // esbuild returns one file for one entry
}
const bundle = await bundleOf(join(here, 'tick-entry.ts'));
const againstBundle =
  against === undefined
    ? null
    : await bundleOf(join(against, 'tests', 'adapters', 'bench', 'tick-entry.ts'));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
for (const positions of count ? [20] : [20, 100]) {
  const page = await browser.newPage();
  const html = benchPageHtml(positions);
  await page.route('**/*', (route) =>
    route.request().url().startsWith('http')
      ? route.fulfill({
          status: 200,
          contentType: 'text/html',
          // Cross-origin isolated: performance.now() at 5 µs instead of 100 µs.
          headers: {
            'Cross-Origin-Opener-Policy': 'same-origin',
            'Cross-Origin-Embedder-Policy': 'require-corp',
          },
          body: html,
        })
      : route.continue(),
  );
  await page.goto(BENCH_URL);
  await page.addScriptTag({ content: FEED_TICK });
  if (againstBundle !== null) {
    await page.addScriptTag({ content: againstBundle });
    await page.evaluate(() => {
      const global = globalThis as unknown as Record<string, unknown>;
      global.benchAgainst = global.benchTicks;
    });
  }
  await page.addScriptTag({ content: bundle });
  if (againstBundle !== null) {
    const blocks = 8;
    const means: unknown = await page.evaluate(
      ([runs, count, warmUp]) => {
        type Bench = (ticks: number, counting: boolean, warm: number) => { meanUs: number };
        const global = globalThis as unknown as { benchTicks: Bench; benchAgainst: Bench };
        const sums = { against: 0, this: 0 };
        for (let block = 0; block < count; block += 1) {
          sums.against += global.benchAgainst(runs / count, false, warmUp).meanUs;
          sums.this += global.benchTicks(runs / count, false, warmUp).meanUs;
        }
        return { againstMeanUs: sums.against / count, thisMeanUs: sums.this / count };
      },
      [ticks, blocks, warm] as const,
    );
    console.log(`${String(positions)} rows, alternating blocks: ${JSON.stringify(means)}`);
    await page.close();
    continue;
  }
  const session = await page.context().newCDPSession(page);
  const profiling = profile && positions === 20;
  if (profiling) {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 50 });
    await session.send('Profiler.start');
  }
  const result: unknown = await page.evaluate(
    ([runs, counting, warmUp]) =>
      (
        globalThis as unknown as {
          benchTicks: (ticks: number, count: boolean, warm: number) => unknown;
        }
      ).benchTicks(runs, counting, warmUp),
    [ticks, count, warm] as const,
  );
  console.log(`${String(positions)} rows: ${JSON.stringify(result)}`);
  if (profiling) {
    const { profile: cpu } = await session.send('Profiler.stop');
    const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
    const nameOf = (id: number): string => {
      const frame = byId.get(id)?.callFrame;
      return `${frame?.functionName || '(anon)'}:${String(frame?.lineNumber ?? 0)}`;
    };
    const parent = new Map<number, number>();
    for (const node of cpu.nodes)
      for (const child of node.children ?? []) parent.set(child, node.id);
    // Self time per function, and total time (each sample counted once per function on its stack).
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    let all = 0;
    cpu.samples?.forEach((id, index) => {
      const time = cpu.timeDeltas?.[index] ?? 0;
      all += time;
      self.set(nameOf(id), (self.get(nameOf(id)) ?? 0) + time);
      const onStack = new Set<string>();
      for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
        onStack.add(nameOf(node));
      }
      for (const name of onStack) total.set(name, (total.get(name) ?? 0) + time);
    });
    const share = (time: number): string => ((time / all) * 100).toFixed(1).padStart(5);
    for (const [name, time] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
      console.log(`  total ${share(time)} %  self ${share(self.get(name) ?? 0)} %  ${name}`);
    }
  }
  await page.close();
}
await browser.close();
