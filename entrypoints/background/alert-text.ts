/**
 * Notification text in English and Simplified Chinese. The background has no Preact and no panel
 * dictionary, so its few strings live here.
 */
import type { AlertNotification } from '../../core/alerts';
import { Decimal } from '../../core/decimal';
import type { Lang } from '../../components/i18n';

const SIDE_TEXT = {
  long: { en: 'long', zh: '多' },
  short: { en: 'short', zh: '空' },
} as const;

const TITLE = {
  warning: { en: '{symbol} {side}: buffer {buffer}%', zh: '{symbol} {side}：缓冲 {buffer}%' },
  danger: {
    en: '{symbol} {side}: liquidation close ({buffer}%)',
    zh: '{symbol} {side}：接近强平（{buffer}%）',
  },
} as const;

const BODY = {
  warning: {
    en: 'The estimated liquidation price is {buffer}% from the mark price, below your warning level of {threshold}%.',
    zh: '估算强平价距标记价格 {buffer}%，低于您设置的警告线 {threshold}%。',
  },
  danger: {
    en: 'The estimated liquidation price is {buffer}% from the mark price, below your danger level of {threshold}%.',
    zh: '估算强平价距标记价格 {buffer}%，低于您设置的危险线 {threshold}%。',
  },
} as const;

function fill(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Two decimals, rounded toward zero so the text never shows more room than there is. */
function percentText(bufferPercent: string): string {
  return new Decimal(bufferPercent).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed();
}

/**
 * @param notification from stepAlerts
 * @param thresholdPercent the line that was crossed (settings), a plain decimal string
 * @returns the title and message of the browser notification
 */
export function alertText(
  notification: AlertNotification,
  thresholdPercent: string,
  lang: Lang,
): { readonly title: string; readonly message: string } {
  const params = {
    symbol: notification.symbol,
    side: SIDE_TEXT[notification.side][lang],
    buffer: percentText(notification.bufferPercent),
    threshold: thresholdPercent,
  };
  return {
    title: fill(TITLE[notification.level][lang], params),
    message: fill(BODY[notification.level][lang], params),
  };
}
