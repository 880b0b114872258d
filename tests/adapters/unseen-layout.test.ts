/**
 * Layouts no fixture shows: for many seeds, a positions table with its columns shuffled (seeded),
 * one column removed, header spellings drawn from EN and ZH variants, rendered as a <table>, as an
 * ARIA div grid or as plain div rows without roles, among decoy tables. Every present field must
 * still be read exactly, and the removed column must be reported (or be absent when optional).
 */
import { describe, expect, it } from 'vitest';
import { ADAPTERS, GENERIC_ADAPTER } from '../../entrypoints/positions.content/adapters';
import type { Adapter, PositionField } from '../../entrypoints/positions.content/adapters/types';
import { readPositions } from '../../entrypoints/positions.content/read';
import { loadDocument } from './fixture-harness';
import { seededRandom } from './seeded-random';

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    const held = copy[index] as T;
    copy[index] = copy[other] as T;
    copy[other] = held;
  }
  return copy;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

interface Column {
  readonly field: PositionField;
  readonly headers: readonly string[];
  readonly cells: readonly [string, string];
}

/** Two positions (a long and a short); header variants as exchanges write them. */
const COLUMNS: readonly Column[] = [
  {
    field: 'symbol',
    headers: ['Symbol', 'Contract', '合约', '符号', 'Market'],
    cells: ['BTCUSDT', 'ETHUSDT'],
  },
  { field: 'side', headers: ['Side', 'Direction', '方向'], cells: ['Long', 'Short'] },
  {
    field: 'size',
    headers: ['Size (BTC)', 'Qty', '数量', '持仓量', 'Position'],
    cells: ['0.500 BTC', '12.000 ETH'],
  },
  {
    field: 'entryPrice',
    headers: ['Entry Price', 'Avg. Entry Price', '开仓均价', '開倉價格'],
    cells: ['61,250.40', '3,050.00'],
  },
  {
    field: 'markPrice',
    headers: ['Mark Price', 'Mark', '标记价格'],
    cells: ['62,010.10', '3,012.35'],
  },
  {
    field: 'liquidationPrice',
    headers: ['Liq.Price', 'Est. Liq. Price', '强平价格', '预估强平价'],
    cells: ['48,830.21', '3,318.47'],
  },
  {
    field: 'margin',
    headers: ['Margin', 'Initial Margin', '保证金（USDT）'],
    cells: ['1,550.25 USDT', '3,661.20 USDT'],
  },
  { field: 'leverage', headers: ['Leverage', '杠杆'], cells: ['20x', '10x'] },
  { field: 'marginMode', headers: ['Margin Mode', '保证金模式'], cells: ['Isolated', 'Cross'] },
  {
    field: 'unrealizedPnl',
    headers: ['PNL (ROI %)', 'Unrealized PnL', '未实现盈亏'],
    cells: ['+379.85 USDT (+24.50%)', '+451.80 USDT (+12.34%)'],
  },
];

/** Columns that are not position fields; they must be ignored wherever they land. */
const NOISE_COLUMNS: readonly {
  readonly header: string;
  readonly cells: readonly [string, string];
}[] = [
  { header: 'Margin Ratio', cells: ['2.41%', '4.98%'] },
  { header: 'Break Even Price', cells: ['61,286.12', '3,048.47'] },
  { header: '收益率', cells: ['+24.50%', '+12.34%'] },
  { header: 'TP/SL', cells: ['-- / --', '2,900.00 / 3,200.00'] },
];

const DECOYS = `
  <table><thead><tr><th>Price (USDT)</th><th>Size (BTC)</th><th>Total</th></tr></thead>
    <tbody><tr><td>62,010.2</td><td>1.204</td><td>1.204</td></tr></tbody></table>
  <table><thead><tr><th>Symbol</th><th>Side</th><th>Price</th><th>Amount</th><th>Filled</th></tr></thead>
    <tbody><tr><td>BTCUSDT</td><td>Sell</td><td>64,000.0</td><td>0.100 BTC</td><td>0</td></tr></tbody></table>`;

type Rendering = 'table' | 'aria-grid' | 'plain-divs';

