/**
 * Bitget USDT-M / USDC-M / coin-M futures. exchange-pages.md §4.
 *
 * Confirmed [C]: URLs `/futures/usdt/BTCUSDT` (2026-09) and older `/mix/usdt/...`; page classes are
 * styled-components and Emotion hashes (unstable, so not used); since 2025-09 the margin shown is
 * size × mark ÷ leverage.
 * Inferred [I], everything about the positions DOM: no source shows it. The expected headers
 * (EN Futures / Position / Entry price / Mark price / Est. liq. price / Margin / Unrealized PnL
 * (ROE); ZH 合约 / 持仓量 / 开仓均价 / 标记价格 / 预估强平价 / 保证金 / 未实现盈亏（收益率）)
 * are matched as label text, so the adapter does not depend on any class or element structure.
 * Capture a live page before relying on it (exchange-pages.md §12).
 */
import { withGenericFallback } from './generic';
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'bitget',
  label: 'Bitget',
  venue: 'bitget',
  matches: ['https://www.bitget.com/*'],
  paths: [
    /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4})?\/)?futures\/(?:usdt|usdc|coin|umcbl|dmcbl)\/[A-Za-z0-9_]+\/?(?:$|#)/i,
    /^\/(?:[a-z]{2}(?:-[A-Za-z]{2,4})?\/)?mix\/(?:usdt|usdc|coin)\/[A-Za-z0-9_]+\/?(?:$|#)/i,
  ],
  examples: [
    'https://www.bitget.com/futures/usdt/BTCUSDT',
    'https://www.bitget.com/zh-CN/futures/usdt/ETHUSDT',
    'https://www.bitget.com/en/mix/usdt/BTCUSDT_UMCBL',
  ],
  verified: '2026-09-21',
  positionsArea: [],
  rows: [],
  fields: withGenericFallback({
    symbol: {
      locators: [
        {
          label: { en: /^(futures|symbol)$/, zh: /^合约$/ },
          relation: 'same-column',
          note: '[I] expected header, no capture yet',
        },
      ],
    },
    size: {
      locators: [
        {
          label: { en: /^(position|size)$/, zh: /^(持仓量|持仓数量)$/ },
          relation: 'same-column',
          note: '[I] expected header, no capture yet',
        },
      ],
    },
    liquidationPrice: {
      optional: true,
      locators: [
        {
          label: { en: /^(est )?liq price$/, zh: /^预估强平价格?$/ },
          relation: 'same-column',
          note: '[I] expected header, no capture yet',
        },
      ],
    },
  }),
  format: 'from-page-locale',
  sizeUnit: { linear: 'base', inverse: 'contracts' },
  signedSize: false,
});
