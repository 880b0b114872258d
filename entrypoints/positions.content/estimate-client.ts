/**
 * The page's side of the estimate round trip (core/protocol.ts EstimateRequest): the background
 * estimates (design.md §6: decimal.js and the core stay out of the page) and answers with the
 * panel's view. Here:
 * - an unchanged query is not sent again (a PnL-only tick, or a mutation that changed no input);
 * - one request in flight at a time: while it is, only the newest waiting query is kept;
 * - a request carries only the rows changed since the last one (estimate-delta.ts) and leaves out
 *   the keys, settings, site label and status while they equal the last one's (a mark tick sends
 *   its patches alone); complete again after a failure or when the background asks (it restarted
 *   and holds no rows);
 * - a reply older than one already applied is dropped (seq);
 * - a failed or malformed reply is the panel's 'failed' view, never an error in the page;
 * The panel finds what a view changed itself (components/panel/panel-store.ts), field by field.
 */
import { browser } from '#imports';
import type { PanelView } from '../../components/panel/panel-model';
import type { RawContext } from '../../core/position-from-raw';
import {
  ESTIMATE_MESSAGE_TYPE,
  MAX_CELL_TEXT_LENGTH,
  type CompleteEstimateRequest,
  type EstimateReply,
  type EstimateRequest,
  type EstimateRow,
  type EstimateRowPatch,
} from '../../core/protocol';
import { isRecord, samePlain } from '../../core/plain-data';
import { changedRows } from './estimate-delta';
import { viewFromReply, type ShownView } from './view-from-reply';

/** What the page asks about: every row in full (the client sends only what changed). */
export type EstimateQuery = Omit<
  CompleteEstimateRequest,
  'type' | 'seq' | 'base' | 'keys' | 'rows'
> & {
  readonly rows: readonly EstimateRow[];
};

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

/** A row as the reader returns it (read.ts RowRead), as far as a request needs it. */
export type ReadRow = {
  readonly key: string;
  readonly raw: Readonly<Partial<Record<string, string>>>;
  readonly problems: readonly { readonly field: string; readonly reason: string }[];
};

/** Removes the fields that are not an input (e.g. the PnL), clamps the texts, adds the context. */
export function requestRow(
  row: ReadRow,
  notInputs: readonly string[],
  context: RawContext,
): EstimateRow {
  const raw: Record<string, string> = {};
  // for-in rather than an entries array: this runs for every changed row on every tick.
  for (const field in row.raw) {
    const text = row.raw[field];
    if (text !== undefined && !notInputs.includes(field)) raw[field] = clampText(text);
  }
  return { key: row.key, raw, problems: row.problems, context };
}

/** A query with its rows by key, and its changes since the query asked before it. */
interface Asked {
  readonly query: EstimateQuery;
  readonly rows: ReadonlyMap<string, EstimateRow>;
  changes?: {
    readonly from: ReadonlyMap<string, EstimateRow>;
    readonly rows: (EstimateRow | EstimateRowPatch)[];
  };
}

/** The same rows in the same order (their contents aside). */
function sameKeys(before: EstimateQuery, after: EstimateQuery): boolean {
  return (
    before.rows.length === after.rows.length &&
    before.rows.every((row, index) => row.key === after.rows[index]?.key)
  );
}

/** Same page, status, settings and rows in the same order: only row contents can differ. */
function sameOutline(before: EstimateQuery, after: EstimateQuery): boolean {
  return (
    before.siteId === after.siteId &&
    before.siteLabel === after.siteLabel &&
    before.status === after.status &&
    samePlain(before.settings, after.settings) &&
    sameKeys(before, after)
  );
}

/**
 * What an update to the request holding `held` must carry beyond its rows: each of the keys,
 * settings, site label and status only when it differs from the held one (absent means the same).
 */
function outlineUpdate(
  held: EstimateQuery,
  query: EstimateQuery,
): Partial<Pick<CompleteEstimateRequest, 'siteLabel' | 'status' | 'keys' | 'settings'>> {
  return {
    ...(query.siteLabel === held.siteLabel ? {} : { siteLabel: query.siteLabel }),
    ...(query.status === held.status ? {} : { status: query.status }),
    ...(sameKeys(held, query) ? {} : { keys: query.rows.map((row) => row.key) }),
    ...(samePlain(held.settings, query.settings) ? {} : { settings: query.settings }),
  };
}

