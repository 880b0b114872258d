/**
 * Gate (gate.com; gate.io is the legacy domain) USDT and coin-margined futures. exchange-pages.md §5.
 *
 * Confirmed [C]: URLs `/futures/USDT/BTC_USDT` with optional locale; `table.position-table` with
 * semantic cells `td.size`, `td.entry_price`; the symbol in `span.text-b10` (`BTCUSDT` once
 * whitespace is stripped); side badges `.mantine-Badge-label` reading 多 / 空; size text ends with
 * the coin or 张 (contracts); a card layout with `span.underline-dashed` labels 开仓均价 / 数量;
 * help centre: Qty positive = long, negative = short; users may swap red and green (colour is never
 * used); `.scroll-table-bottom-box` panels in react-grid-layout.
 * Secondary [S]: separators follow the locale; K/M suffixes occur.
 * Inferred [I]: EN headers (Contract, Qty, Entry Price, Mark Price, Liq. Price, Margin, Unrealized
 * PNL) and the other ZH ones; that the card layout sits inside `.scroll-table-bottom-box`.
 */
import { withGenericFallback } from './generic';
import { defineAdapter, type RawFields } from './types';

/** `BTC USDT` → `BTCUSDT`: the symbol span splits base and quote (the source strips whitespace). */
function joinSymbol(raw: RawFields): RawFields {
  const symbol = raw.symbol;
  if (symbol === undefined) return raw;
  return { ...raw, symbol: symbol.replace(/^([A-Za-z0-9]+)\s+(USDT|USDC|USD)\b/, '$1$2') };
}

export default defineAdapter({
  id: 'gate',
  label: 'Gate',
  venue: 'gate',
  matches: ['https://www.gate.com/*', 'https://www.gate.io/*'],
  paths: [
    /^\/(?:[a-z]{2}(?:[-_][A-Za-z]{2,4})?\/)?(?:futures|futures_trade)\/(?:usdt|usd|btc)\/[A-Za-z0-9_]+\/?(?:$|#)/i,
  ],
  examples: [
    'https://www.gate.com/futures/USDT/BTC_USDT',
    'https://www.gate.com/zh/futures/USDT/ETH_USDT',
    'https://www.gate.io/futures_trade/USDT/BTC_USDT',
    'https://www.gate.com/futures/BTC/BTC_USD',
  ],
  verified: '2026-09-21',
  positionsArea: [
    { css: 'table.position-table', note: '[C] table layout (Gate 合约助手 v1.5.0, zh UI)' },
    { css: '.scroll-table-bottom-box', note: '[C] bottom panel box; [I] holds the card layout' },
  ],
  rows: [{ css: 'table.position-table tbody tr', note: '[C] table layout rows' }],
  fields: withGenericFallback({
    symbol: { locators: [{ css: 'span.text-b10', note: '[C] symbol span, table and card' }] },
    side: { locators: [{ css: '.mantine-Badge-label', note: '[C] Mantine badge 多 / 空' }] },
    size: {
      locators: [
        { css: 'td.size', note: '[C] semantic cell class' },
        {
          label: { en: /^qty$/, zh: /^数量$/ },
          relation: 'next-sibling',
          note: '[C] card label 数量; EN [I]',
        },
      ],
    },
    entryPrice: {
      locators: [
        { css: 'td.entry_price', note: '[C] semantic cell class' },
        {
          label: { en: /^entry price$/, zh: /^开仓均价$/ },
          relation: 'next-sibling',
          note: '[C] card label 开仓均价; EN [I]',
        },
      ],
    },
  }),
  format: 'from-page-locale',
  // [I] a size cell without unit: Gate's default unit is contracts (张).
  sizeUnit: { linear: 'contracts', inverse: 'contracts' },
  signedSize: true,
  normalize: joinSymbol,
});
