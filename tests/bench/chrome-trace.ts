/**
 * Reading a Chrome trace (CDP `Tracing`, devtools.timeline categories) and a CPU profile (CDP
 * `Profiler`, sampling) to attribute main-thread work to one script URL: ours,
 * chrome-extension://<id>/content-scripts/positions.js. Pure functions over the JSON, unit-free
 * except where named (µs = trace clock microseconds, shared by trace events and profile samples).
 */

export interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time of a complete event, µs: unaffected by the thread being descheduled. */
  readonly tdur?: number;
  readonly args?: {
    readonly name?: string;
    readonly data?: {
      readonly url?: string;
      readonly timerId?: number;
      readonly id?: number;
      readonly message?: string;
      readonly stackTrace?: readonly { readonly url?: string }[];
      readonly frame?: string;
    };
  };
}

export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly parent?: number;
    readonly children?: readonly number[];
    readonly callFrame: { readonly url: string; readonly functionName: string };
  }[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The page's renderer main thread: the CrRendererMain thread that ran the page's own script. */
export function pageMainThread(
  events: readonly TraceEvent[],
  pageOrigin: string,
): { pid: number; tid: number } | null {
  const mains = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${String(event.pid)}:${String(event.tid)}`),
  );
  for (const event of events) {
    const key = `${String(event.pid)}:${String(event.tid)}`;
    if (mains.has(key) && event.args?.data?.url?.startsWith(pageOrigin) === true) {
      return { pid: event.pid, tid: event.tid };
    }
  }
  return null;
}

/** A complete event (`ph` X: it has a duration) of this thread. */
function spanOf(event: TraceEvent, thread: { pid: number; tid: number }): boolean {
  return event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X';
}

/**
 * Names of a main-thread task: `RunTask` (disabled-by-default-devtools.timeline) or the scheduler's
 * own `ThreadControllerImpl::RunTask` (toplevel), whichever categories the trace was taken with.
 */
const TASK_EVENTS: ReadonlySet<string> = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Main-thread tasks (complete events) of one thread: the outermost task events. */
export function tasksOf(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
): TraceEvent[] {
  const tasks = events
    .filter((event) => spanOf(event, thread) && TASK_EVENTS.has(event.name))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const outermost: TraceEvent[] = [];
  let end = -Infinity;
  for (const task of tasks) {
    if (task.ts < end) continue; // nested in the task before (both names present, or a nested loop)
    outermost.push(task);
    end = task.ts + (task.dur ?? 0);
  }
  return outermost;
}

/** Script entry events (a callback or script run by the browser) whose code is at `url`. */
export function scriptEntries(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  url: string,
): TraceEvent[] {
  return events.filter(
    (event) =>
      spanOf(event, thread) &&
      (event.name === 'FunctionCall' || event.name === 'EvaluateScript') &&
      event.args?.data?.url?.startsWith(url) === true,
  );
}

/**
 * Script the trace does not place at our URL but that is ours on the bench page: every microtask
 * checkpoint (`RunMicrotasks`: our MutationObserver deliveries and promise continuations, such as
 * the estimate reply → the panel's paint) and every script entry without a URL (the browser's
 * dispatch of our port's messages). The bench page's own script is one timer callback that writes
 * text and queues no microtask, and ours is the only extension, so nothing here is the page's.
 * (Counting only checkpoints in tasks with a call at our URL missed the reply's checkpoint, whose
 * task has none.)
 */
export function ourUnattributedEntries(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
): TraceEvent[] {
  return events.filter(
    (event) =>
      spanOf(event, thread) &&
      (event.name === 'RunMicrotasks' ||
        ((event.name === 'FunctionCall' || event.name === 'EvaluateScript') &&
          (event.args?.data?.url ?? '') === '')),
  );
}

/** The renderer's own rendering steps: what our panel costs the page beyond our script. */
export const RENDERING_EVENTS: ReadonlySet<string> = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'UpdateLayer',
]);

/**
 * Time of the thread's events in [from, to), each counted without the events nested in it (self
 * time), summed by key.
 * @param length thread CPU time (`tdur`, default) or wall time (`dur`)
 * @param keyOf what to sum by (default: the event's name)
 */
export function selfTimeBy(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  from: number,
  to: number,
  {
    length = 'tdur',
    keyOf = (event: TraceEvent) => event.name,
  }: { length?: 'dur' | 'tdur'; keyOf?: (event: TraceEvent) => string } = {},
): Map<string, number> {
  const inside = events
    .filter((event) => spanOf(event, thread) && event.ts >= from && event.ts < to)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const totals = new Map<string, number>();
  const open: { key: string; end: number; self: number }[] = [];
  const closeUntil = (time: number) => {
    for (let top = open.at(-1); top !== undefined && top.end <= time; top = open.at(-1)) {
      open.pop();
      totals.set(top.key, (totals.get(top.key) ?? 0) + top.self);
    }
  };
  for (const event of inside) {
    closeUntil(event.ts);
    const parent = open.at(-1);
    if (parent !== undefined) parent.self -= event[length] ?? 0;
    open.push({ key: keyOf(event), end: event.ts + (event.dur ?? 0), self: event[length] ?? 0 });
  }
  closeUntil(Infinity);
  return totals;
}

/** Console.timeStamp marks (the page's tick and phase marks), by message. */
export function timeStamps(events: readonly TraceEvent[], message: string): number[] {
  return events
    .filter((event) => event.name === 'TimeStamp' && event.args?.data?.message === message)
    .map((event) => event.ts)
    .sort((a, b) => a - b);
}

/**
 * Timers and animation frames of ours that fired in [from, to). One is ours when the callback it
 * ran is at `url` (the first script entry nested in the TimerFire / FireAnimationFrame event),
 * or, when the trace has stacks (`disabled-by-default-devtools.timeline.stack`), when the stack
 * that installed it has a frame at `url`. The first rule needs no stack category, whose capture
 * of a JS stack per event slows the script it measures.
 */
export function ourTimerFires(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  url: string,
  from: number,
  to: number,
): { timers: number; frames: number } {
  const installedByUs = (event: TraceEvent): boolean =>
    event.args?.data?.stackTrace?.some((frame) => frame.url?.startsWith(url) === true) === true;
  const onThread = events.filter((event) => event.pid === thread.pid && event.tid === thread.tid);
  const timerIds = new Set(
    onThread
      .filter((event) => event.name === 'TimerInstall' && installedByUs(event))
      .map((event) => event.args?.data?.timerId),
  );
  const frameIds = new Set(
    onThread
      .filter((event) => event.name === 'RequestAnimationFrame' && installedByUs(event))
      .map((event) => event.args?.data?.id),
  );
  // The callback a fire ran is the first script entry inside it; later ones are microtasks of the
  // same task (our MutationObserver after the page's own timer wrote a cell, for instance).
  const entries = onThread
    .filter((event) => event.name === 'FunctionCall' || event.name === 'EvaluateScript')
    .sort((a, b) => a.ts - b.ts);
  const runsOurs = (fire: TraceEvent): boolean => {
    const callback = entries.find(
      (entry) => entry.ts >= fire.ts && entry.ts < fire.ts + (fire.dur ?? 0),
    );
    return callback?.args?.data?.url?.startsWith(url) === true;
  };
  const inWindow = (event: TraceEvent): boolean => event.ts >= from && event.ts < to;
  const fired = (
    name: string,
    installed: Set<number | undefined>,
    id: (e: TraceEvent) => number | undefined,
  ) =>
    onThread.filter(
      (event) =>
        event.name === name && inWindow(event) && (installed.has(id(event)) || runsOurs(event)),
    ).length;
  return {
    timers: fired('TimerFire', timerIds, (event) => event.args?.data?.timerId),
    frames: fired('FireAnimationFrame', frameIds, (event) => event.args?.data?.id),
  };
}

/**
 * Samples of a CPU profile whose stack has a frame at `url`, as [timestamp µs, duration µs] pairs.
 * A sample's duration is the delta to the next sample (the time the sampled stack was running).
 */
export function ourSamples(profile: CpuProfile, url: string): [number, number][] {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const isOurs = new Map<number, boolean>();
  const oursFor = (id: number): boolean => {
    const known = isOurs.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const parent = parentOf.get(id);
    const result =
      node?.callFrame.url.startsWith(url) === true || (parent !== undefined && oursFor(parent));
    isOurs.set(id, result);
    return result;
  };
  const result: [number, number][] = [];
  let time = profile.startTime;
  for (let index = 0; index < profile.samples.length; index += 1) {
    time += profile.timeDeltas[index] ?? 0;
    const next = profile.timeDeltas[index + 1] ?? 0;
    const id = profile.samples[index];
    if (id !== undefined && oursFor(id)) result.push([time, next]);
  }
  return result;
}

/** Sum of `[start, duration]` spans falling in each window [marks[i], marks[i+1]). */
export function perWindow(spans: readonly [number, number][], marks: readonly number[]): number[] {
  const totals = marks.slice(0, -1).map(() => 0);
  let window = 0;
  for (const [start, duration] of [...spans].sort((a, b) => a[0] - b[0])) {
    while (window < marks.length - 1 && start >= (marks[window + 1] ?? Infinity)) window += 1;
    if (window >= totals.length) break;
    if (start >= (marks[window] ?? Infinity)) totals[window] = (totals[window] ?? 0) + duration;
  }
  return totals;
}

/** Sum of spans inside [from, to). */
export function within(spans: readonly [number, number][], from: number, to: number): number {
  return spans
    .filter(([start]) => start >= from && start < to)
    .reduce((sum, [, duration]) => sum + duration, 0);
}

/** The q-quantile (0..1) by nearest rank; 0 for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? 0;
}
