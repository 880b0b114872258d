/**
 * What our content script allocates per tick, by source function: a sampling heap profile (CDP
 * HeapProfiler, 512-byte interval, objects a minor GC collected included) of the bench page while
 * it ticks. Allocation is what sets how often the page's isolate runs a minor GC, and a window
 * with a GC in it (≈ 0.5–2.5 ms on the bench machine) is what the p95 per update lands on.
 * Usage: npx tsx tests/bench/allocations.ts [positions=20] [seconds=10]
 * (builds .output/bench-sourcemap first, as profile-hotspots.ts does; does not touch .output/chrome-mv3).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_URL, benchPageHtml } from './bench-page';
import {
  buildSourceMapped,
  frameLabeller,
  SOURCE_MAPPED_BUILD,
  type ProfileFrame,
} from './source-frames';

const positions = Number.parseInt(process.argv[2] ?? '20', 10);
const seconds = Number.parseInt(process.argv[3] ?? '10', 10);
const TICKS_PER_SECOND = 10;

interface SamplingNode {
  readonly callFrame: ProfileFrame;
  readonly selfSize: number;
  readonly children: readonly SamplingNode[];
}

buildSourceMapped();
process.env.LIQ_BENCH_EXTENSION = SOURCE_MAPPED_BUILD;
const { launch } = await import('./page-bench');
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liq-allocations-'));
const context = await launch(true, userDataDir);
let head: SamplingNode;
try {
  await context.route(/^https?:\/\//, (route) => route.abort());
  const html = benchPageHtml(positions);
  await context.route('https://www.binance.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await page.goto(BENCH_URL);
  await page.waitForTimeout(2000); // the panel up, the first estimates in
  await session.send('HeapProfiler.enable');
  await page.evaluate('window.__bench.start()');
  await page.waitForTimeout(1000); // past the first ticks' warm-up
  await session.send('HeapProfiler.startSampling', {
    samplingInterval: 512,
    includeObjectsCollectedByMinorGC: true,
    includeObjectsCollectedByMajorGC: true,
  });
  await page.waitForTimeout(seconds * 1000);
  const sampled = await session.send('HeapProfiler.getSamplingProfile');
  head = sampled.profile.head;
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

const label = frameLabeller();
// A native allocation (a Map, a split) is ours when a frame above it is.
const bySource = new Map<string, number>();
let all = 0;
let ours = 0;
const walk = (node: SamplingNode, underOurs: boolean): void => {
  const isOurs = underOurs || node.callFrame.url.startsWith('chrome-extension://');
  all += node.selfSize;
  if (isOurs && node.selfSize > 0) {
    ours += node.selfSize;
    const key = label(node.callFrame);
    bySource.set(key, (bySource.get(key) ?? 0) + node.selfSize);
  }
  for (const child of node.children) walk(child, isOurs);
};
walk(head, false);
const ticks = seconds * TICKS_PER_SECOND;
const kBPerTick = (bytes: number): string => (bytes / 1000 / ticks).toFixed(1);
console.log(
  `${String(positions)} positions, ${String(ticks)} ticks: ${kBPerTick(ours)} kB per tick ours (${kBPerTick(all)} kB in the page's isolate)`,
);
for (const [source, bytes] of [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${kBPerTick(bytes).padStart(7)} kB  ${source}`);
}
