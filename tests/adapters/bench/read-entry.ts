/** Bundled into the page by read-bench.mjs: times readPositions where the page's adapter applies. */
import {
  findAdapter,
  GENERIC_ADAPTER,
} from '../../../entrypoints/positions.content/adapters/index';
import { readPositions } from '../../../entrypoints/positions.content/read';

function benchRead(runs: number): {
  status: string;
  rows: number;
  medianMs: number;
  p95Ms: number;
} {
  const adapter = findAdapter(location.href) ?? GENERIC_ADAPTER; // generic for unlisted hosts
  for (let warm = 0; warm < 20; warm += 1) readPositions(document, adapter);
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    readPositions(document, adapter);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const result = readPositions(document, adapter);
  return {
    status: result.status,
    rows: result.rows.length,
    medianMs: times[Math.floor(runs / 2)] ?? 0,
    p95Ms: times[Math.floor(runs * 0.95)] ?? 0,
  };
}

(globalThis as unknown as { benchRead: typeof benchRead }).benchRead = benchRead;
