import { isRecord } from './plain-data';
import type { RawContext } from './position-from-raw';

/**
 * The typed message contract between the content script (panel) and the background.
 * Types only, plus a guard: a message arriving at the background is untrusted input (any extension
 * page or content script of ours may send it, in any shape), so it is checked before use.
 */

/** Sent by the panel when the set of buffers changed, at most once per second; an empty list when the panel is removed. */
export interface BuffersMessage {
  readonly type: 'liq-sentinel/buffers';
  readonly siteId: string;
  readonly positions: readonly BufferReport[];
}

/** One position's buffer as the panel computed it. */
export interface BufferReport {
  /** Stable per position within the tab (e.g. symbol + side); the alert state machine keys on it. */
  readonly key: string;
  readonly symbol: string;
  readonly side: 'long' | 'short';
  /** Buffer in percent of mark (positive = safe side); null when no estimate could be made. */
  readonly bufferPercent: string | null;
}

/** The panel wrote local:calculatorPrefill; the background opens popup.html in a new tab. */
export interface OpenCalculatorMessage {
  readonly type: 'liq-sentinel/open-calculator';
}

/** One row as the page's reader returned it, minus its DOM element, with its reading context. */
export interface EstimateRow {
  readonly key: string;
  /** Cell text as read per field (symbol, side, size, entryPrice, markPrice, ...). */
  readonly raw: Readonly<Record<string, string>>;
  readonly problems: readonly { readonly field: string; readonly reason: string }[];
  /** positionFromRaw's context for the row (venue, number format, size unit, wallet). */
  readonly context: RawContext;
}

/**
 * A row of the request this one updates whose cell texts changed and nothing else (the usual
 * mark-price tick): only the changed fields' new texts travel.
 */
export interface EstimateRowPatch {
  readonly key: string;
  readonly patch: Readonly<Record<string, string>>;
}

/** The reader's page-level status (the panel's 'failed' is decided by the page, never sent). */
export type EstimateStatus = 'ok' | 'no-positions' | 'no-positions-area' | 'degraded';

/** The settings an estimate applies, language already resolved in the page. */
export interface EstimateSettings {
  readonly lang: 'en' | 'zh';
  readonly tolerancePercent: string;
  readonly feeRates: Readonly<Record<string, string>>;
}

/**
 * The page read its positions; the background estimates them (design.md §6: decimal.js and the
 * core stay out of the content script) and answers with an EstimateReply. The background also
 * feeds the tab's alerts from the buffers it computed.
 *
 * A request is complete (`base` null: every field, `rows` every row in full) or an update of the
 * request numbered `base`, which the background holds: `rows` are then only the rows new or
 * changed since `base`, each in full or as a patch, and whatever else equals the base is left out
 * (a mark tick sends its patches and nothing else). The structured clone of every row on every
 * tick was a tenth of our page time (BENCHMARKS.md).
 * The background answers an update it cannot apply (it restarted, or holds another base) with
 * `resend`, and the page sends the complete request.
 */
export type EstimateRequest = CompleteEstimateRequest | EstimateUpdateRequest;

interface EstimateRequestCommon {
  readonly type: 'liq-sentinel/estimate';
  /** Increases with every request of a page; a reply to an older one is dropped by the page. */
  readonly seq: number;
  readonly siteId: string;
}

export interface CompleteEstimateRequest extends EstimateRequestCommon {
  readonly base: null;
  readonly siteLabel: string;
  readonly status: EstimateStatus;
  /** Every row's key, in page order. */
  readonly keys: readonly string[];
  /** Every row, in `keys` order. */
  readonly rows: readonly EstimateRow[];
  readonly settings: EstimateSettings;
}

/** An update of the request numbered `base`: an absent field is the base's. */
export interface EstimateUpdateRequest extends EstimateRequestCommon {
  /** The seq of the request this one updates. */
  readonly base: number;
  readonly siteLabel?: string;
  readonly status?: EstimateStatus;
  /** Every row's key in page order; absent: the base's keys in the base's order. */
  readonly keys?: readonly string[];
  /** The new or changed rows only. */
  readonly rows: readonly (EstimateRow | EstimateRowPatch)[];
  readonly settings?: EstimateSettings;
}

/**
 * A row of the view answered before whose estimate figures alone changed (a mark tick: the buffer
 * of any position, and the liquidation price and difference of a cross one, which move with the
 * other positions' PnL): the key and the figures that changed, each at its new value (null
 * included). `Figures` is the panel's estimate state (its type lives with the panel).
 */
