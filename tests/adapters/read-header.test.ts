import { describe, expect, it } from 'vitest';
import { HEADER_SYNONYMS } from '../../entrypoints/positions.content/adapters/generic';
import type { PositionField } from '../../entrypoints/positions.content/adapters/types';
import { matchesLabel, normalizeLabel } from '../../entrypoints/positions.content/read-header';

describe('normalizeLabel', () => {
  it.each([
    ['Liq.Price', 'liq price'],
    ['Liq. Price', 'liq price'],
    ['Size (BTC)', 'size'],
    ['大小(ETH)', '大小'],
    ['收益额（收益率）', '收益额'],
    ['PNL (ROI %)', 'pnl'],
    ['  Entry\u00a0Price ', 'entry price'],
    ['Est. liq. price', 'est liq price'],
    ['ＭＡＲＫ　ＰＲＩＣＥ', 'mark price'],
    ['Size (BTC) (Cont)', 'size'],
    ['Margin [USDT]', 'margin'],
  ])('normalises %j to %j', (header, normalised) => {
    expect(normalizeLabel(header)).toBe(normalised);
  });
});

/** Header spellings seen or expected on the venues (exchange-pages.md §1–§9). */
const MATCHING: readonly [PositionField, string][] = [
  ['symbol', 'Symbol'],
  ['symbol', '符号'],
  ['symbol', 'Contracts'],
  ['symbol', '合約'],
  ['symbol', 'Coin'],
  ['size', 'Size (BTC)'],
  ['size', '大小(ETH)'],
  ['size', 'Qty'],
  ['size', '持仓量'],
  ['size', '合約數量'],
  ['entryPrice', 'Entry Price'],
  ['entryPrice', 'Avg. entry price'],
  ['entryPrice', '开仓均价'],
  ['entryPrice', '開倉價格'],
  ['markPrice', 'Mark Price'],
  ['markPrice', '标记价格'],
  ['liquidationPrice', 'Liq.Price'],
  ['liquidationPrice', 'Est. Liquidation Price'],
  ['liquidationPrice', '预估强平价'],
  ['liquidationPrice', '強平價格'],
  ['margin', 'Margin'],
  ['margin', 'Initial margin'],
  ['margin', '保证金'],
  ['margin', '倉位保證金'],
  ['unrealizedPnl', 'PNL (ROI %)'],
  ['unrealizedPnl', 'Unrealized P&L'],
  ['unrealizedPnl', '收益额（收益率）'],
  ['unrealizedPnl', '未结盈亏'],
  ['leverage', 'Leverage'],
  ['leverage', '杠杆倍数'],
  ['side', 'Side'],
  ['side', '交易方向'],
  ['marginMode', 'Margin Mode'],
];

/** Headers that sit next to position columns and must not be taken for them. */
const NOT_MATCHING: readonly [PositionField, string][] = [
  ['margin', 'Margin Ratio'],
  ['margin', '保证金比率'],
  ['margin', 'Margin Mode'],
  ['unrealizedPnl', '收益率'],
  ['unrealizedPnl', 'Realized P&L'],
  ['entryPrice', 'Break Even Price'],
  ['entryPrice', 'Open'],
  ['entryPrice', 'Avg. close price'],
  ['markPrice', 'Margin'],
  ['size', 'Position Value'],
  ['size', 'Max open interest'],
  ['liquidationPrice', 'Bankruptcy price'],
  ['symbol', 'Position Value'],
];

describe('generic header synonyms', () => {
  it.each(MATCHING)('%s matches %j', (field, header) => {
    expect(matchesLabel(header, HEADER_SYNONYMS[field])).toBe(true);
  });

  it.each(NOT_MATCHING)('%s does not match %j', (field, header) => {
    expect(matchesLabel(header, HEADER_SYNONYMS[field])).toBe(false);
  });

  it('gives each header to at most one field', () => {
    for (const [, header] of MATCHING) {
      const fields = Object.entries(HEADER_SYNONYMS)
        .filter(([, label]) => matchesLabel(header, label))
        .map(([field]) => field);
      expect(fields.length, header).toBe(1);
    }
  });
});
