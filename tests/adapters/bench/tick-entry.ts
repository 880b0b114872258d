/**
 * Bundled into the bench page by tick-bench.ts: times the incremental reader on the page's own
 * ticks (every mark price and PnL text node rewritten by `__benchTick`, tick-bench.ts's copy of
 * tests/bench/bench-page.ts's feed step), one read per tick, as the content script's
 * animation-frame read would.
 */
import {
  findAdapter,
  GENERIC_ADAPTER,
} from '../../../entrypoints/positions.content/adapters/index';
import { createPositionsReader } from '../../../entrypoints/positions.content/read-incremental';

/**
 * Counts calls of a few built-ins during the timed reads (`--count`): deterministic, unlike time.
 * Wrapping them slows every call, so a counting run's times are not the figures to compare.
 */
function countCalls(): { counts: Record<string, number>; on: { value: boolean } } {
  const counts: Record<string, number> = {};
  const on = { value: false };
  const wrap = (owner: object, name: string, label: string): void => {
    const original = (owner as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
    (owner as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      if (on.value) counts[label] = (counts[label] ?? 0) + 1;
      return original.apply(this, args);
    };
  };
  wrap(RegExp.prototype, 'test', 'RegExp test');
  wrap(RegExp.prototype, 'exec', 'RegExp exec');
  wrap(Array.prototype, 'join', 'Array join');
  wrap(Map.prototype, 'get', 'Map get');
  wrap(Map.prototype, 'set', 'Map set');
  wrap(Element.prototype, 'getAttribute', 'getAttribute');
  wrap(Element.prototype, 'hasAttribute', 'hasAttribute');
  wrap(String.prototype, 'trim', 'String trim');
  return { counts, on };
}

function benchTicks(
  ticks: number,
  count: boolean,
  warm: number,
): {
  rows: number;
  records: number;
  medianUs: number;
  p95Us: number;
  meanUs: number;
  callsPerTick?: Record<string, number>;
} {
  const counter = count ? countCalls() : null;
  const adapter = findAdapter(location.href) ?? GENERIC_ADAPTER; // generic for unlisted hosts
  const reader = createPositionsReader();
  const observer = new MutationObserver(() => undefined);
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
  });
  const first = reader.read(document, adapter, null);
  const feedTick = (globalThis as unknown as { __benchTick: () => void }).__benchTick;
  const times: number[] = [];
  let records = 0;
  // JIT and memos settle first; these ticks are not timed (0: the page's first ticks, as the
  // page bench's 100 ticks after load).
  const warmUp = warm;
  for (let tick = -warmUp; tick < ticks; tick += 1) {
    feedTick();
    const changes = observer.takeRecords();
    if (counter !== null) counter.on.value = tick >= 0;
    const start = performance.now();
    reader.read(document, adapter, changes);
    const time = performance.now() - start;
    if (counter !== null) counter.on.value = false;
    if (tick < 0) continue;
    records += changes.length;
    times.push(time);
  }
  observer.disconnect();
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((sum, time) => sum + time, 0);
  return {
    rows: first.rows.length,
    records: records / ticks,
    medianUs: Math.round((sorted[Math.floor(ticks / 2)] ?? 0) * 1000),
    p95Us: Math.round((sorted[Math.floor(ticks * 0.95)] ?? 0) * 1000),
    meanUs: Math.round((total / ticks) * 1000),
    ...(counter === null
      ? {}
      : {
          callsPerTick: Object.fromEntries(
            Object.entries(counter.counts).map(([name, calls]) => [name, calls / ticks]),
          ),
        }),
  };
}

(globalThis as unknown as { benchTicks: typeof benchTicks }).benchTicks = benchTicks;