export type ViewRowFigures<Figures = Readonly<Record<string, unknown>>> = {
  readonly key: string;
} & Partial<Figures>;

/**
 * What changed in the view since the reply to request `base`, which the page shows: rows in `keys`
 * order (absent: the order shown), each the row shown before, that row with new figures
 * (`figures`), or a new row in full (`rows`). Sent only for an update request whose base the
 * background answered last.
 */
export interface ViewUpdate<Row = unknown, Figures = Readonly<Record<string, unknown>>> {
  readonly base: number;
  readonly status: EstimateStatus;
  readonly keys?: readonly string[];
  readonly rows: readonly Row[];
  readonly figures: readonly ViewRowFigures<Figures>[];
}

/**
 * The background's answer: the panel's view model (its type lives with the panel), what changed
 * in it since the view the page shows, or `resend` when the request was an update of rows the
 * background does not hold.
 */
export type EstimateReply<
  View = unknown,
  Row = unknown,
  Figures = Readonly<Record<string, unknown>>,
> =
  | { readonly seq: number; readonly view: View }
  | { readonly seq: number; readonly update: ViewUpdate<Row, Figures> }
  | { readonly seq: number; readonly resend: true };

export type ExtensionMessage = BuffersMessage | OpenCalculatorMessage | EstimateRequest;

export const BUFFERS_MESSAGE_TYPE = 'liq-sentinel/buffers';
export const OPEN_CALCULATOR_MESSAGE_TYPE = 'liq-sentinel/open-calculator';
export const ESTIMATE_MESSAGE_TYPE = 'liq-sentinel/estimate';
/** runtime.connect name of the page's estimate port (EstimateRequest in, EstimateReply out). */
export const ESTIMATE_PORT_NAME = 'liq-sentinel/estimate';

/** Upper bound on positions accepted in one message: a hostile page cannot make us hold unbounded state. */
export const MAX_REPORTED_POSITIONS = 500;
/**
 * Upper bound on rows in one estimate request: the panel still estimates a page with more positions
 * than alerts follow (MAX_REPORTED_POSITIONS), and a hostile page cannot make the worker hold more.
 */
export const MAX_ESTIMATE_ROWS = 5000;
/** Upper bound on any string field in a message (keys, symbols, site ids, decimals). */
export const MAX_MESSAGE_STRING_LENGTH = 200;
/**
 * Upper bound on a cell text in an estimate request. Longer than anything parseNumber reads (200
 * characters: longer is unparseable), so the page clamps cell texts to it without changing a result.
 */
export const MAX_CELL_TEXT_LENGTH = 1000;
/** Fields per row and fee-rate overrides per request: far more than any page or setting has. */
const MAX_RECORD_ENTRIES = 64;

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_MESSAGE_STRING_LENGTH;
}

function isBufferReport(value: unknown): value is BufferReport {
  if (!isRecord(value)) return false;
  const { key, symbol, side, bufferPercent } = value;
  return (
    isShortString(key) &&
    key.length > 0 &&
    isShortString(symbol) &&
    (side === 'long' || side === 'short') &&
    (bufferPercent === null || isShortString(bufferPercent))
  );
}

