/**
 * MEXC USDT-margined perpetuals. exchange-pages.md §7.
 *
 * Confirmed [C]: URLs `/futures/BTC_USDT` (2026-09), `/zh-CN/futures/...`, legacy
 * `futures.mexc.com/exchange/BTC_USDT`; the QA id `mexc-web-inspection-futures-exchange-current-position`
 * around an Ant Design table with `tr.ant-table-row` rows (ArbiSync, 2024+); CSS-module class
 * suffixes change with redeploys (not used); with `lang=ru-RU` prices use a decimal comma; help
 * centre: Position size, Estimated Liquidation Price, Unrealized PNL.
 * Inferred [I]: ZH headers; antd measure rows and fixed-column copies to skip; the wallet
 * balance label inside the assets card.
 */
import { withGenericFallback } from './generic';
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'mexc',
  label: 'MEXC',
  venue: 'mexc',
  matches: ['https://www.mexc.com/*', 'https://futures.mexc.com/*'],
  paths: [
    /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4})?\/)?futures\/[A-Za-z0-9]+_[A-Za-z]+\/?(?:$|#)/,
    // On www.mexc.com, /exchange/ is the spot market; only the legacy futures host uses it for futures.
    { host: 'futures.mexc.com', path: /^\/exchange\/[A-Za-z0-9]+_[A-Za-z]+\/?(?:$|#)/ },
  ],
  examples: [
    'https://www.mexc.com/futures/BTC_USDT',
    'https://www.mexc.com/zh-CN/futures/ETH_USDT',
    'https://futures.mexc.com/exchange/BTC_USDT?lang=ru-RU&_from=search',
  ],
  verified: '2026-09-21',
  positionsArea: [
    {
      attr: 'id',
      value: 'mexc-web-inspection-futures-exchange-current-position',
      note: '[C] QA inspection id, seen 2024–2026',
    },
  ],
  rows: [{ css: 'tr.ant-table-row', note: '[C] Ant Design rows' }],
  fields: withGenericFallback({
    size: {
      locators: [
        {
          label: {
            en: /^(position size|open interest|size|quantity)$/,
            zh: /^(持仓量|持仓数量|数量)$/,
          },
          relation: 'same-column',
          note: '[C] help centre "Position size"; [I] table header "Open Interest"; zh [I]',
        },
      ],
    },
    markPrice: {
      locators: [
        {
          label: { en: /^fair price$/, zh: /^合理价格$/ },
          relation: 'same-column',
          note: '[I] MEXC calls its mark price "Fair Price"',
        },
      ],
    },
    liquidationPrice: {
      optional: true,
      locators: [
        {
          label: { en: /^est(imated)? liq(uidation)? price$/, zh: /^预估强平价格?$/ },
          relation: 'same-column',
          note: '[C] help centre "Estimated Liquidation Price"; zh [I]',
        },
      ],
    },
  }),
  format: 'from-page-locale',
  // [I] MEXC counts positions in contracts (张 / Cont) by default.
  sizeUnit: { linear: 'contracts', inverse: 'contracts' },
  signedSize: false,
  account: {
    walletBalance: [
      {
        label: { en: /^wallet balance$/, zh: /^钱包余额$/ },
        relation: 'next-sibling',
        note: '[I] label inside #mexc-web-inspection-futures-exchange-assetsCard [C id]',
      },
    ],
  },
});
