/**
 * OKX perpetual swaps and expiry futures. exchange-pages.md §2.
 *
 * Confirmed [C] (DOM dump avcdefzh/okx-hotkey 2026-04-08; mop824/okx-hotkey selectors 2026-04):
 * lower-case URL `/trade-swap/btc-usdt-swap` with optional locale segment; a real okui table inside
 * `.position-box`, rows `tr.okui-table-row`, `aria-hidden` measure rows to skip; users reorder
 * columns; one-way mode signs the size (negative = short), hedge mode does not and marks the side
 * with `.positive-pl` / `.negative-pl`; size text carries its unit (`Contracts` or the coin);
 * `okui-*` classes are stable, CSS-module hashes and React ids are not.
 * Secondary [S]: headers Avg. entry price, Est. liq. price, Initial margin, PnL; zh 开仓均价,
 * 预估强平价格, 初始保证金, 收益. Cross positions may show `--` as liq price.
 * Inferred [I]: mark price header, the `Cross 10x` tag inside the instrument cell.
 */
import { withGenericFallback } from './generic';
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'okx',
  label: 'OKX',
  venue: 'okx',
  matches: ['https://www.okx.com/*'],
  paths: [/^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?trade-(?:swap|futures)\/[a-z0-9-]+\/?(?:$|#)/i],
  examples: [
    'https://www.okx.com/trade-swap/btc-usdt-swap',
    'https://www.okx.com/zh-hans/trade-swap/eth-usdt-swap',
    'https://www.okx.com/cn/trade-swap/btc-usd-swap',
    'https://www.okx.com/trade-futures/btc-usd-251226',
  ],
  verified: '2026-04-09',
  positionsArea: [{ css: '.position-box', note: '[C] positions pane wrapper, 2026-04' }],
  rows: [{ css: 'tr.okui-table-row', note: '[C] okui design-system rows, 2026-04' }],
  fields: withGenericFallback({
    entryPrice: {
      locators: [
        {
          label: { en: /^(avg )?entry price$/, zh: /^开仓均价$/ },
          relation: 'same-column',
          note: '[S] OKX help re-posts, 2023-09',
        },
      ],
    },
    liquidationPrice: {
      optional: true,
      locators: [
        {
          label: { en: /^est (liq|liquidation) price$/, zh: /^预估强平价格?$/ },
          relation: 'same-column',
          note: '[S] OKX help re-posts; empty `--` is normal for cross',
        },
      ],
    },
    margin: {
      optional: true,
      locators: [
        {
          label: { en: /^(initial )?margin$/, zh: /^(初始)?保证金$/ },
          relation: 'same-column',
          note: '[S] OKX help re-posts',
        },
      ],
    },
  }),
  format: 'from-page-locale',
  sizeUnit: { linear: 'contracts', inverse: 'contracts' },
  // One-way mode signs sizes; hedge rows carry a side class, which the reader checks first.
  signedSize: true,
  sideHints: [
    { css: '.positive-pl', side: 'long', note: '[C] hedge-mode side class (mop824, 2026-04)' },
    { css: '.negative-pl', side: 'short', note: '[C] hedge-mode side class (mop824, 2026-04)' },
  ],
});
