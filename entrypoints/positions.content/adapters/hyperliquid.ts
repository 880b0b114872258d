/**
 * Hyperliquid perpetuals (including HIP-3 `dex:SYMBOL` markets). exchange-pages.md §8.
 *
 * Confirmed [C] (brave-capture-v2 2025-11-15; perpetualpulse 2026-04): URLs `/trade/BTC`,
 * `/trade/xyz:NVDA`, `/portfolio`, on app.hyperliquid.xyz and app.hyperliquid.com; a real <table>
 * whose classes are styled-components hashes that churn (never used here); headers Coin, Size,
 * Position Value, Entry Price, Mark Price, PNL (ROE %), Liq. Price, Margin, Funding; the Coin cell
 * is `ETH 20x` (leverage badge), the Margin cell `$1,474.08 (Cross)` (margin mode); sizes
 * `9.3792 ETH`; the side is shown only by colour (inline rgb) and no source shows a negative size.
 * Side: colour alone is unsafe (users and themes change colours), so a negative size is used when
 * present and otherwise the price geometry (long: liq < entry). A row without a liq price gets a
 * side problem rather than a colour guess.
 * Inferred [I]: `#accountTable` wraps the positions table; the `Balance` label of the perps
 * account overview is the wallet balance.
 */
import { withGenericFallback } from './generic';
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'hyperliquid',
  label: 'Hyperliquid',
  venue: 'hyperliquid',
  matches: ['https://app.hyperliquid.xyz/*', 'https://app.hyperliquid.com/*'],
  paths: [/^\/(?:trade(?:\/[^/#?]+)?|portfolio)\/?(?:$|#)/],
  examples: [
    'https://app.hyperliquid.xyz/trade/BTC',
    'https://app.hyperliquid.xyz/trade/xyz:NVDA',
    'https://app.hyperliquid.xyz/portfolio',
    'https://app.hyperliquid.com/trade/ETH',
  ],
  verified: '2026-04-15',
  positionsArea: [
    { css: '#accountTable', note: '[C] stable id (2026 theme userscript); [I] holds positions' },
  ],
  rows: [],
  fields: withGenericFallback({
    symbol: {
      locators: [
        {
          label: { en: /^coin$/, zh: /^币种$/ },
          relation: 'same-column',
          note: '[C] `Coin` header; zh [I] (the app is English-first)',
        },
      ],
    },
    liquidationPrice: {
      optional: true,
      locators: [
        {
          label: { en: /^liq price$/, zh: /^强平价格$/ },
          relation: 'same-column',
          note: '[C] `Liq. Price` header',
        },
      ],
    },
  }),
  format: { decimalSeparator: '.', groupSeparator: ',' },
  sizeUnit: { linear: 'base', inverse: 'base' },
  signedSize: false,
  account: {
    walletBalance: [
      {
        label: { en: /^balance$/, zh: /^余额$/ },
        relation: 'next-sibling',
        note: '[I] perps overview `Balance` (wallet without unrealised PnL)',
      },
    ],
  },
});
