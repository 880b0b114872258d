/**
 * Wires the browser's events to the alert hub. Every listener contains its own failures: the
 * background must keep running whatever a page or a message does.
 */
import { browser } from '#imports';
import { ESTIMATE_PORT_NAME, parseExtensionMessage } from '../../core/protocol';
import { SETTINGS_KEY } from '../../core/settings';
import { createAlertHub, type AlertHub, type AlertHubOptions } from './alert-hub';
import { createEstimateService, type EstimateService } from './estimate-service';
import { tabIdOfNotification } from './notify';

/** Registers the listeners. @returns the hub (tests drive and inspect it) */
export function startBackground(options: AlertHubOptions = {}): AlertHub {
  const hub = createAlertHub(options);
  const estimates = createEstimateService((tabId, siteId, positions) =>
    hub.report(tabId, siteId, positions),
  );

  // webextension-polyfill sends the promise a listener returns as the reply (the estimate answer);
  // its typings declare a void listener.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const message = parseExtensionMessage(raw);
    // Only our own extension may talk to us; an unknown shape is ignored, never answered.
    if (message === null || sender.id !== browser.runtime.id) return undefined;
    if (message.type === 'liq-sentinel/open-calculator') {
      // The panel wrote local:calculatorPrefill first; the popup reads it when it opens.
      browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }).catch(() => undefined);
      return undefined;
    }
    // Rows and buffers come from content scripts only, and the tab they run in is the tab they describe.
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0) return undefined;
    if (message.type === 'liq-sentinel/estimate') {
      // The reply (a promise, as webextension-polyfill expects) is the panel's view model.
      return Promise.resolve(estimates.estimate(tabId, message));
    }
    // An explicit buffers report (the panel was removed: an empty list) starts the tab afresh.
    estimates.closed(tabId);
    hub.report(tabId, message.siteId, message.positions).catch(() => undefined);
    return undefined;
  });

  try {
    // The pages' estimate port: one per tab, the same requests and replies as the message above.
    browser.runtime.onConnect.addListener((port) => {
      servePort(port, estimates);
    });
  } catch {
    // No ports in this runtime (test doubles): pages then show 'failed', the alerts still work.
  }

  // New thresholds apply at once, not at the panel's next report (which waits for a price change).
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'local' && SETTINGS_KEY in changes)
      hub.settingsChanged().catch(() => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    estimates.closed(tabId);
    hub.closed(tabId).catch(() => undefined);
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    // A full navigation or reload: the page's positions are gone until its panel reports again.
    if (changeInfo.status !== 'loading') return;
    estimates.closed(tabId);
    hub.navigated(tabId).catch(() => undefined);
  });

  listenToNotificationClicks();
  try {
    // Granting `notifications` later (the popup's toggle) makes its API appear: listen from then on.
    browser.permissions.onAdded.addListener(listenToNotificationClicks);
  } catch {
    // No permissions events in this browser: clicks on notifications simply do nothing.
  }

  return hub;
}

/** The part of runtime.Port the estimate port uses. */
export interface ServedPort {
  readonly name: string;
  readonly sender?:
    | {
        readonly id?: string | undefined;
        readonly tab?: { readonly id?: number | undefined } | undefined;
      }
    | undefined;
  postMessage(message: unknown): void;
  disconnect(): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
}

/**
 * Answers a page's estimate port: each request with its EstimateReply; anything else that carries
 * a seq with just that seq (the page shows 'failed' rather than wait for ever).
 */
export function servePort(port: ServedPort, estimates: EstimateService): void {
  const tabId = port.sender?.tab?.id;
  if (port.name !== ESTIMATE_PORT_NAME || port.sender?.id !== browser.runtime.id) return;
  if (tabId === undefined || tabId < 0) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener((raw: unknown) => {
    const message = parseExtensionMessage(raw);
    try {
      if (message?.type === 'liq-sentinel/estimate') {
        port.postMessage(estimates.estimate(tabId, message));
      } else {
        const seq = typeof raw === 'object' && raw !== null ? (raw as { seq?: unknown }).seq : null;
        if (typeof seq === 'number') port.postMessage({ seq });
      }
    } catch {
      // The page went away while we estimated: nobody to answer.
    }
  });
}

/** A click on one of our notifications focuses the tab whose position it describes. */
function focusTabOfNotification(notificationId: string): void {
  const tabId = tabIdOfNotification(notificationId);
  if (tabId === null) return;
  browser.tabs.update(tabId, { active: true }).catch(() => undefined);
}

function listenToNotificationClicks(): void {
  // `notifications` is optional: its API is absent until the permission is granted.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- absent without the permission
  const clicked = browser.notifications?.onClicked;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
  if (clicked === undefined || clicked.hasListener(focusTabOfNotification)) return;
  clicked.addListener(focusTabOfNotification);
}
