/**
 * The generic reader's configuration: header synonyms (EN + ZH) for every position field, used
 * (a) as the whole field map of GENERIC_ADAPTER, for tables of unknown layout, and
 * (b) as the last alternatives of every site adapter, so a renamed or moved column still reads.
 *
 * Synonyms are matched against the normalised header (read-header.ts: NFKC, lower case, dots and
 * parenthesised units removed, spaces collapsed), anchored at both ends so that "Mark Price" never
 * matches "Margin" and "收益率" (ROI) never matches "收益" (PnL).
 * Sources: exchange-pages.md §1–§9 header lists ([C] and [S] entries); the rest are common variants.
 */
import { defineAdapter, type FieldMap, type FieldSpec, type LabelText } from './types';

export const HEADER_SYNONYMS = {
  symbol: {
    en: /^(symbol|contracts?|coin|market|instrument|pair|futures|perpetual|asset|name)$/,
    zh: /^(符号|合约|合約|币种|幣種|交易对|交易對|市场|品种|产品|名称|产品名称|合约名称)$/,
  },
  side: {
    en: /^(side|direction|long\/short|position side)$/,
    zh: /^(方向|交易方向|持仓方向|仓位方向|多空)$/,
  },
  size: {
    en: /^(size|qty|quantity|amount|position|positions|position size|pos size|holdings?|open interest)$/,
    zh: /^(大小|数量|數量|仓位|倉位|仓位大小|持仓量|持倉量|持仓|持仓数量|合约数量|合約數量|张数)$/,
  },
  entryPrice: {
    en: /^((avg|average) )?(entry|open|opening) price$|^((avg|average) )?entry$/,
    zh: /^(开仓(均)?价(格)?|開倉(均)?價(格)?|持仓均价|平均开仓价|入场价格?)$/,
  },
  markPrice: {
    en: /^mark( price)?$/,
    zh: /^(标记价格?|標記價格?)$/,
  },
  leverage: {
    en: /^(leverage|lev)$/,
    zh: /^(杠杆|杠杆倍数|槓桿|槓桿倍數|倍数)$/,
  },
  marginMode: {
    en: /^(margin mode|margin type|mode)$/,
    zh: /^(保证金模式|保證金模式|仓位模式|模式)$/,
  },
  margin: {
    en: /^(margin|position margin|initial margin|isolated margin|used margin|margin used)$/,
    zh: /^(保证金|保證金|初始保证金|初始保證金|仓位保证金|倉位保證金|持仓保证金|持倉保證金|保证金金额)$/,
  },
  liquidationPrice: {
    en: /^(est(imated)? )?(liq|liquidation)( price)?$/,
    zh: /^(预估)?(强平|強平)(价格?|價格?)$|^(清算价格|爆仓价格?)$/,
  },
  unrealizedPnl: {
    en: /^(unreali[sz]ed )?(pnl|p&l|p & l|profit|profit\/loss)( roe%| roi%)?$/,
    zh: /^(未实现盈亏|未實現盈虧|未结盈亏|未結盈虧|浮动盈亏|浮動盈虧|收益额|收益額|收益|盈亏|盈虧)$/,
  },
} as const satisfies Record<keyof FieldMap, LabelText>;

const ROW_SCAN_NOTE = 'text inside any cell (`Cross 20x`, `(Isolated)`, badges `多`/`空`)';

function byHeader(field: keyof FieldMap, optional = false): FieldSpec {
  const spec: FieldSpec = {
    locators: [
      {
        label: HEADER_SYNONYMS[field],
        relation: 'same-column',
        note: 'generic header synonyms (EN + ZH), any layout',
      },
    ],
  };
  return optional ? { ...spec, optional } : spec;
}

function byHeaderThenScan(field: 'side' | 'leverage' | 'marginMode'): FieldSpec {
  return {
    locators: [...byHeader(field).locators, { scan: 'row', note: ROW_SCAN_NOTE }],
  };
}

/** The generic field map: header synonyms for every field, row scans for side / leverage / mode. */
export const GENERIC_FIELDS: FieldMap = {
  symbol: {
    locators: [
      ...byHeader('symbol').locators,
      { scan: 'row', note: 'a symbol with its quote (`BTC-USD`, `ETHUSDT`) anywhere: card titles' },
    ],
  },
  side: byHeaderThenScan('side'),
  size: byHeader('size'),
  entryPrice: byHeader('entryPrice'),
  markPrice: byHeader('markPrice'),
  leverage: { ...byHeaderThenScan('leverage'), optional: true },
  marginMode: byHeaderThenScan('marginMode'),
  margin: { ...byHeader('margin'), optional: true },
  liquidationPrice: byHeader('liquidationPrice', true),
  unrealizedPnl: byHeader('unrealizedPnl', true),
};

/**
 * Adds site-specific alternatives in front of the generic ones for each listed field.
 * Fields not listed keep the generic alternatives only.
 */
export function withGenericFallback(site: Partial<Record<keyof FieldMap, FieldSpec>>): FieldMap {
  const merged: Partial<Record<keyof FieldMap, FieldSpec>> = {};
  for (const field of Object.keys(GENERIC_FIELDS) as (keyof FieldMap)[]) {
    const generic = GENERIC_FIELDS[field];
    const own = site[field];
    merged[field] =
      own === undefined
        ? generic
        : { ...generic, ...own, locators: [...own.locators, ...generic.locators] };
  }
  return merged as FieldMap;
}

/** Tables of unknown layout: no URL of its own (the content script only runs on listed sites). */
export const GENERIC_ADAPTER = defineAdapter({
  id: 'generic',
  label: 'Generic table',
  venue: 'generic',
  matches: [],
  paths: [],
  examples: [],
  verified: '2026-11-22',
  positionsArea: [],
  rows: [],
  fields: GENERIC_FIELDS,
  format: 'from-page-locale',
  sizeUnit: { linear: 'base', inverse: 'contracts' },
  signedSize: false,
  account: {
    walletBalance: [
      {
        label: { en: /^wallet balance$/, zh: /^(钱包余额|錢包餘額)$/ },
        relation: 'next-sibling',
        note: 'generic: only the unambiguous "wallet balance" (margin balance includes PnL)',
      },
    ],
  },
});
