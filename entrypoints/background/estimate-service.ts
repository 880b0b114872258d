/**
 * Estimates for the pages (design.md §6): the content script reads rows and sends them here; this
 * runs the pure pipeline (position-from-raw → core estimates → panel view model) so decimal.js and
 * the core stay out of every page. One memoised pipeline per tab and site, dropped when the tab
 * closes. The buffers of each answer feed that tab's alerts, changed ones at most once a second.
 */
import type { PanelView } from '../../components/panel/panel-model';
import { estimateAccount, estimatePosition, formatError } from '../../core/index';
import { positionFromRaw, type RawContext } from '../../core/position-from-raw';
import {
  MAX_REPORTED_POSITIONS,
  type BufferReport,
  type EstimateReply,
  type EstimateRequest,
} from '../../core/protocol';
import { createBuffersReporter, type BuffersReporter } from '../positions.content/buffers-reporter';
import { createPipeline, type Pipeline } from '../positions.content/pipeline';

export interface EstimateService {
  /** Estimate one page's rows; never throws (a failure is the panel's 'failed' view). */
  estimate(tabId: number, request: EstimateRequest): EstimateReply<PanelView>;
  /**
   * The tab closed, reloaded or its panel went away: drop its pipelines and pending alert reports,
   * so the next estimate reports its buffers afresh.
   */
  closed(tabId: number): void;
}

interface TabSite {
  readonly pipeline: Pipeline;
  readonly reporter: BuffersReporter;
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
        const contexts = new Map<object, RawContext | undefined>(
          request.rows.map((row, index) => [row, request.contexts[index]]),
        );
        const output = session.pipeline.run(
          {
            siteId,
            siteLabel,
            status: request.status,
            rows: request.rows,
            rawContextOf: (row) => {
              const context = contexts.get(row);
              if (context === undefined) throw new Error('no context for row');
              return context;
            },
          },
          request.settings,
        );
        // Alerts follow at most MAX_REPORTED_POSITIONS positions: a larger page is not half-watched.
        if (output.buffers.length <= MAX_REPORTED_POSITIONS)
          session.reporter.report(output.buffers);
        return { seq, view: output.view, buffers: output.buffers };
      } catch {
        return { seq, view: { siteId, siteLabel, status: 'failed', rows: [] }, buffers: [] };
      }
    },
    closed(tabId) {
      for (const key of [...sessions.keys()]) {
        if (key.startsWith(`${tabId}|`)) sessions.delete(key);
      }
    },
  };
}
