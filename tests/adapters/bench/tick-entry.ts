/**
 * Bundled into the bench page by tick-bench.ts: times the incremental reader on the page's own
 * ticks (every mark price and PnL text node rewritten, as tests/bench/bench-page.ts's feed does),
 * one read per tick, as the content script's animation-frame read would.
 */
import {
  findAdapter,
  GENERIC_ADAPTER,
} from '../../../entrypoints/positions.content/adapters/index';
import { createPositionsReader } from '../../../entrypoints/positions.content/read-incremental';

interface TickState {
  readonly mark: Text;
  readonly pnl: Text;
  readonly entry: string;
  readonly quantity: string;
  price: string;
  phase: number;
}

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
  const states: TickState[] = Array.from(
    document.querySelectorAll<HTMLElement>('[role="row"][data-entry]'),
    (row, phase) => ({
      mark: row.querySelector('.mark')?.firstChild as Text,
      pnl: row.querySelector('.pnl')?.firstChild as Text,
      entry: row.dataset.entry ?? '0',
      quantity: row.dataset.qty ?? '0',
      price: row.querySelector('.mark')?.textContent ?? '0',
      phase,
    }),
  );
  const times: number[] = [];
  let records = 0;
  const warmUp = 300; // JIT and the parse memo settle first; these ticks are not timed
  for (let tick = -warmUp; tick < ticks; tick += 1) {
    // The bench page's feed step (bench-page.ts FEED_SCRIPT), in strings: a bench, not money math.
    for (const state of states) {
      state.phase += 1;
      const cents = (state.phase * 37) % 1000;
      state.price = `${state.price.split('.')[0] ?? '0'}.${String(cents).padStart(3, '0').slice(0, 2)}`;
      state.mark.data = state.price;
      state.pnl.data = `${state.phase % 2 === 0 ? '-' : ''}${String(cents)}.${String(state.phase % 100).padStart(2, '0')} USDT`;
    }
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
