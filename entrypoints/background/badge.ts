/** Sets the toolbar badge of one tab (the browser shows the active tab's badge). */
import { browser } from '#imports';
import type { Badge } from '../../core/alerts';

/** Never throws: a tab closed between the report and the call is not an error worth surfacing. */
export async function showBadge(tabId: number, badge: Badge): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: badge.text });
    if (badge.text !== '') {
      await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    }
  } catch {
    // The tab is gone, or the browser has no per-tab badge: nothing to show.
  }
}
