/**
 * The page's side of the estimate round trip (core/protocol.ts EstimateRequest): the background
 * estimates (design.md §6: decimal.js and the core stay out of the page) and answers with the
 * panel's view. Here:
 * - an unchanged request is not sent again (a PnL-only tick, or a mutation that changed no input);
 * - one request in flight at a time: while it is, only the newest waiting request is kept;
 * - a reply older than one already applied is dropped (seq);
 * - a failed or malformed reply is the panel's 'failed' view, never an error in the page;
 * - rows whose content did not change keep their object, so the panel skips re-rendering them.
 */
import { browser } from '#imports';
import type { PanelRowView, PanelView } from '../../components/panel/panel-model';
import {
  ESTIMATE_MESSAGE_TYPE,
  MAX_CELL_TEXT_LENGTH,
  type EstimateReply,
  type EstimateRequest,
} from '../../core/protocol';

export type EstimateQuery = Omit<EstimateRequest, 'type' | 'seq'>;

export type SendEstimate = (request: EstimateRequest) => Promise<unknown>;

export interface EstimateClient {
  /**
   * Ask for the view of these rows; `onView` is called with the answer (or the 'failed' view).
   * @returns false when the query equals the last one sent: nothing was sent, the last view holds.
   */
  request(query: EstimateQuery): boolean;
  /** Forget the last query, so the next one is sent even if equal (after a failure, a new site). */
  reset(): void;
  /** True once a request was sent since the last reset (the background holds buffers for us). */
  readonly sentAny: boolean;
}

const defaultSend: SendEstimate = (request) => browser.runtime.sendMessage(request);

/** Cell texts past parseNumber's limit stay past it when clamped; the background bounds them. */
function clampText(text: string): string {
  return text.length > MAX_CELL_TEXT_LENGTH ? text.slice(0, MAX_CELL_TEXT_LENGTH) : text;
}

/** Removes the fields that are not an input (e.g. the PnL) and clamps the texts. */
export function requestRows(
  rows: readonly {
    readonly key: string;
    readonly raw: Readonly<Partial<Record<string, string>>>;
    readonly problems: readonly { readonly field: string; readonly reason: string }[];
  }[],
  notInputs: readonly string[],
): EstimateRequest['rows'] {
  return rows.map((row) => {
    const raw: Record<string, string> = {};
    for (const [field, text] of Object.entries(row.raw)) {
      if (text !== undefined && !notInputs.includes(field)) raw[field] = clampText(text);
    }
    return { key: row.key, raw, problems: row.problems };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Our own background's answer, checked for shape only (it is not page input). */
function isReply(value: unknown): value is EstimateReply<PanelView> {
  return (
    isRecord(value) &&
    typeof value.seq === 'number' &&
    isRecord(value.view) &&
    Array.isArray(value.view.rows) &&
    typeof value.view.status === 'string'
  );
}

/**
 * @param onView renders a view (called asynchronously, at most once per reply)
 * @param send the transport (browser.runtime.sendMessage in production)
 */
export function createEstimateClient(
  onView: (view: PanelView) => void,
  send: SendEstimate = defaultSend,
): EstimateClient {
  let seq = 0;
  let appliedSeq = -1;
  let lastSignature: string | null = null;
  let inFlight = false;
  let waiting: EstimateRequest | null = null;
  let sentAny = false;
  /** The last applied rows by key, with their JSON, to keep unchanged rows' objects. */
  let previousRows = new Map<string, { readonly row: PanelRowView; readonly json: string }>();

  function stableView(view: PanelView): PanelView {
    const next = new Map<string, { readonly row: PanelRowView; readonly json: string }>();
    const rows = view.rows.map((row) => {
      const json = JSON.stringify(row);
      const previous = previousRows.get(row.key);
      const kept = previous !== undefined && previous.json === json ? previous.row : row;
      next.set(row.key, { row: kept, json });
      return kept;
    });
    previousRows = next;
    return { ...view, rows };
  }

  function apply(request: EstimateRequest, reply: unknown): void {
    if (request.seq <= appliedSeq) return; // an older answer than the one shown
    appliedSeq = request.seq;
    if (!isReply(reply) || reply.seq !== request.seq) {
      lastSignature = null; // try again at the next change
      previousRows = new Map();
      onView({ siteId: request.siteId, siteLabel: request.siteLabel, status: 'failed', rows: [] });
      return;
    }
    onView(stableView(reply.view));
  }

  function dispatch(request: EstimateRequest): void {
    inFlight = true;
    sentAny = true;
    let answer: Promise<unknown>;
    try {
      answer = send(request);
    } catch (error) {
      answer = Promise.reject(error instanceof Error ? error : new Error('send failed'));
    }
    answer
      .then(
        (reply) => {
          apply(request, reply);
        },
        () => {
          // No background (reloading, context invalidated): the panel says it failed.
          apply(request, null);
        },
      )
      .catch(() => {
        // A render error must not become an unhandled rejection in the page.
      })
      .finally(() => {
        inFlight = false;
        const next = waiting;
        waiting = null;
        if (next !== null) dispatch(next);
      });
  }

  return {
    request(query) {
      const signature = JSON.stringify(query);
      if (signature === lastSignature) return false;
      lastSignature = signature;
      seq += 1;
      const request: EstimateRequest = { type: ESTIMATE_MESSAGE_TYPE, seq, ...query };
      if (inFlight) waiting = request;
      else dispatch(request);
      return true;
    },
    reset() {
      lastSignature = null;
      sentAny = false;
    },
    get sentAny() {
      return sentAny;
    },
  };
}
