import type { Dictionary } from './index';

/**
 * Strings of the in-page panel (components/panel/**), English and Simplified Chinese for every key.
 * The problem sentences the background writes into the view are in problems.ts: the content script
 * does not carry them (design.md §6 size budget).
 * Field names follow the exchanges' own wording (强平价格, 开仓价格, 保证金 …) so a trader recognises them.
 */
export const PANEL_STRINGS: Dictionary = {
  'panel.title': { en: 'Liquidation Sentinel', zh: '强平哨兵' },
  'panel.collapse': { en: 'Collapse panel', zh: '收起面板' },
  'panel.expand': { en: 'Expand panel', zh: '展开面板' },
  'panel.dragHint': { en: 'Drag to move', zh: '拖动以移动' },
  'panel.positionCount': { en: '{count} positions', zh: '{count} 个仓位' },
  'panel.positionCountOne': { en: '1 position', zh: '1 个仓位' },
  'panel.footer': {
    en: 'Independent estimate, computed in your browser.',
    zh: '独立估算，仅在本地浏览器中计算。',
  },

  'panel.column.ours': { en: 'Our liq.', zh: '我们的强平价' },
  'panel.column.platform': { en: 'Platform', zh: '平台强平价' },
  'panel.column.diff': { en: 'Diff', zh: '差异' },
  'panel.column.buffer': { en: 'Buffer', zh: '距强平' },

  'panel.side.long': { en: 'Long', zh: '多' },
  'panel.side.short': { en: 'Short', zh: '空' },
  'panel.side.unknown': { en: 'Side?', zh: '方向?' },
  'panel.mode.cross': { en: 'Cross', zh: '全仓' },
  'panel.mode.isolated': { en: 'Isolated', zh: '逐仓' },
  'panel.leverage': { en: '{leverage}x', zh: '{leverage}x' },

  'panel.noLiquidation': { en: 'None', zh: '无' },
  'panel.noLiquidationTitle': {
    en: 'No liquidation at any price for this position.',
    zh: '该仓位在任何价格下都不会被强平。',
  },
  'panel.notShown': { en: '—', zh: '—' },
  'panel.platformMissing': {
    en: 'The page shows no liquidation price for this position.',
    zh: '页面未显示该仓位的强平价格。',
  },
  'panel.diffFlag': {
    en: 'Differs from the platform by more than {tolerance}%',
    zh: '与平台数值相差超过 {tolerance}%',
  },
  'panel.diffAgrees': { en: 'Agrees within {tolerance}%', zh: '在 {tolerance}% 以内一致' },
  'panel.bufferMissing': { en: 'Mark price not found on this page', zh: '页面上未找到标记价格' },

  'panel.status.degraded': {
    en: 'This page no longer looks as expected for {site}. Figures may be missing; nothing shown is guessed.',
    zh: '{site} 页面结构已变化，部分数值可能缺失；显示的数值均非猜测。',
  },
  'panel.status.noPositionsArea': {
    en: 'Open the Positions tab to see estimates.',
    zh: '请打开“仓位”标签页以查看估算。',
  },
  'panel.status.noPositions': { en: 'No open positions.', zh: '当前没有持仓。' },
  'panel.status.failed': {
    en: 'Could not read this page. The page itself is unaffected.',
    zh: '无法读取此页面，页面本身不受影响。',
  },

  'panel.problem.noEstimate': {
    en: 'No estimate for this position until this is resolved.',
    zh: '在此问题解决前，不对该仓位进行估算。',
  },
  'panel.openCalculator': { en: 'Open in calculator', zh: '在计算器中打开' },
  'panel.openCalculatorHint': {
    en: 'Opens the calculator with everything read from this row filled in.',
    zh: '打开计算器，并填入从该行读取到的所有数值。',
  },
};
