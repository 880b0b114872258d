/**
 * Core micro-benchmark (issue 6, design.md §6): liquidation estimates per second on one core for
 * four workloads, each beside the same computation in plain floats (float-model.ts), with the
 * largest relative difference between the two over every generated input.
 *
 * Inputs are generated from a fixed seed (no Math.random), rotated through so no result is reused,
 * and are the core's own PositionInput strings: both sides parse, solve and build their output.
 * Usage: npx tsx tests/bench/core-bench.ts [--quick] [--json]
 */
import { Decimal } from '../../core/decimal';
import { estimateAccount, estimatePosition, findTierTable } from '../../core/index';
import type { AccountInput, PositionInput, TierInput } from '../../core/contract';
import { floatEstimateAccount, floatEstimatePosition, type FloatEstimate } from './float-model';

export interface CoreCaseResult {
  readonly name: string;
  readonly description: string;
  /**
   * Decimal estimates per CPU second (one position = one estimate; an account counts its
   * positions). Node runs the loop on one thread; GC threads' time is included in the CPU time.
   */
  readonly decimalPerSecond: number;
  readonly floatPerSecond: number;
  /** float ops/s ÷ decimal ops/s. */
  readonly floatSpeedup: number;
  /** max |float − decimal| / |decimal| over the liquidation prices of every input. */
  readonly maxRelativeDifference: string;
  /** Inputs where one side found a liquidation price and the other did not. */
  readonly existenceMismatches: number;
  readonly inputs: number;
}

/** Mulberry32: a small deterministic generator, so every run benches the same inputs. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A decimal string with `decimals` places (floats only build test inputs, never results). */
const fixed = (value: number, decimals: number): string => value.toFixed(decimals);

function tiersFor(symbol: string): readonly TierInput[] {
  const table = findTierTable('binance', symbol, 'linear');
  if (table === null) throw new Error(`no bundled tier table for ${symbol}`);
  return table.tiers;
}

function isolatedLinear(random: () => number): PositionInput {
  const entry = 100 + random() * 90_000;
  const long = random() < 0.5;
  const leverage = 1 + Math.floor(random() * 100);
  return {
    product: 'linear',
    marginMode: 'isolated',
    side: long ? 'long' : 'short',
    quantity: fixed(0.001 + random() * 50, 3),
    entryPrice: fixed(entry, 2),
    markPrice: fixed(entry * (0.97 + random() * 0.06), 2),
    leverage: String(leverage),
    maintenanceMarginRate: fixed(0.004 + random() * 0.02, 4),
    maintenanceAmount: fixed(random() * 50, 2),
    closeFeeRate: '0.0005',
  };
}

function crossWithTiers(random: () => number, btc = random() < 0.5): PositionInput {
  const entry = btc ? 20_000 + random() * 80_000 : 1_000 + random() * 4_000;
  const quantity = btc ? 0.01 + random() * 60 : 0.1 + random() * 900;
  const notional = entry * quantity;
  return {
    product: 'linear',
    marginMode: 'cross',
    side: random() < 0.5 ? 'long' : 'short',
    quantity: fixed(quantity, 3),
    entryPrice: fixed(entry, 2),
    markPrice: fixed(entry * (0.97 + random() * 0.06), 2),
    margin: fixed(notional * (0.05 + random() * 0.5), 2),
    tiers: tiersFor(btc ? 'BTCUSDT' : 'ETHUSDT'),
    otherMaintenanceMargin: fixed(random() * notional * 0.01, 2),
    otherUnrealizedPnl: fixed((random() - 0.5) * notional * 0.05, 2),
  };
}

function inverse(random: () => number): PositionInput {
  const entry = 20_000 + random() * 80_000;
  const contracts = 1 + Math.floor(random() * 100_000);
  return {
    product: 'inverse',
    marginMode: random() < 0.5 ? 'isolated' : 'cross',
    side: random() < 0.5 ? 'long' : 'short',
    quantity: String(contracts),
    contractSize: '100',
    entryPrice: fixed(entry, 1),
    markPrice: fixed(entry * (0.97 + random() * 0.06), 1),
    margin: fixed(((contracts * 100) / entry) * (0.02 + random() * 0.5), 8),
    maintenanceMarginRate: '0.004',
    closeFeeRate: '0.0005',
  };
}

function account(random: () => number, size: number): AccountInput {
  const positions = Array.from({ length: size }, (_, index): PositionInput => {
    // An account position carries no margin of its own: the wallet is the account's.
    const { product, marginMode, side, quantity, entryPrice, markPrice, tiers } = crossWithTiers(
      random,
      index % 2 === 0,
    );
    return {
      product,
      marginMode,
      side,
      quantity,
      entryPrice,
      ...(markPrice === undefined ? {} : { markPrice }),
      ...(tiers === undefined ? {} : { tiers }),
      leverage: '20',
    };
  });
  const notional = positions.reduce(
    (sum, position) =>
      sum + Number.parseFloat(position.entryPrice) * Number.parseFloat(position.quantity),
    0,
  );
  return { walletBalance: fixed(notional * (0.06 + random() * 0.3), 2), positions };
}

/** |a − b| / |b| in Decimal (b is the core's answer). */
function relativeDifference(float: number | null, decimal: string | null): Decimal | null {
  if (float === null || decimal === null) return null;
  const exact = new Decimal(decimal);
  if (exact.isZero()) return null;
  return new Decimal(float).minus(exact).abs().div(exact.abs());
}

interface Compared {
  max: Decimal;
  mismatches: number;
}

function compare(pairs: Iterable<[FloatEstimate, string | null]>): Compared {
  let max = new Decimal(0);
  let mismatches = 0;
  for (const [float, decimal] of pairs) {
    if ((float.liquidationPrice === null) !== (decimal === null)) mismatches += 1;
    const difference = relativeDifference(float.liquidationPrice, decimal);
    if (difference !== null && difference.gt(max)) max = difference;
  }
  return { max, mismatches };
}

