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

export type ExtensionMessage = BuffersMessage | OpenCalculatorMessage;

export const BUFFERS_MESSAGE_TYPE = 'liq-sentinel/buffers';
export const OPEN_CALCULATOR_MESSAGE_TYPE = 'liq-sentinel/open-calculator';

/** Upper bound on positions accepted in one message: a hostile page cannot make us hold unbounded state. */
export const MAX_REPORTED_POSITIONS = 500;
/** Upper bound on any string field in a message (keys, symbols, site ids, decimals). */
export const MAX_MESSAGE_STRING_LENGTH = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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

/**
 * Narrow an unknown runtime message to one of ours.
 * @param value whatever `runtime.onMessage` delivered
 * @returns the message when it has exactly our shape, otherwise null (ignored, never thrown)
 */
export function parseExtensionMessage(value: unknown): ExtensionMessage | null {
  if (!isRecord(value)) return null;
  if (value.type === OPEN_CALCULATOR_MESSAGE_TYPE) return { type: OPEN_CALCULATOR_MESSAGE_TYPE };
  if (value.type !== BUFFERS_MESSAGE_TYPE) return null;
  const { siteId, positions } = value;
  if (!isShortString(siteId) || !Array.isArray(positions)) return null;
  if (positions.length > MAX_REPORTED_POSITIONS) return null;
  if (!positions.every(isBufferReport)) return null;
  return { type: BUFFERS_MESSAGE_TYPE, siteId, positions };
}