/** The background did not hold the rows an update built on: it wants the complete request. */
function isResend(value: unknown): boolean {
  return (
    isRecord(value) && (value as Partial<Extract<EstimateReply, { resend: true }>>).resend === true
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
  /** The last query asked about (an equal one is not sent again); null after a failure. */
  let last: Asked | null = null;
  let inFlight = false;
  let waiting: Asked | null = null;
  let sentAny = false;
  /** What the background holds after the last request sent, and that request's seq; null: send in full. */
  let held: { readonly seq: number; readonly asked: Asked } | null = null;
  /** The view shown (a view update applies to it); null when none or after a failure. */
  let shown: ShownView | null = null;

  function apply(asked: Asked, request: EstimateRequest, reply: unknown): void {
    if (request.seq <= appliedSeq) return; // an older answer than the one shown
    appliedSeq = request.seq;
    const { siteId, siteLabel } = asked.query;
    const seqOk = isRecord(reply) && reply.seq === request.seq;
    const next = seqOk
      ? viewFromReply(reply, { seq: request.seq, siteId, siteLabel }, shown)
      : null;
    if (next === null) {
      last = null; // try again at the next change
      held = null; // in full: the background may hold nothing
      shown = null;
      onView({ siteId, siteLabel, status: 'failed', rows: [] });
      return;
    }
    shown = next;
    onView(next.view);
  }

  function requestFor(asked: Asked): EstimateRequest {
    seq += 1;
    const { query } = asked;
    const before = held;
    held = { seq, asked };
    const { siteId, siteLabel, status, settings, rows } = query;
    if (before === null) {
      const keys = rows.map((row) => row.key);
      const type = ESTIMATE_MESSAGE_TYPE;
      return { type, seq, siteId, siteLabel, status, base: null, keys, rows, settings };
    }
    // The changes found when it was asked hold if they were found against what the background holds.
    const changes =
      asked.changes?.from === before.asked.rows
        ? asked.changes.rows
        : changedRows(before.asked.rows, rows);
    return {
      type: ESTIMATE_MESSAGE_TYPE,
      seq,
      siteId,
      base: before.seq,
      rows: changes,
      ...outlineUpdate(before.asked.query, query),
    };
  }

  function dispatch(asked: Asked): void {
    inFlight = true;
    sentAny = true;
    const request = requestFor(asked);
    let answer: Promise<unknown>;
    try {
      answer = send(request);
    } catch (error) {
      answer = Promise.reject(error instanceof Error ? error : new Error('send failed'));
    }
    // One reaction per reply (no catch/finally chain): it contains its own failures, since a
    // render error must not become an unhandled rejection in the page, and always sends what waits.
    const settled = (resend: boolean, reply: unknown): void => {
      try {
        if (!resend) apply(asked, request, reply);
      } catch {
        // A render error: the next change tries again.
      }
      inFlight = false;
      if (resend) held = null;
      const next = waiting ?? (resend ? asked : null);
      waiting = null;
      if (next !== null) dispatch(next);
    };
    answer.then(
      (reply) => {
        settled(isResend(reply), reply);
      },
      () => {
        // No background (reloading, context invalidated): the panel says it failed.
        settled(false, null);
      },
    );
  }

  return {
    request(query) {
      const asked: Asked = { query, rows: new Map(query.rows.map((row) => [row.key, row])) };
      if (last !== null) {
        const changes = { from: last.rows, rows: changedRows(last.rows, query.rows) };
        if (changes.rows.length === 0 && sameOutline(last.query, query)) return false;
        asked.changes = changes;
      }
      last = asked;
      if (inFlight) waiting = asked;
      else dispatch(asked);
      return true;
    },
    reset() {
      last = null;
      held = null;
      sentAny = false;
    },
    get sentAny() {
      return sentAny;
    },
  };
}
