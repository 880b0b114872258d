/**
 * What the long tasks of a page run are made of: runs the page bench once with the trace kept and
 * prints, for each main-thread task over 50 ms, its time split by the trace events directly inside
 * it (script at our URL or the page's, style, layout, paint, ...).
 * Usage: npx tsx tests/bench/long-tasks.ts [positions=100] [seconds=5] (needs a build)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pageMainThread, tasksOf, type TraceEvent } from './chrome-trace';
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
const onThread = events
  .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X')
  .sort((a, b) => a.ts - b.ts);
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

/** Self time (own duration minus nested events') per label, for the events inside one task. */
function selfTimes(task: TraceEvent): Map<string, number> {
  const end = task.ts + (task.dur ?? 0);
  const inside = onThread.filter(
    (event) => event !== task && event.ts >= task.ts && event.ts < end,
  );
  const totals = new Map<string, number>();
  const stack: { event: TraceEvent; end: number; self: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= until) {
      const done = stack.pop();
      if (done === undefined) break;
      const key = label(done.event);
      totals.set(key, (totals.get(key) ?? 0) + done.self);
    }
  };
  for (const event of inside) {
    close(event.ts);
    const parent = stack.at(-1);
    if (parent !== undefined) parent.self -= event.dur ?? 0;
    stack.push({ event, end: event.ts + (event.dur ?? 0), self: event.dur ?? 0 });
  }
  close(Infinity);
  return totals;
}

for (const task of tasksOf(events, thread).filter((t) => (t.dur ?? 0) > 50_000)) {
  const parts = [...selfTimes(task).entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 7)
    .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`)
    .join(', ');
  console.log(
    `${((task.ts - firstTick) / 1000).toFixed(0).padStart(7)} ms  ${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms (cpu ${((task.tdur ?? 0) / 1000).toFixed(1)}): ${parts}`,
  );
}
