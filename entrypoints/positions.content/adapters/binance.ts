/**
 * Binance USDⓈ-M (/futures/) and COIN-M (/delivery/) futures. exchange-pages.md §1.
 *
 * Confirmed [C]: URL regex (jackhai9/userscripts, 2026-07); `/delivery/` COIN-M path (older scripts);
 * bottom tabs are ARIA tabs with localised labels 仓位 / Positions; rows are div grids, not <table>,
 * whose textContent glues cells; leverage button text `Cross 20x` / `全仓 20x`.
 * Secondary [S]: header texts Symbol, Size, Entry Price, Mark Price, Liq.Price, Margin Ratio,
 * Margin, PNL (ROI %); zh 符号, 大小(ETH), 开仓价格, 标记价格, 强平价格, 保证金, 收益额（收益率）;
 * `--` for an empty liq price.
 * Inferred [I]: the positions grid carries ARIA roles (table/row/columnheader/cell) like the rest
 * of the 2026 account area; the margin mode and leverage sit in the symbol cell; the wallet
 * balance label. Hence the columns are found by header text only.
 */
import { withGenericFallback } from './generic';
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'binance',
  label: 'Binance Futures',
  venue: 'binance',
  matches: ['https://www.binance.com/*'],
  paths: [
    // Locale prefix optional (`/en/`, `/zh-CN/`); `/my/wallet/futures/` is excluded by the anchor.
    /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4})?\/)?(?:futures|delivery)\/[A-Za-z0-9_]{3,}\/?(?:$|#)/,
  ],
  examples: [
    'https://www.binance.com/en/futures/BTCUSDT',
    'https://www.binance.com/zh-CN/futures/ETHUSDT',
    'https://www.binance.com/futures/BTCUSDT',
    'https://www.binance.com/en/delivery/BTCUSD_PERP',
  ],
  verified: '2026-09-21',
  positionsArea: [
    {
      css: '[role="tabpanel"]',
      note: '[I] bottom account tabs are ARIA tabs (C, 2026); their pane',
    },
    { css: '.position-tab', note: '[C, 2020] old react-virtualized positions tab' },
  ],
  // No row hook: rows are div grids (C) whose ARIA roles are unconfirmed (I); the reader finds
  // them by header text with or without roles (read-table.ts, read-div-grid.ts).
  rows: [],
  fields: withGenericFallback({
    symbol: {
      locators: [
        {
          label: { en: /^symbol$/, zh: /^(符号|合约)$/ },
          relation: 'same-column',
          note: '[S] clone UIs and zh mirror panel, 2026',
        },
      ],
    },
    size: {
      locators: [
        {
          label: { en: /^size$/, zh: /^(大小|合约数量|合約數量)$/ },
          relation: 'same-column',
          note: '[S] `Size (BTC)` / `大小(ETH)`; unit switches coin / USDT',
        },
      ],
    },
    liquidationPrice: {
      optional: true,
      locators: [
        {
          label: { en: /^liq ?price$/, zh: /^(强平价格|強平價格)$/ },
          relation: 'same-column',
          note: '[S] `Liq.Price` with or without a space; `--` when none',
        },
      ],
    },
  }),
  format: 'from-page-locale',
  sizeUnit: { linear: 'base', inverse: 'contracts' },
  // [I] one-way mode may show a negative size; a positive size says nothing in hedge mode.
  signedSize: false,
  account: {
    walletBalance: [
      {
        label: { en: /^wallet balance$/, zh: /^(钱包余额|錢包餘額)$/ },
        relation: 'next-sibling',
        note: '[I] assets panel label; not Margin Balance, which already includes unrealised PnL',
      },
    ],
  },
});
