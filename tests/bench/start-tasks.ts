/**
 * Our start-up, task by task: for each page load, every main-thread task our script ran in before
 * the page's first tick, with its thread CPU time and its wall time. The long-task budget is judged
 * by wall time, which a loaded 2-core machine stretches 2–3× while the page, the service worker and
 * the panel start together: a task's CPU time says what is ours to cut (BENCHMARKS.md).
 * Usage: npx tsx tests/bench/start-tasks.ts [positions=20] [runs=3] (needs a build)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  pageMainThread,
  scriptEntries,
  tasksOf,
  timeStamps,
  type TraceEvent,
} from './chrome-trace';
import { runPage } from './page-bench';

const positions = Number.parseInt(process.argv[2] ?? '20', 10);
const runs = Number.parseInt(process.argv[3] ?? '3', 10);
const tracePath = path.join(os.tmpdir(), `liq-start-${String(process.pid)}.json`);
process.env.LIQ_BENCH_TRACE = tracePath;

const ms = (micros: number | undefined): string => ((micros ?? 0) / 1000).toFixed(1);
const largest: number[] = [];
for (let run = 0; run < runs; run += 1) {
  const result = await runPage({ positions, tickSeconds: 2, idleSeconds: 1, withExtension: true });
  const events = JSON.parse(fs.readFileSync(tracePath, 'utf8')) as TraceEvent[];
  fs.rmSync(tracePath);
  const thread = pageMainThread(events, 'https://www.binance.com/');
  if (thread === null) throw new Error('page main thread not found');
  const firstTick = timeStamps(events, 'liq-bench:tick')[0] ?? Infinity;
  const ours = scriptEntries(events, thread, 'chrome-extension://');
  const tasks = tasksOf(events, thread).filter((task) => {
    const end = task.ts + (task.dur ?? 0);
    return task.ts < firstTick && ours.some((entry) => entry.ts >= task.ts && entry.ts < end);
  });
  largest.push(...tasks.map((task) => task.tdur ?? 0));
  console.log(
    `run ${String(run + 1)}: long tasks of ours ${String(result.longTasks.ours)}` +
      ` (longest ${String(result.longTasks.longestOursMs)} ms wall), panel shown after` +
      ` ${String(result.panelShownMs)} ms; start-up tasks, CPU/wall ms:`,
  );
  console.log(`  ${tasks.map((task) => `${ms(task.tdur)}/${ms(task.dur)}`).join('  ')}`);
}
largest.sort((a, b) => b - a);
console.log(`largest start-up tasks by CPU (ms): ${largest.slice(0, 6).map(ms).join(', ')}`);