function render(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  rendering: Rendering,
): string {
  if (rendering === 'aria-grid') {
    const headerRow = `<div role="row">${headers.map((h) => `<div role="columnheader">${h}</div>`).join('')}</div>`;
    const body = rows
      .map(
        (cells) =>
          `<div role="row">${cells.map((c) => `<div role="gridcell"><span>${c}</span></div>`).join('')}</div>`,
      )
      .join('');
    return `<div role="grid">${headerRow}${body}</div>`;
  }
  if (rendering === 'plain-divs') {
    // Utility-class rows with no table semantics at all (the Binance list-item pattern).
    const headerRow = `<div class="flex header">${headers.map((h) => `<div class="flex-1"><span>${h}</span></div>`).join('')}</div>`;
    const body = rows
      .map(
        (cells) =>
          `<div class="list-item-container"><div class="flex row">${cells.map((c) => `<div class="flex-1">${c}</div>`).join('')}</div></div>`,
      )
      .join('');
    return `<div class="list">${headerRow}<div class="list-virtual">${body}</div></div>`;
  }
  const head = `<thead><tr>${headers.map((h) => `<th><span>${h}</span></th>`).join('')}</tr></thead>`;
  const body = rows
    .map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('');
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

interface Layout {
  readonly html: string;
  readonly present: readonly Column[];
  readonly removed: Column;
}

function layoutFor(seed: number): Layout {
  const random = seededRandom(seed);
  // Symbol, size and entry identify a positions table; any other column may be hidden.
  const removable = COLUMNS.filter(
    (column) => !['symbol', 'size', 'entryPrice'].includes(column.field),
  );
  const removed = pick(removable, random);
  const present = COLUMNS.filter((column) => column !== removed);
  const noise = NOISE_COLUMNS.filter(() => random() < 0.5);
  const columns = shuffle(
    [
      ...present.map((column) => ({ header: pick(column.headers, random), cells: column.cells })),
      ...noise,
    ],
    random,
  );
  const headers = columns.map((column) => column.header);
  const rows = [0, 1].map((row) => columns.map((column) => column.cells[row as 0 | 1]));
  const rendering = pick<Rendering>(['table', 'aria-grid', 'plain-divs'], random);
  const positions = render(headers, rows, rendering);
  const html = `<html lang="en"><body>${random() < 0.5 ? DECOYS + positions : positions + DECOYS}</body></html>`;
  return { html, present, removed };
}

const SEEDS = Array.from({ length: 40 }, (_, index) => index + 1);

function checkLayout(adapter: Adapter, seed: number, url: string): void {
  const { html, present, removed } = layoutFor(seed);
  const result = readPositions(loadDocument(html, url), adapter);
  expect(result.rows, `seed ${seed}`).toHaveLength(2);
  result.rows.forEach((row, index) => {
    for (const column of present) {
      expect(row.raw[column.field], `seed ${seed} ${column.field}`).toBe(
        column.cells[index as 0 | 1],
      );
    }
    const spec = adapter.fields[removed.field];
    const reported = row.problems.some((problem) => problem.field === removed.field);
    if (removed.field === 'side') {
      // Side falls back to the geometry: BTC liq < entry (long), ETH liq > entry (short).
      expect(row.raw.side, `seed ${seed}`).toBe(index === 0 ? 'long' : 'short');
    } else if (removed.field === 'leverage' || removed.field === 'marginMode') {
      // The row scan may still find the word elsewhere; otherwise it is reported or optional.
      expect(row.raw[removed.field] === undefined ? reported || spec.optional === true : true).toBe(
        true,
      );
    } else {
      expect(row.raw[removed.field], `seed ${seed}`).toBeUndefined();
      expect(reported, `seed ${seed} ${removed.field}`).toBe(spec.optional !== true);
    }
  });
}

describe('readPositions on layouts no fixture shows', () => {
  it.each(SEEDS)('generic reader, seed %i', (seed) => {
    checkLayout(GENERIC_ADAPTER, seed, 'https://dex.example.org/perps');
  });

  const bybit = ADAPTERS.find((adapter) => adapter.id === 'bybit');
  it.each(SEEDS.slice(0, 10))('bybit adapter (headers only), seed %i', (seed) => {
    if (bybit === undefined) throw new Error('bybit adapter missing');
    checkLayout(bybit, seed, 'https://www.bybit.com/trade/usdt/BTCUSDT');
  });

  it('degrades instead of failing when an adapter with area hooks meets an unseen layout', () => {
    const okx = ADAPTERS.find((adapter) => adapter.id === 'okx');
    if (okx === undefined) throw new Error('okx adapter missing');
    const { html } = layoutFor(7);
    const result = readPositions(
      loadDocument(html, 'https://www.okx.com/trade-swap/btc-usdt-swap'),
      okx,
    );
    expect(result.status).toBe('degraded');
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]?.raw.symbol).toBe('BTCUSDT');
  });
});
