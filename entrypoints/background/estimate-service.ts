/**
 * Estimates for the pages (design.md §6): the content script reads rows and sends them here; this
 * runs the pure pipeline (position-from-raw → core estimates → panel view model) so decimal.js and
 * the core stay out of every page. One memoised pipeline per tab and site, dropped when the tab
 * closes. The buffers of each answer feed that tab's alerts, changed ones at most once a second.
 */
import type { PanelRowView, PanelView } from '../../components/panel/panel-model';
import { estimateAccount, estimatePosition, formatError } from '../../core/index';
import { positionFromRaw } from '../../core/position-from-raw';
import {
  MAX_REPORTED_POSITIONS,
  type BufferReport,
  type EstimateReply,
  type EstimateRequest,
  type EstimateRow,
} from '../../core/protocol';
import { createBuffersReporter, type BuffersReporter } from '../positions.content/buffers-reporter';
import { createPipeline, type Pipeline } from '../positions.content/pipeline';
import { viewUpdate } from './view-update';

export interface EstimateService {
  /** Estimate one page's rows; never throws (a failure is the panel's 'failed' view). */
  estimate(tabId: number, request: EstimateRequest): EstimateReply<PanelView, PanelRowView>;
  /**
   * The tab closed, reloaded or its panel went away: drop its pipelines and pending alert reports,
   * so the next estimate reports its buffers afresh.
   */
  closed(tabId: number): void;
}

interface TabSite {
  readonly pipeline: Pipeline;
  readonly reporter: BuffersReporter;
  /** The rows of the last request applied, by key, and that request's seq (updates build on it). */
  rows: ReadonlyMap<string, EstimateRow>;
  seq: number | null;
  /** The rows of the view answered to that request, by key (a view update builds on it). */
  shown: ReadonlyMap<string, PanelRowView> | null;
}

/**
 * The rows a request describes: a complete request's own, or an update applied to the rows of the
 * request it names. null when the update builds on rows not held here (the page then resends).
 */
function rowsOf(session: TabSite, request: EstimateRequest): Map<string, EstimateRow> | null {
  if (request.base !== null && request.base !== session.seq) return null;
  const changed = new Map(request.rows.map((row) => [row.key, row]));
  const rows = new Map<string, EstimateRow>();
  for (const key of request.keys) {
    const change = changed.get(key);
    const held = session.rows.get(key);
    if (change !== undefined && 'raw' in change) rows.set(key, change);
    else if (change !== undefined && held !== undefined && request.base !== null)
      rows.set(key, { ...held, raw: { ...held.raw, ...change.patch } });
    else if (held !== undefined && request.base !== null) rows.set(key, held);
    else return null; // a key with nothing to build its row from
  }
  return rows;
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
      rows: new Map(),
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
      const { seq, siteId, siteLabel } = request;
      try {
        const session = sessionFor(tabId, siteId);
        const rows = rowsOf(session, request);
        if (rows === null) {
          session.seq = null; // nothing to build on until a complete request arrives
          session.shown = null;
          return { seq, resend: true };
        }
        const { shown } = session;
        session.rows = rows;
        session.seq = seq;
        session.shown = null; // until this request's view is answered
        const output = session.pipeline.run(
          {
            siteId,
            siteLabel,
            status: request.status,
            rows: [...rows.values()],
            rawContextOf: (row) => {
              const held = rows.get(row.key);
              if (held === undefined) throw new Error('no context for row');
              return held.context;
            },
          },
          request.settings,
        );
        // Alerts follow at most MAX_REPORTED_POSITIONS positions: a larger page is not half-watched.
        if (output.buffers.length <= MAX_REPORTED_POSITIONS)
          session.reporter.report(output.buffers);
        const { view } = output;
        session.shown = new Map(view.rows.map((row) => [row.key, row]));
        // An update's base is the request answered last (rowsOf): the page shows that view.
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
