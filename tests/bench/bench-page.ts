/**
 * The bench page: a Binance USDⓈ-M futures page (markup as in
 * tests/adapters/fixtures/binance/2026-11-22-en-usdm-one-way.html, exchange-pages.md §1) with N open
 * positions and an inline script that moves every mark price and PnL cell 10 times a second, the
 * way an exchange's websocket feed does. Served at a real Binance URL so the built content script's
 * own `matches` and adapter apply.
 *
 * Positions are mostly BTCUSDT/ETHUSDT (the symbols with a bundled tier table, so each row runs the
 * full estimate: the worst case for our cost), a quarter cross (so the account view runs too), and
 * one in ten on a symbol without a tier table (a problem row, as on a real account).
 */

export const BENCH_URL = 'https://www.binance.com/en/futures/BTCUSDT';

interface Row {
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly quantity: string;
  readonly entryPrice: string;
  readonly markPrice: string;
  readonly margin: string;
  readonly marginValue: number;
  /** The exchange's own liquidation price (rough isolated figure): also tells the reader the side. */
  readonly liquidationPrice: string;
  readonly leverage: number;
  readonly cross: boolean;
  readonly decimals: number;
}

const OTHER_SYMBOLS = ['SOLUSDT', 'XRPUSDT', 'DOGEUSDT', 'ADAUSDT', 'LINKUSDT'];

/** Deterministic positions (no Math.random: the same page every run). */
function rows(count: number): Row[] {
  const result: Row[] = [];
  for (let index = 0; index < count; index += 1) {
    const other = index % 10 === 8; // never a cross row (index % 4 === 1): see below
    const btc = index % 2 === 0;
    const symbol = other
      ? (OTHER_SYMBOLS[index % OTHER_SYMBOLS.length] ?? 'SOLUSDT')
      : btc
        ? 'BTCUSDT'
        : 'ETHUSDT';
    const base = other ? 1.5 + (index % 7) : btc ? 62000 : 3050;
    const decimals = other ? 4 : 2;
    const entry = base * (1 + ((index % 13) - 6) / 200);
    const leverage = 5 + (index % 4) * 5;
    const quantity = other ? 100 + index * 10 : btc ? 0.05 + (index % 9) * 0.02 : 0.5 + (index % 7);
    const cross = index % 4 === 1;
    const side = index % 3 === 2 ? 'short' : 'long';
    const liquidation = entry * (1 + (side === 'long' ? -1 : 1) * (1 / leverage - 0.005));
    result.push({
      symbol,
      side,
      liquidationPrice: liquidation.toFixed(decimals),
      quantity: quantity.toFixed(other ? 0 : 3),
      entryPrice: entry.toFixed(decimals),
      markPrice: base.toFixed(decimals),
      margin: ((quantity * entry) / leverage).toFixed(2),
      marginValue: (quantity * entry) / leverage,
      leverage,
      cross,
      decimals,
    });
  }
  return result;
}

function rowHtml(row: Row): string {
  const mode = row.cross ? 'Cross' : 'Isolated';
  const size = `${row.side === 'short' ? '-' : ''}${row.quantity} ${row.symbol.replace('USDT', '')}`;
  return `<div role="row" class="css-q3rzp2" data-entry="${row.entryPrice}" data-qty="${row.quantity}" data-dir="${row.side === 'short' ? -1 : 1}" data-dec="${String(row.decimals)}">
  <div role="gridcell"><div class="css-1pysja1"><span data-bn-type="text">${row.symbol}</span><span class="css-tag">Perp</span></div><div class="css-9vlmvf"><span>${mode}</span> <span>${String(row.leverage)}x</span></div></div>
  <div role="gridcell"><span data-bn-type="text">${size}</span></div>
  <div role="gridcell">${row.entryPrice}</div><div role="gridcell">${row.entryPrice}</div><div role="gridcell" class="mark">${row.markPrice}</div>
  <div role="gridcell">${row.liquidationPrice}</div><div role="gridcell">2.41%</div>
  <div role="gridcell">${row.margin} USDT<div class="css-sub">(${mode})</div></div>
  <div role="gridcell"><span class="pnl">0.00 USDT</span><span>(0.00%)</span></div>
  <div role="gridcell">-0.10 USDT</div>
  <div role="gridcell"><button>Market</button><button>Limit</button></div>
  <div role="gridcell">-- / --</div>
</div>`;
}

