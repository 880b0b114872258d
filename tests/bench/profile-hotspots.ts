/**
 * Where our content-script time goes: runs the page bench once against the source-mapped build
 * (tests/bench/wxt.sourcemap.config.ts) and prints self and total time per source function.
 * Usage: npx tsx tests/bench/profile-hotspots.ts [positions=20] [seconds=5]
 * (builds .output/bench-sourcemap first; does not touch .output/chrome-mv3).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CpuProfile } from './chrome-trace';
import { buildSourceMapped, frameLabeller, SOURCE_MAPPED_BUILD } from './source-frames';

const positions = process.argv[2] ?? '20';
const seconds = process.argv[3] ?? '5';

buildSourceMapped();
const profilePath = path.join(os.tmpdir(), `liq-profile-${String(process.pid)}.json`);
process.env.LIQ_BENCH_EXTENSION = SOURCE_MAPPED_BUILD;
process.env.LIQ_BENCH_PROFILE = profilePath;
const { runPage } = await import('./page-bench');
const result = await runPage({
  positions: Number.parseInt(positions, 10),
  tickSeconds: Number.parseInt(seconds, 10),
  idleSeconds: 1,
  withExtension: true,
  sampleCpu: true,
});
console.log(
  `per update, sampled (ms): ${JSON.stringify(result.perUpdateMs)}; CPU under the sampler: ${JSON.stringify(result.perUpdateCpuMs)}; ticks ${String(result.ticks)}`,
);

const profile = JSON.parse(fs.readFileSync(profilePath, 'utf8')) as CpuProfile & {
  nodes: { callFrame: { lineNumber: number; columnNumber: number } }[];
};
fs.rmSync(profilePath);
const label = frameLabeller();

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parentOf.set(child, node.id);
const self = new Map<string, number>();
const total = new Map<string, number>();
let ourTotal = 0;
profile.samples.forEach((id, index) => {
  const duration = profile.timeDeltas[index + 1] ?? 0;
  const stack: string[] = [];
  let ours = false;
  for (
    let current: number | undefined = id;
    current !== undefined;
    current = parentOf.get(current)
  ) {
    const node = byId.get(current);
    if (node === undefined) break;
    if (node.callFrame.url.startsWith('chrome-extension://')) ours = true;
    stack.push(label(node.callFrame as never));
  }
  if (!ours) return;
  ourTotal += duration;
  const top = stack[0] ?? '?';
  self.set(top, (self.get(top) ?? 0) + duration);
  for (const frame of new Set(stack)) total.set(frame, (total.get(frame) ?? 0) + duration);
});
const print = (title: string, table: Map<string, number>): void => {
  console.log(`\n${title} (ms over the run; ours total ${(ourTotal / 1000).toFixed(1)} ms)`);
  for (const [name, micros] of [...table].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`${(micros / 1000).toFixed(1).padStart(9)}  ${name}`);
  }
};
print('self time', self);
print('total time', total);
