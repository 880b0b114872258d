/**
 * `npm run bench`: core throughput, page cost in Chromium and bundle sizes (issue 6), printed as
 * tables, checked against design.md §6 and written to tests/bench/results.json.
 * A benchmark, not a test: it always exits 0 once it has measured; the verdicts are in the output.
 * Flags: --quick (short runs for iteration), --no-core, --no-page.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCoreBench, type CoreCaseResult } from './core-bench';
import { runPage, traceCategories, type PageRunResult } from './page-bench';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RESULTS = path.join(import.meta.dirname, 'results.json');
const quick = process.argv.includes('--quick');
const CORE_SECONDS = quick ? 0.5 : 3;
const TICK_SECONDS = quick ? 5 : 30;
const IDLE_SECONDS = quick ? 3 : 6; // the first second after the last tick is not counted as idle
const PAGE_SIZES = [20, 100] as const;

interface BundlePart {
  readonly raw: number;
  readonly gzip: number;
  readonly budgetGzip: number | null;
  readonly files: readonly { file: string; raw: number; gzip: number }[];
}

function bundleSizes(): Record<string, BundlePart> {
  let out: string;
  try {
    out = execFileSync('node', ['tests/bench/size-budget.mjs', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    // Over budget exits 1; the JSON is on stdout all the same.
    out = (error as { stdout?: string }).stdout ?? '{}';
  }
  return JSON.parse(out) as Record<string, BundlePart>;
}

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_BIN ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');

const startedAt = new Date().toISOString();
console.log(
  `bench${quick ? ' (--quick)' : ''}: ${startedAt}, ${os.cpus()[0]?.model ?? 'cpu'} ×${String(os.cpus().length)}, load average ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}`,
);

const bundle = bundleSizes();
console.log('\nBundle (gzip level 9)');
console.table(
  Object.fromEntries(
    Object.entries(bundle).map(([name, part]) => [
      name,
      {
        raw: kB(part.raw),
        gzip: kB(part.gzip),
        budget: part.budgetGzip === null ? '—' : kB(part.budgetGzip),
        verdict: part.budgetGzip === null ? '—' : verdict(part.gzip <= part.budgetGzip),
      },
    ]),
  ),
);

let core: CoreCaseResult[] = [];
if (!process.argv.includes('--no-core')) {
  console.log(
    `\nCore: estimates per CPU second on one thread (${String(CORE_SECONDS)} s per measurement)`,
  );
  core = runCoreBench(CORE_SECONDS);
  console.table(
    core.map((result) => ({
      case: result.name,
      'decimal/s': result.decimalPerSecond,
      'float/s': result.floatPerSecond,
      'float ×': result.floatSpeedup,
      'max rel diff': result.maxRelativeDifference,
      'none mismatches': result.existenceMismatches,
      inputs: result.inputs,
    })),
  );
}

const page: PageRunResult[] = [];
if (!process.argv.includes('--no-page')) {
  console.log(
    `\nPage: ${String(TICK_SECONDS)} s of 10 ticks/s, then ${String(IDLE_SECONDS)} s idle (Chromium, real build)`,
  );
  for (const positions of PAGE_SIZES) {
    for (const withExtension of [true, false]) {
      page.push(
        await runPage({
          positions,
          tickSeconds: TICK_SECONDS,
          idleSeconds: IDLE_SECONDS,
          withExtension,
        }),
      );
    }
  }
  console.table(
    page.map((run) => ({
      positions: run.positions,
      extension: run.withExtension ? 'with' : 'without',
      ticks: run.ticks,
      'cpu p50 ms': run.perUpdateCpuMs.p50,
      'cpu p95 ms': run.perUpdateCpuMs.p95,
      'cpu max ms': run.perUpdateCpuMs.max,
      'cpu p95 after 3 s': run.perUpdateCpuMs.p95AfterWarmUp,
      'tail in first 3 s': run.perUpdateCpuMs.warmUpInTail,
      'wall p50 ms': run.perUpdateTraceMs.p50,
      'wall p95 ms': run.perUpdateTraceMs.p95,
      'render ms/tick': run.renderingPerUpdateMs,
      'long tasks ours/all (cpu)': `${String(run.longTasks.ours)}/${String(run.longTasks.total)} (${String(run.longTasks.oursByCpu)})`,
      'idle ours ms': run.idle.ourScriptMs,
      'idle timers+frames': run.idle.ourTimerFires + run.idle.ourAnimationFrames,
      'panel ms': run.panelShownMs ?? '—',
      'rows/estimates': run.withExtension
        ? `${String(run.rowsShown)}/${String(run.estimatesShown)}`
        : '—',
      'heap MB': Math.round(run.heapUsedBytes / 10_000) / 100,
    })),
  );
}

// design.md §6
const budgets: { budget: string; measured: string; ok: boolean }[] = [];
for (const [name, part] of Object.entries(bundle)) {
  if (part.budgetGzip === null) continue;
  budgets.push({
    budget: `${name} < ${kB(part.budgetGzip)} gzip`,
    measured: kB(part.gzip),
    ok: part.gzip <= part.budgetGzip,
  });
}
const withExtension = page.filter((run) => run.withExtension);
const at20 = withExtension.find((run) => run.positions === 20);
if (at20 !== undefined) {
  budgets.push({
    budget: 'p95 per update < 2 ms at 20 positions',
    // The budget figure is the thread CPU time of our callbacks and microtasks (BENCHMARKS.md
    // "Method"): the wall figures add the time a shared machine kept the renderer off a core.
    measured: `CPU ${String(at20.perUpdateCpuMs.p95)} ms (after the first 3 s ${String(at20.perUpdateCpuMs.p95AfterWarmUp)}; wall ${String(at20.perUpdateTraceMs.p95)} ms)`,
    ok: at20.perUpdateCpuMs.p95 < 2,
  });
}
for (const run of withExtension) {
  budgets.push({
    budget: `no long task from us at ${String(run.positions)} positions`,
    measured: `${String(run.longTasks.ours)} (longest ${String(run.longTasks.longestOursMs)} ms; ${String(run.longTasks.oursByCpu)} over 50 ms of CPU)`,
    ok: run.longTasks.ours === 0,
  });
  budgets.push({
    budget: `zero work while idle at ${String(run.positions)} positions`,
    measured: `${String(run.idle.ourScriptMs)} ms, ${String(run.idle.ourTimerFires)} timers, ${String(run.idle.ourAnimationFrames)} frames in ${run.idle.seconds.toFixed(1)} s`,
    ok:
      run.idle.ourTimerFires === 0 && run.idle.ourAnimationFrames === 0 && run.idle.ourScriptMs < 1,
  });
}
console.log('\nBudgets (design.md §6)');
console.table(budgets.map((entry) => ({ ...entry, ok: verdict(entry.ok) })));

// A partial run (--no-core / --no-page) keeps the other section of the previous results.
const previous = fs.existsSync(RESULTS)
  ? (JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as {
      startedAt?: string;
      core?: unknown;
      page?: unknown;
    })
  : {};
const carried = (section: 'core' | 'page', measured: unknown[]): unknown =>
  measured.length > 0 || previous[section] === undefined
    ? measured
    : { carriedFrom: previous.startedAt, results: previous[section] };

fs.writeFileSync(
  RESULTS,
  `${JSON.stringify(
    {
      startedAt,
      quick,
      commit: gitCommit(),
      machine: {
        cpu: os.cpus()[0]?.model ?? 'unknown',
        cores: os.cpus().length,
        node: process.version,
        chromium: chromiumVersion(),
        // Other work on the machine inflates wall-clock figures; the cpu (tdur) columns do not.
        loadAverageAtEnd: os.loadavg().map((load) => Math.round(load * 100) / 100),
      },
      settings: {
        coreSeconds: CORE_SECONDS,
        tickSeconds: TICK_SECONDS,
        idleSeconds: IDLE_SECONDS,
        traceCategories: traceCategories(),
      },
      bundle,
      core: carried('core', core),
      page: carried('page', page),
      budgets,
    },
    null,
    2,
  )}\n`,
);
try {
  // Keep the committed file in the repository's style (npm run format:check covers it).
  execFileSync('npx', ['prettier', '--write', RESULTS], { cwd: ROOT, stdio: 'ignore' });
} catch {
  // Unformatted but complete: still a valid result.
}
console.log(`\nwrote ${path.relative(ROOT, RESULTS)}`);