function isStringRecord(value: unknown, maxLength: number): value is Record<string, string> {
  if (!isRecord(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_RECORD_ENTRIES &&
    entries.every(
      ([key, text]) =>
        key.length <= MAX_MESSAGE_STRING_LENGTH &&
        typeof text === 'string' &&
        text.length <= maxLength,
    )
  );
}

function isEstimateRow(value: unknown): value is EstimateRow {
  if (!isRecord(value)) return false;
  const { key, raw, problems, context } = value;
  return (
    isShortString(key) &&
    isStringRecord(raw, MAX_CELL_TEXT_LENGTH) &&
    isRawContext(context) &&
    Array.isArray(problems) &&
    problems.length <= MAX_RECORD_ENTRIES &&
    problems.every(
      (problem) =>
        isRecord(problem) && isShortString(problem.field) && isShortString(problem.reason),
    )
  );
}

function isEstimateRowPatch(value: unknown): value is EstimateRowPatch {
  return (
    isRecord(value) &&
    isShortString(value.key) &&
    isStringRecord(value.patch, MAX_CELL_TEXT_LENGTH) &&
    value.raw === undefined
  );
}

const OPTIONAL_CONTEXT_TEXTS = ['walletBalance', 'contractSize'] as const;

function isRawContext(value: unknown): value is RawContext {
  if (!isRecord(value) || !isShortString(value.venue)) return false;
  const { product, format, sizeUnit } = value;
  if (product !== undefined && product !== 'linear' && product !== 'inverse') return false;
  if (
    sizeUnit !== undefined &&
    sizeUnit !== 'base' &&
    sizeUnit !== 'quote' &&
    sizeUnit !== 'contracts'
  ) {
    return false;
  }
  if (
    format !== undefined &&
    !(
      isRecord(format) &&
      (format.decimalSeparator === '.' || format.decimalSeparator === ',') &&
      [',', '.', ' ', "'", ''].includes(format.groupSeparator as string)
    )
  ) {
    return false;
  }
  return OPTIONAL_CONTEXT_TEXTS.every(
    (field) => value[field] === undefined || isShortString(value[field]),
  );
}

const ESTIMATE_STATUSES: readonly unknown[] = [
  'ok',
  'no-positions',
  'no-positions-area',
  'degraded',
];

function isEstimateSettings(value: unknown): value is EstimateSettings {
  return (
    isRecord(value) &&
    (value.lang === 'en' || value.lang === 'zh') &&
    isShortString(value.tolerancePercent) &&
    isStringRecord(value.feeRates, MAX_MESSAGE_STRING_LENGTH)
  );
}

function isSeq(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isKeyList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.length <= MAX_ESTIMATE_ROWS && value.every(isShortString);
}

function parseEstimateRequest(value: Record<string, unknown>): EstimateRequest | null {
  const { seq, siteId, siteLabel, status, base, keys, rows, settings } = value;
  if (!isSeq(seq) || !isShortString(siteId) || !Array.isArray(rows)) return null;
  const settingsOf = (checked: EstimateSettings): EstimateSettings => ({
    lang: checked.lang,
    tolerancePercent: checked.tolerancePercent,
    feeRates: checked.feeRates,
  });
  if (base === null) {
    // A complete request carries everything, every row in full and in key order.
    if (!isShortString(siteLabel) || !ESTIMATE_STATUSES.includes(status)) return null;
    if (!isKeyList(keys) || !isEstimateSettings(settings)) return null;
    const complete =
      rows.length === keys.length &&
      rows.every((row, index) => isEstimateRow(row) && row.key === keys[index]);
    if (!complete) return null;
    return {
      type: ESTIMATE_MESSAGE_TYPE,
      seq,
      siteId,
      siteLabel,
      status: status as EstimateStatus,
      base,
      keys,
      rows: rows as EstimateRow[],
      settings: settingsOf(settings),
    };
  }
  // An update: any subset of rows in either form; a field present must be valid.
  if (!isSeq(base)) return null;
  if (siteLabel !== undefined && !isShortString(siteLabel)) return null;
  if (status !== undefined && !ESTIMATE_STATUSES.includes(status)) return null;
  if (keys !== undefined && !isKeyList(keys)) return null;
  if (settings !== undefined && !isEstimateSettings(settings)) return null;
  if (rows.length > (keys?.length ?? MAX_ESTIMATE_ROWS)) return null;
  if (!rows.every((row) => isEstimateRow(row) || isEstimateRowPatch(row))) return null;
  return {
    type: ESTIMATE_MESSAGE_TYPE,
    seq,
    siteId,
    base,
    rows,
    ...(siteLabel === undefined ? {} : { siteLabel }),
    ...(status === undefined ? {} : { status: status as EstimateStatus }),
    ...(keys === undefined ? {} : { keys }),
    ...(settings === undefined ? {} : { settings: settingsOf(settings) }),
  };
}

/**
 * Narrow an unknown runtime message to one of ours.
 * @param value whatever `runtime.onMessage` delivered
 * @returns the message when it has exactly our shape, otherwise null (ignored, never thrown)
 */
export function parseExtensionMessage(value: unknown): ExtensionMessage | null {
  if (!isRecord(value)) return null;
  if (value.type === OPEN_CALCULATOR_MESSAGE_TYPE) return { type: OPEN_CALCULATOR_MESSAGE_TYPE };
  if (value.type === ESTIMATE_MESSAGE_TYPE) return parseEstimateRequest(value);
  if (value.type !== BUFFERS_MESSAGE_TYPE) return null;
  const { siteId, positions } = value;
  if (!isShortString(siteId) || !Array.isArray(positions)) return null;
  if (positions.length > MAX_REPORTED_POSITIONS) return null;
  if (!positions.every(isBufferReport)) return null;
  return { type: BUFFERS_MESSAGE_TYPE, siteId, positions };
}
