/**
 * HTX (formerly Huobi) USDT-margined and coin-margined swaps. exchange-pages.md §6.
 *
 * Secondary [S]: URL `/futures/linear_swap/exchange#contract_code=BTC-USDT&...` with the symbol and
 * the margin mode in the hash (a hash route; the panel must watch `hashchange`).
 * Confirmed [C] (HTX support 104919792315746): Positions zone labels drift: "Position Margin" was
 * renamed "Initial Margin"; "Margin ratio" was added.
 * Inferred [I], the whole DOM: no source shows it. Columns are matched by header text only, and
 * sizes are assumed in contracts ("Cont") when the cell has no unit.
 */
import { withGenericFallback } from './generic';
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'htx',
  label: 'HTX',
  venue: 'htx',
  matches: ['https://www.htx.com/*'],
  paths: [/^\/(?:[a-z]{2}(?:-[a-z]{2,4})?\/)?futures\/(?:linear_swap|swap)\/exchange\/?(?:$|#)/i],
  examples: [
    'https://www.htx.com/futures/linear_swap/exchange#contract_code=BTC-USDT&contract_type=swap&type=cross',
    'https://www.htx.com/en-us/futures/linear_swap/exchange/#contract_code=ETH-USDT&contract_type=swap&type=isolated',
    'https://www.htx.com/futures/swap/exchange#contract_code=BTC-USD',
  ],
  verified: '2026-09-21',
  positionsArea: [],
  rows: [],
  fields: withGenericFallback({
    margin: {
      optional: true,
      locators: [
        {
          label: { en: /^(initial|position) margin$/, zh: /^(初始保证金|持仓保证金)$/ },
          relation: 'same-column',
          note: '[C] renamed Position Margin → Initial Margin; zh [I]',
        },
      ],
    },
  }),
  format: 'from-page-locale',
  sizeUnit: { linear: 'contracts', inverse: 'contracts' },
  signedSize: false,
});