/**
 * Calls `work(i)` with i = 0, 1, 2, … for `seconds` after a short warm-up.
 * @returns calls per second of this process's CPU time (user + system, process.cpuUsage), so
 *   other load on the machine does not count against us: "on one core" is literal.
 */
function throughput(seconds: number, work: (index: number) => void): number {
  const warmUpEnd = performance.now() + Math.min(500, seconds * 200);
  let index = 0;
  while (performance.now() < warmUpEnd) work(index++);
  const cpuStart = process.cpuUsage();
  const end = performance.now() + seconds * 1000;
  let calls = 0;
  while (performance.now() < end) {
    for (let batch = 0; batch < 16; batch += 1) work(index++ + batch);
    calls += 16;
  }
  const cpu = process.cpuUsage(cpuStart);
  return calls / ((cpu.user + cpu.system) / 1e6);
}

let sink = 0; // keeps results alive so no call is optimised away

function positionCase(
  name: string,
  description: string,
  inputs: readonly PositionInput[],
  seconds: number,
): CoreCaseResult {
  const pick = (index: number): PositionInput => inputs[index % inputs.length] as PositionInput;
  const decimalPerSecond = throughput(seconds, (index) => {
    const outcome = estimatePosition(pick(index), {});
    if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.errors)}`);
    sink += outcome.estimate.liquidationPrice?.length ?? 0;
  });
  const floatPerSecond = throughput(seconds, (index) => {
    sink += floatEstimatePosition(pick(index)).liquidationPrice ?? 0;
  });
  const { max, mismatches } = compare(
    inputs.map((input): [FloatEstimate, string | null] => {
      const outcome = estimatePosition(input, {});
      return [floatEstimatePosition(input), outcome.ok ? outcome.estimate.liquidationPrice : null];
    }),
  );
  return {
    name,
    description,
    decimalPerSecond: Math.round(decimalPerSecond),
    floatPerSecond: Math.round(floatPerSecond),
    floatSpeedup: Math.round((floatPerSecond / decimalPerSecond) * 10) / 10,
    maxRelativeDifference: max.toSignificantDigits(3).toExponential(),
    existenceMismatches: mismatches,
    inputs: inputs.length,
  };
}

function accountCase(accounts: readonly AccountInput[], seconds: number): CoreCaseResult {
  const size = accounts[0]?.positions.length ?? 0;
  const pick = (index: number): AccountInput => accounts[index % accounts.length] as AccountInput;
  const decimalPerSecond =
    throughput(seconds, (index) => {
      const outcome = estimateAccount(pick(index), {});
      if (!outcome.ok) throw new Error(`account: ${JSON.stringify(outcome.errors)}`);
      sink += outcome.account.positions.length;
    }) * size;
  const floatPerSecond =
    throughput(seconds, (index) => {
      sink += floatEstimateAccount(pick(index)).marginRatio;
    }) * size;
  const pairs: [FloatEstimate, string | null][] = [];
  for (const input of accounts) {
    const outcome = estimateAccount(input, {});
    const floats = floatEstimateAccount(input).positions;
    if (!outcome.ok) continue;
    for (const entry of outcome.account.positions) {
      const float = floats[entry.index];
      if (float !== undefined) pairs.push([float, entry.estimate.liquidationPrice]);
    }
  }
  const { max, mismatches } = compare(pairs);
  return {
    name: `account-${String(size)}`,
    description: `cross account of ${String(size)} linear positions (BTC/ETH tiers), each liquidation price with the others at mark`,
    decimalPerSecond: Math.round(decimalPerSecond),
    floatPerSecond: Math.round(floatPerSecond),
    floatSpeedup: Math.round((floatPerSecond / decimalPerSecond) * 10) / 10,
    maxRelativeDifference: max.toSignificantDigits(3).toExponential(),
    existenceMismatches: mismatches,
    inputs: pairs.length,
  };
}

/** All four cases; `seconds` per measurement (two measurements per case). */
export function runCoreBench(seconds: number): CoreCaseResult[] {
  const random = generator(20261122);
  // Only inputs the core accepts (a generated mark can lie past liquidation: LIQ_ALREADY_LIQUIDATABLE):
  // the bench measures estimates, not the error path.
  const many = <T>(
    count: number,
    make: (random: () => number) => T,
    valid: (input: T) => boolean,
  ): T[] => {
    const inputs: T[] = [];
    while (inputs.length < count) {
      const input = make(random);
      if (valid(input)) inputs.push(input);
    }
    return inputs;
  };
  const position = (input: PositionInput): boolean => estimatePosition(input, {}).ok;
  const accepted = (input: AccountInput): boolean => estimateAccount(input, {}).ok;
  return [
    positionCase(
      'isolated-linear',
      'isolated USDT-margined, one maintenance rate + amount, close fee on the liquidation value',
      many(1024, isolatedLinear, position),
      seconds,
    ),
    positionCase(
      'cross-tiers',
      'cross USDT-margined with the Binance BTC/ETH bracket table (12 tiers), others given',
      many(1024, (r) => crossWithTiers(r), position),
      seconds,
    ),
    positionCase(
      'inverse',
      'coin-margined (form I), 100 USD contracts',
      many(1024, inverse, position),
      seconds,
    ),
    accountCase(
      many(32, (r) => account(r, 50), accepted),
      seconds,
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const seconds = process.argv.includes('--quick') ? 0.5 : 3;
  const results = runCoreBench(seconds);
  if (process.argv.includes('--json')) console.log(JSON.stringify(results));
  else console.table(results);
  if (sink === -1) console.log(sink);
}