/**
 * The page's own feed, in the page's main world: every 100 ms each row's mark price takes a small
 * deterministic step and its PnL follows, written as text-node data like a framework would.
 * `window.__bench` lets the runner start and stop the feed (idle check) and count ticks; each tick
 * and phase leaves a console.timeStamp mark in the trace, so work can be split per update.
 */
/**
 * The feed's state and one step (a JS expression defining `state` and `step`), shared with the
 * reader's own bench (tests/adapters/bench/tick-bench.ts) so both write texts as fresh each tick.
 */
export const FEED_STEP = `
  const rows = [...document.querySelectorAll('#bn-tab-pane-position [role="row"][data-entry]')];
  const state = rows.map((row, i) => ({
    mark: row.querySelector('.mark').firstChild,
    pnl: row.querySelector('.pnl').firstChild,
    entry: +row.dataset.entry, qty: +row.dataset.qty, dir: +row.dataset.dir, dec: +row.dataset.dec,
    price: +row.querySelector('.mark').textContent, phase: i,
  }));
  const step = () => {
    for (const s of state) {
      s.phase += 1;
      s.price = s.price * (1 + Math.sin(s.phase / 7) / 2000);
      s.mark.data = s.price.toFixed(s.dec);
      s.pnl.data = (s.dir * s.qty * (s.price - s.entry)).toFixed(2) + ' USDT';
    }
  };
`;

const FEED_SCRIPT = `
(() => {
  ${FEED_STEP}
  let ticks = 0;
  let timer = null;
  const tick = () => {
    ticks += 1;
    console.timeStamp('liq-bench:tick');
    step();
  };
  window.__bench = {
    start() { if (timer === null) timer = setInterval(tick, 100); },
    stop() { if (timer !== null) clearInterval(timer); timer = null; console.timeStamp('liq-bench:stop'); },
    mark(name) { console.timeStamp(name); },
    get ticks() { return ticks; },
  };
})();
`;

/** The whole page for `count` positions. */
export function benchPageHtml(count: number): string {
  const positions = rows(count);
  const body = positions.map(rowHtml).join('\n');
  // A wallet of half the cross positions' margin: each cross row then has a liquidation price.
  const crossMargin = positions
    .filter((row) => row.cross)
    .reduce((total, row) => total + row.marginValue, 0);
  const wallet = (crossMargin * 0.5).toFixed(2);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>BTCUSDT 62,010.1 | Binance USDⓈ-M Futures</title></head>
<body>
<div id="__APP">
  <div class="css-aw3b2 account-orders">
    <div role="tablist" class="bn-tabs">
      <div role="tab" aria-selected="true" aria-controls="bn-tab-pane-position" class="bn-tab">Positions(${String(count)})</div>
      <div role="tab" aria-selected="false" aria-controls="bn-tab-pane-openOrder" class="bn-tab">Open Orders(0)</div>
    </div>
    <div role="tabpanel" id="bn-tab-pane-position" class="css-9x1ta">
      <div role="table" class="css-1v7ycpt">
        <div role="row" class="css-ab12cd">
          <div role="columnheader">Symbol</div><div role="columnheader">Size</div><div role="columnheader">Entry Price</div><div role="columnheader">Break Even Price</div><div role="columnheader">Mark Price</div><div role="columnheader">Liq.Price</div><div role="columnheader">Margin Ratio</div><div role="columnheader">Margin</div><div role="columnheader">PNL (ROI %)</div><div role="columnheader">Est. Funding Fee</div><div role="columnheader">Close All Positions</div><div role="columnheader">TP/SL for position</div>
        </div>
${body}
      </div>
    </div>
  </div>
  <div class="css-assets">
    <div class="css-row"><div class="css-label">Wallet Balance</div><div class="css-value">${wallet} USDT</div></div>
  </div>
</div>
<script>${FEED_SCRIPT}</script>
</body>
</html>`;
}
