/** Fires one alert notification, if the user turned alerts on and granted the permission. */
import { browser } from '#imports';
import type { AlertNotification } from '../../core/alerts';
import type { Settings } from '../../core/settings';
import type { Lang } from '../../components/i18n';
import { alertText } from './alert-text';
import { hasAlertPermission } from './permissions';

const NOTIFICATION_PREFIX = 'liq-sentinel';

/**
 * One id per tab and position: a newer alert for the same position replaces the older one instead
 * of stacking. The tab id comes first so a click can focus that tab.
 */
export function notificationId(tabId: number, key: string): string {
  return `${NOTIFICATION_PREFIX}:${tabId}:${key}`;
}

/** @returns the tab id a notification id belongs to, or null for anything not ours */
export function tabIdOfNotification(notificationId: string): number | null {
  const match = /^liq-sentinel:(\d{1,10}):/.exec(notificationId);
  if (match?.[1] === undefined) return null;
  let tabId = 0;
  for (const digit of match[1]) tabId = tabId * 10 + (digit.charCodeAt(0) - 48);
  return tabId;
}

/** @returns true when a notification was created */
export async function notifyAlert(
  tabId: number,
  notification: AlertNotification,
  settings: Settings,
  lang: Lang,
): Promise<boolean> {
  if (!settings.alertsEnabled) return false;
  if (!(await hasAlertPermission())) return false;
  const threshold =
    notification.level === 'danger' ? settings.dangerBufferPercent : settings.warningBufferPercent;
  const { title, message } = alertText(notification, threshold, lang);
  try {
    await browser.notifications.create(notificationId(tabId, notification.key), {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
      priority: notification.level === 'danger' ? 2 : 1,
    });
    return true;
  } catch {
    // Permission revoked between the check and the call, or notifications disabled by the OS.
    return false;
  }
}
