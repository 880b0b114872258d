import type { Dictionary } from './lookup';

/**
 * The problem sentences of the panel's rows and the field names in them, English and Simplified
 * Chinese for every key. The background's pipeline writes them into the view
 * (entrypoints/positions.content/problem-text.ts): the content script does not carry them.
 * Field names follow the exchanges' own wording (强平价格, 开仓价格, 保证金 …) so a trader recognises them.
 */
export const PROBLEM_STRINGS: Dictionary = {
  'panel.problem.notFound': { en: '{field} not found on this page', zh: '页面上未找到{field}' },
  'panel.problem.ambiguous': {
    en: '{field} is ambiguous on this page',
    zh: '页面上的{field}不唯一，无法确定',
  },
  'panel.problem.unparseable': { en: '{field} could not be read', zh: '{field}无法识别' },
  'panel.problem.notRenderedYet': { en: '{field} not shown yet', zh: '{field}尚未显示' },
  'panel.problem.empty': { en: '{field} is empty on this page', zh: '页面上的{field}为空' },
  'panel.problem.unsupportedUnit': {
    en: '{field} is in a unit we cannot convert',
    zh: '{field}的单位无法换算',
  },
  'panel.problem.other': { en: '{field}: {reason}', zh: '{field}：{reason}' },
  'panel.crossMissingBalance': {
    en: 'Cross margin: the wallet balance is not shown on this page, so no estimate.',
    zh: '全仓模式：页面上未显示钱包余额，因此无法估算。',
  },
  'panel.crossBlocked': {
    en: 'Cross margin: another cross position on this page could not be read, so the shared margin is unknown.',
    zh: '全仓模式：本页另一个全仓仓位无法读取，共享保证金未知，因此不估算。',
  },
  'panel.field.symbol': { en: 'Symbol', zh: '合约' },
  'panel.field.side': { en: 'Side', zh: '方向' },
  'panel.field.size': { en: 'Size', zh: '仓位数量' },
  'panel.field.quantity': { en: 'Size', zh: '仓位数量' },
  'panel.field.entryPrice': { en: 'Entry price', zh: '开仓价格' },
  'panel.field.markPrice': { en: 'Mark price', zh: '标记价格' },
  'panel.field.leverage': { en: 'Leverage', zh: '杠杆' },
  'panel.field.marginMode': { en: 'Margin mode', zh: '保证金模式' },
  'panel.field.margin': { en: 'Margin', zh: '保证金' },
  'panel.field.walletBalance': { en: 'Wallet balance', zh: '钱包余额' },
  'panel.field.liquidationPrice': { en: 'Liquidation price', zh: '强平价格' },
  'panel.field.platformLiquidationPrice': { en: 'Liquidation price', zh: '强平价格' },
  'panel.field.maintenanceMarginRate': { en: 'Maintenance margin rate', zh: '维持保证金率' },
  'panel.field.contractSize': { en: 'Contract size', zh: '合约面值' },
  'panel.field.product': { en: 'Contract type', zh: '合约类型' },
  'panel.field.unrealizedPnl': { en: 'Unrealised PnL', zh: '未实现盈亏' },
  'panel.field.position': { en: 'Position', zh: '仓位' },
};
