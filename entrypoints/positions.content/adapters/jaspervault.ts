/**
 * JasperVault perpetuals (BTC only at present; hash router). exchange-pages.md §9.
 *
 * Confirmed [C] (docs.jaspervault.io, zh guide): app URL `beta.jaspervault.io/#/perps/Base_cbBTC`
 * (hash route: the path is `/`, the route is in the hash); position fields 交易方向, 仓位大小,
 * 开仓价格, 当前价格, 未实现盈亏, 保证金, 杠杆倍数, 强平价格.
 * Inferred [I]: the DOM (table or cards both work: labels are matched by text), the English labels,
 * that 当前价格 (current price) is the mark price used for liquidation, and the number format.
 * Nothing shows the margin mode on the row, so a row without one gets a marginMode problem.
 */
import { withGenericFallback } from './generic';
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'jaspervault',
  label: 'JasperVault',
  venue: 'jaspervault',
  matches: ['https://beta.jaspervault.io/*'],
  paths: [/^\/#\/perps(?:\/[^/?#]*)?\/?(?:\?.*)?$/],
  examples: [
    'https://beta.jaspervault.io/#/perps/Base_cbBTC',
    'https://beta.jaspervault.io/#/perps',
  ],
  verified: '2026-09-21',
  positionsArea: [],
  rows: [],
  fields: withGenericFallback({
    side: {
      locators: [
        {
          label: { en: /^(direction|side)$/, zh: /^交易方向$/ },
          relation: 'same-column',
          note: '[C] zh docs 交易方向; EN [I]',
        },
      ],
    },
    size: {
      locators: [
        {
          label: { en: /^(position size|size)$/, zh: /^仓位大小$/ },
          relation: 'same-column',
          note: '[C] zh docs 仓位大小; EN [I]',
        },
      ],
    },
    entryPrice: {
      locators: [
        {
          label: { en: /^(entry|open) price$/, zh: /^开仓价格$/ },
          relation: 'same-column',
          note: '[C] zh docs 开仓价格; EN [I]',
        },
      ],
    },
    markPrice: {
      locators: [
        {
          label: { en: /^(current|mark) price$/, zh: /^(当前价格|标记价格)$/ },
          relation: 'same-column',
          note: '[C] zh docs 当前价格; [I] that it is the mark price',
        },
      ],
    },
    leverage: {
      optional: true,
      locators: [
        {
          label: { en: /^leverage$/, zh: /^杠杆倍数$/ },
          relation: 'same-column',
          note: '[C] zh docs 杠杆倍数; EN [I]',
        },
      ],
    },
  }),
  format: 'from-page-locale',
  sizeUnit: { linear: 'base', inverse: 'base' },
  signedSize: false,
});
