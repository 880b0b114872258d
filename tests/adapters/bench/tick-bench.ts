// Times the incremental reader on the bench page's ticks in headless Chromium (20 and 100 rows).
// Usage: npx tsx tests/adapters/bench/tick-bench.ts [ticks]   (offline: the page is served from memory)
// performance.now() is coarsened (100 µs, or 5 µs when cross-origin isolated): the mean over many
// ticks is the figure to compare; median and p95 are whole steps of that clock.
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { BENCH_URL, benchPageHtml } from '../../bench/bench-page';

const here = import.meta.dirname;
const ticks = Number.parseInt(process.argv[2] ?? '3000', 10);
/** `--profile`: a CPU profile of the 20-row run (50 µs sampling), self time by function. */
const profile = process.argv.includes('--profile');
/** `--count`: calls of a few built-ins per tick (deterministic; the times are then not comparable). */
const count = process.argv.includes('--count');
const bundled = await build({
  entryPoints: [join(here, 'tick-entry.ts')],
  bundle: true,
  format: 'iife',
  write: false,
  logLevel: 'warning',
});
const bundle = bundled.outputFiles[0]?.text ?? ''; // esbuild returns one file for one entry

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
for (const positions of (count ? [20] : [20, 100])) {
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
  await page.addScriptTag({ content: bundle });
  const session = await page.context().newCDPSession(page);
  const profiling = profile && positions === 20;
  if (profiling) {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 50 });
    await session.send('Profiler.start');
  }
  const result: unknown = await page.evaluate(
    ([runs, counting]) =>
      (
        globalThis as unknown as { benchTicks: (ticks: number, count: boolean) => unknown }
      ).benchTicks(runs, counting),
    [ticks, count] as const,
  );
  console.log(`${String(positions)} rows: ${JSON.stringify(result)}`);
  if (profiling) {
    const { profile: cpu } = await session.send('Profiler.stop');
    const self = new Map<string, number>();
    const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
    cpu.samples?.forEach((id, index) => {
      const frame = byId.get(id)?.callFrame;
      const name = `${frame?.functionName || '(anon)'}:${String(frame?.lineNumber ?? 0)}`;
      self.set(name, (self.get(name) ?? 0) + (cpu.timeDeltas?.[index] ?? 0));
    });
    const total = [...self.values()].reduce((sum, time) => sum + time, 0);
    for (const [name, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
      console.log(`  ${((time / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
    }
  }
  await page.close();
}
await browser.close();
