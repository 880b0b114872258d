/**
 * Bybit USDT / USDC / inverse perpetuals. exchange-pages.md §3.
 *
 * Confirmed [C]: URL `/trade/usdt/BTCUSDT` (also `/inverse/`, `/usdc/`); a real <table> with
 * `thead th` and virtualised `tr[data-index]` rows; the table is found by header text (`Contracts`,
 * `Unrealized P&L`, `TP/SL`; sammcj/scripts bybit-sort.js, 2025-07); users hide and drag columns;
 * `--` for empty; help centre: the Contracts cell shows margin mode and leverage, Qty is coin for
 * USDT contracts and USD for inverse, green = long / red = short (colour only: not used).
 * Secondary [S]: 未结盈亏 for unrealised P&L.
 * Inferred [I]: other zh headers; the wallet balance label. There is no stable area hook, so the
 * table is recognised by its headers (the [C] technique).
 */
import { withGenericFallback } from './generic';
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'bybit',
  label: 'Bybit',
  venue: 'bybit',
  matches: ['https://www.bybit.com/*'],
  paths: [
    /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4})?\/)?trade\/(?:usdt|usdc|inverse)\/[A-Za-z0-9-]+\/?(?:$|#)/,
  ],
  examples: [
    'https://www.bybit.com/trade/usdt/BTCUSDT',
    'https://www.bybit.com/en/trade/usdt/ETHUSDT',
    'https://www.bybit.com/zh-TW/trade/inverse/BTCUSD',
    'https://www.bybit.com/trade/usdc/BTC-PERP',
  ],
  verified: '2025-07-15',
  positionsArea: [],
  rows: [
    { css: 'tr[data-index]', note: '[C] virtualised rows, 2025-07' },
    { css: 'tbody tr', note: '[C] plain rows when not virtualised, 2025-07' },
  ],
  fields: withGenericFallback({
    symbol: {
      locators: [
        {
          label: { en: /^contracts?$/, zh: /^(合约|合約)$/ },
          relation: 'same-column',
          note: '[C] `Contracts` column (symbol + mode + leverage); zh [I]',
        },
      ],
    },
    size: {
      locators: [
        {
          label: { en: /^qty$/, zh: /^(数量|數量)$/ },
          relation: 'same-column',
          note: '[C] help centre `Qty`; zh [I]',
        },
      ],
    },
    liquidationPrice: {
      optional: true,
      locators: [
        {
          label: { en: /^(est )?liq(uidation)? price$/, zh: /^(预估)?强平价格?$/ },
          relation: 'same-column',
          note: '[C] `Liq Price` / `Est. Liquidation Price`; zh [I]',
        },
      ],
    },
    margin: {
      optional: true,
      locators: [
        {
          label: {
            en: /^(im|position margin)$/,
            zh: /^(仓位保证金|倉位保證金|起始保证金|起始保證金)$/,
          },
          relation: 'same-column',
          note: '[I] unified-account `IM` column (initial = position margin for isolated)',
        },
      ],
    },
    unrealizedPnl: {
      optional: true,
      locators: [
        {
          label: { en: /^unrealized p&l$/, zh: /^未结盈亏$/ },
          relation: 'same-column',
          note: '[C] `Unrealized P&L`; zh [S]',
        },
      ],
    },
  }),
  format: 'from-page-locale',
  // [C] help centre: USDT contracts count in coin, inverse contracts in USD.
  sizeUnit: { linear: 'base', inverse: 'quote' },
  signedSize: false,
  account: {
    walletBalance: [
      {
        label: { en: /^wallet balance$/, zh: /^钱包余额$/ },
        relation: 'next-sibling',
        note: '[I] unified account summary label',
      },
    ],
  },
});
