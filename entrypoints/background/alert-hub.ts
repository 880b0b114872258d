/**
 * Per-tab alert state: each BuffersMessage advances its tab's state machine (core/alerts.ts), sets
 * the tab's badge and fires the notifications it returns. State lives in memory and is mirrored to
 * storage.session, so an MV3 service worker that was stopped and restarted neither forgets a level
 * (and re-fires) nor loses the badge logic. Nothing is written to disk: session storage is cleared
 * when the browser closes.
 */
import { storage } from '#imports';
import {
  ALERT_LEVELS,
  alertThresholds,
  stepAlerts,
  EMPTY_BADGE,
  type AlertState,
} from '../../core/alerts';
import { isRecord } from '../../core/plain-data';
import type { BufferReport } from '../../core/protocol';
import { sanitizeSettings, type Settings } from '../../core/settings';
import { settingsItem } from '../popup/settings-item';
import { resolveLang, type Lang } from '../../components/i18n';
import { showBadge } from './badge';
import { notifyAlert } from './notify';

interface TabAlerts {
  /** Also the table key (as a string): kept as a number so no text is turned into one. */
  readonly tabId: number;
  readonly siteId: string;
  readonly state: AlertState;
}

const SESSION_KEY = 'session:alertTabs';

export interface AlertHubOptions {
  readonly now?: () => number;
  /** The browser's UI language for settings.language = "auto". */
  readonly browserLanguage?: () => string;
}

export interface AlertHub {
  /** A panel reported its positions (an empty list: the panel was removed). */
  report(tabId: number, siteId: string, positions: readonly BufferReport[]): Promise<void>;
  /** The tab navigated away or reloaded: clear its badge; levels are kept for the forget window. */
  navigated(tabId: number): Promise<void>;
  /** The tab closed: drop everything about it. */
  closed(tabId: number): Promise<void>;
  /** The thresholds may have changed: re-judge every tab's last reported buffers now. */
  settingsChanged(): Promise<void>;
  /** For tests and the debug view: the state held for a tab. */
  stateOf(tabId: number): Promise<AlertState | undefined>;
}

/** Our own session copy, but checked entry by entry: a corrupt entry is dropped, the rest kept. */
function readTabTable(stored: unknown): Record<string, TabAlerts> {
  const table: Record<string, TabAlerts> = {};
  if (!isRecord(stored)) return table;
  for (const [key, entry] of Object.entries(stored)) {
    if (!isRecord(entry) || typeof entry.tabId !== 'number' || typeof entry.siteId !== 'string') {
      continue;
    }
    if (!isRecord(entry.state) || String(entry.tabId) !== key) continue;
    const state = Object.fromEntries(
      Object.entries(entry.state).filter(([, position]) => isPositionState(position)),
    ) as AlertState;
    table[key] = { tabId: entry.tabId, siteId: entry.siteId, state };
  }
  return table;
}

function isPositionState(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return (
    ALERT_LEVELS.some((level) => level === value.level) &&
    typeof value.symbol === 'string' &&
    (value.side === 'long' || value.side === 'short') &&
    (value.bufferPercent === null || typeof value.bufferPercent === 'string') &&
    (value.missingSinceMs === null || typeof value.missingSinceMs === 'number')
  );
}

/**
 * Through the versioned item: defining it here runs any pending settings migration when the worker
 * starts, so the pages, which read the stored settings directly, see the current shape. Repaired,
 * never trusted.
 */
async function readSettings(): Promise<Settings> {
  try {
    return sanitizeSettings(await settingsItem.getValue());
  } catch {
    return sanitizeSettings(undefined);
  }
}

export function createAlertHub(options: AlertHubOptions = {}): AlertHub {
  const now = options.now ?? Date.now;
  const browserLanguage = options.browserLanguage ?? (() => globalThis.navigator.language);
  let tabs: Record<string, TabAlerts> | null = null;
  // Every update runs after the previous one: two reports for one tab never interleave their
  // read-modify-write of the state (a lost update could re-fire a notification).
  let queue: Promise<unknown> = Promise.resolve();

  function serialize<T>(task: () => Promise<T>): Promise<T> {
    const result = queue.then(task, task);
    queue = result.catch(() => undefined);
    return result;
  }

  async function load(): Promise<Record<string, TabAlerts>> {
    if (tabs !== null) return tabs;
    let stored: unknown = null;
    try {
      stored = await storage.getItem(SESSION_KEY);
    } catch {
      // storage.session is missing (old browser): memory only.
    }
    // The session copy is our own writing, but a corrupt one must not break alerts.
    tabs = readTabTable(stored);
    return tabs;
  }

  async function save(): Promise<void> {
    try {
      await storage.setItem(SESSION_KEY, tabs);
    } catch {
      // Memory still holds the state; only survival across a worker restart is lost.
    }
  }

  async function advance(
    tabId: number,
    siteId: string,
    positions: readonly BufferReport[],
  ): Promise<void> {
    const table = await load();
    const settings = await readSettings();
    const thresholds = alertThresholds(settings.warningBufferPercent, settings.dangerBufferPercent);
    if (thresholds === null) return; // unreachable after sanitizeSettings; never alert on a guess
    const previous = table[tabId]?.state ?? {};
    const step = stepAlerts(previous, positions, thresholds, now());
    table[tabId] = { tabId, siteId, state: step.state };
    await save();
    await showBadge(tabId, step.badge);
    const lang: Lang = resolveLang(settings.language, browserLanguage());
    for (const notification of step.notifications) {
      await notifyAlert(tabId, notification, settings, lang);
    }
  }

  return {
    report: (tabId, siteId, positions) => serialize(() => advance(tabId, siteId, positions)),
    navigated: (tabId) =>
      serialize(async () => {
        const table = await load();
        const held = table[tabId];
        if (held !== undefined) await advance(tabId, held.siteId, []);
        else await showBadge(tabId, EMPTY_BADGE);
      }),
    settingsChanged: () =>
      serialize(async () => {
        const table = await load();
        for (const held of Object.values(table)) {
          // The positions still shown, with their last buffers: the same report, new thresholds.
          const positions: BufferReport[] = Object.entries(held.state)
            .filter(([, position]) => position.missingSinceMs === null)
            .map(([key, position]) => ({
              key,
              symbol: position.symbol,
              side: position.side,
              bufferPercent: position.bufferPercent,
            }));
          await advance(held.tabId, held.siteId, positions);
        }
      }),
    closed: (tabId) =>
      serialize(async () => {
        const table = await load();
        if (!(tabId in table)) return;
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a table keyed by tab id
        delete table[tabId];
        await save();
      }),
    stateOf: (tabId) =>
      serialize(async () => {
        const table = await load();
        return table[tabId]?.state;
      }),
  };
}
