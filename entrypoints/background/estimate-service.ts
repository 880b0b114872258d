/**
 * Estimates for the pages (design.md §6): the content script reads rows and sends them here; this
 * runs the pure pipeline (position-from-raw → core estimates → panel view model) so decimal.js and
 * the core stay out of every page. One memoised pipeline per tab and site, dropped when the tab
 * closes. The buffers of each answer feed that tab's alerts, changed ones at most once a second.
 */
import type { PanelRowView, PanelView, RowEstimateView } from '../../components/panel/panel-model';
import { estimateAccount, estimatePosition, formatError } from '../../core/index';
import { positionFromRaw } from '../../core/position-from-raw';
import {
  MAX_REPORTED_POSITIONS,
  type BufferReport,
  type EstimateReply,
  type EstimateRequest,
  type EstimateRow,
  type EstimateSettings,
  type EstimateStatus,
} from '../../core/protocol';
import { createBuffersReporter, type BuffersReporter } from '../positions.content/buffers-reporter';
import { createPipeline, type Pipeline } from '../positions.content/pipeline';
import { shownRows, viewUpdate, type ShownRows } from './view-update';

export interface EstimateService {
  /** Estimate one page's rows; never throws (a failure is the panel's 'failed' view). */
  estimate(
    tabId: number,
    request: EstimateRequest,
  ): EstimateReply<PanelView, PanelRowView, RowEstimateView>;
  /**
   * The tab closed, reloaded or its panel went away: drop its pipelines and pending alert reports,
   * so the next estimate reports its buffers afresh.
   */
  closed(tabId: number): void;
}

/** What the page asked last, as the background applied it: an update leaves out what equals it. */
interface Asked {
  readonly siteLabel: string;
  readonly status: EstimateStatus;
  readonly settings: EstimateSettings;
  /** Every row in full, by key, in page order. */
  readonly rows: ReadonlyMap<string, EstimateRow>;
}

interface TabSite {
  readonly pipeline: Pipeline;
  readonly reporter: BuffersReporter;
  /** The last request applied (updates build on it) and its seq; null: nothing to build on. */
  asked: Asked | null;
  seq: number | null;
  /** The view answered to that request (a view update builds on it). */
  shown: ShownRows | null;
}

/**
 * The request as a whole: a complete request's own fields, or an update applied to the request it
 * names. null when the update builds on a request not held here (the page then resends).
 */
function askedBy(session: TabSite, request: EstimateRequest): Asked | null {
  if (request.base === null) {
    const { siteLabel, status, settings } = request;
    return {
      siteLabel,
      status,
      settings,
      rows: new Map(request.rows.map((row) => [row.key, row])),
    };
  }
  const held = session.asked;
  if (held === null || request.base !== session.seq) return null;
  const changed = new Map(request.rows.map((row) => [row.key, row]));
  // Without keys, the rows are the base's in the base's order: a change can only name one of them.
  const keys = request.keys ?? held.rows.keys();
  if (request.keys === undefined && request.rows.some((row) => !held.rows.has(row.key)))
    return null;
  const rows = new Map<string, EstimateRow>();
  for (const key of keys) {
    const change = changed.get(key);
    const before = held.rows.get(key);
    if (change !== undefined && 'raw' in change) rows.set(key, change);
    else if (change !== undefined && before !== undefined)
      rows.set(key, { ...before, raw: { ...before.raw, ...change.patch } });
    else if (before !== undefined) rows.set(key, before);
    else return null; // a key with nothing to build its row from
  }
  return {
    siteLabel: request.siteLabel ?? held.siteLabel,
    status: request.status ?? held.status,
    settings: request.settings ?? held.settings,
    rows,
  };
}

/**
 * @param report hands one tab's changed buffers to the alert hub
 * @param now a clock in ms for the once-a-second limit (Date.now in production)
 */
export function createEstimateService(
  report: (tabId: number, siteId: string, positions: readonly BufferReport[]) => Promise<void>,
  now: () => number = Date.now,
): EstimateService {
  const sessions = new Map<string, TabSite>();
  const keyOf = (tabId: number, siteId: string): string => `${tabId}|${siteId}`;

  function sessionFor(tabId: number, siteId: string): TabSite {
    const key = keyOf(tabId, siteId);
    const existing = sessions.get(key);
    if (existing !== undefined) return existing;
    const created: TabSite = {
      pipeline: createPipeline({ positionFromRaw, estimatePosition, estimateAccount, formatError }),
      asked: null,
      seq: null,
      shown: null,
      reporter: createBuffersReporter(
        siteId,
        // A report due after the tab closed is not sent: its state was dropped on purpose.
        (message) =>
          sessions.get(key) === created
            ? report(tabId, message.siteId, message.positions)
            : Promise.resolve(),
        now,
      ),
    };
    sessions.set(key, created);
    return created;
  }

  return {
    estimate(tabId, request) {
      const { seq, siteId } = request;
      let siteLabel = request.siteLabel ?? '';
      try {
        const session = sessionFor(tabId, siteId);
        const asked = askedBy(session, request);
        if (asked === null) {
          session.asked = null; // nothing to build on until a complete request arrives
          session.seq = null;
          session.shown = null;
          return { seq, resend: true };
        }
        siteLabel = asked.siteLabel;
        const { shown } = session;
        const { rows } = asked;
        session.asked = asked;
        session.seq = seq;
        session.shown = null; // until this request's view is answered
        const output = session.pipeline.run(
          {
            siteId,
            siteLabel,
            status: asked.status,
            rows: [...rows.values()],
            rawContextOf: (row) => {
              const held = rows.get(row.key);
              if (held === undefined) throw new Error('no context for row');
              return held.context;
            },
          },
          asked.settings,
        );
        // Alerts follow at most MAX_REPORTED_POSITIONS positions: a larger page is not half-watched.
        if (output.buffers.length <= MAX_REPORTED_POSITIONS)
          session.reporter.report(output.buffers);
        const { view } = output;
        session.shown = shownRows(view);
        // An update's base is the request answered last (askedBy): the page shows that view.
        return request.base !== null && shown !== null
          ? { seq, update: viewUpdate(shown, view, request.base) }
          : { seq, view };
      } catch {
        const failed = sessions.get(keyOf(tabId, siteId));
        if (failed !== undefined) failed.shown = null; // the page shows 'failed' and resends in full
        return { seq, view: { siteId, siteLabel, status: 'failed', rows: [] } };
      }
    },
    closed(tabId) {
      for (const key of [...sessions.keys()]) {
        if (key.startsWith(`${tabId}|`)) sessions.delete(key);
      }
    },
  };
}
