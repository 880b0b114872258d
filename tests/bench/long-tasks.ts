/**
 * What the long tasks of a page run are made of: runs the page bench once with the trace kept and
 * prints, for each main-thread task over 50 ms, its time split by the trace events directly inside
 * it (script at our URL or the page's, style, layout, paint, ...).
 * Usage: npx tsx tests/bench/long-tasks.ts [positions=100] [seconds=5] (needs a build)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pageMainThread, selfTimeBy, tasksOf, type TraceEvent } from './chrome-trace';
import { runPage } from './page-bench';

const positions = Number.parseInt(process.argv[2] ?? '100', 10);
const seconds = Number.parseInt(process.argv[3] ?? '5', 10);
const tracePath = path.join(os.tmpdir(), `liq-trace-${String(process.pid)}.json`);
process.env.LIQ_BENCH_TRACE = tracePath;
const result = await runPage({
  positions,
  tickSeconds: seconds,
  idleSeconds: 1,
  withExtension: true,
});
console.log(
  `long tasks: ${JSON.stringify(result.longTasks)}; cpu per update ${JSON.stringify(result.perUpdateCpuMs)}`,
);
const events = JSON.parse(fs.readFileSync(tracePath, 'utf8')) as TraceEvent[];
fs.rmSync(tracePath);

const thread = pageMainThread(events, 'https://www.binance.com/');
if (thread === null) throw new Error('page main thread not found');
const ticks = events
  .filter((e) => e.name === 'TimeStamp')
  .map((e) => e.ts)
  .sort((a, b) => a - b);
const firstTick = ticks[0] ?? 0;

function label(event: TraceEvent): string {
  const url = event.args?.data?.url ?? '';
  if (
    event.name === 'FunctionCall' ||
    event.name === 'EvaluateScript' ||
    event.name === 'v8.callFunction'
  ) {
    return `${event.name} ${url.startsWith('chrome-extension://') ? 'ours' : url.startsWith('https://') ? 'page' : url === '' ? '?' : url.slice(0, 30)}`;
  }
  return event.name;
}

for (const task of tasksOf(events, thread).filter((t) => (t.dur ?? 0) > 50_000)) {
  const split = selfTimeBy(events, thread, task.ts, task.ts + (task.dur ?? 0), {
    length: 'dur',
    keyOf: (event) => (event === task ? '' : label(event)), // the task itself is not a part
  });
  const parts = [...split.entries()]
    .filter(([name]) => name !== '')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 7)
    .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`)
    .join(', ');
  console.log(
    `${((task.ts - firstTick) / 1000).toFixed(0).padStart(7)} ms  ${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms (cpu ${((task.tdur ?? 0) / 1000).toFixed(1)}): ${parts}`,
  );
}
