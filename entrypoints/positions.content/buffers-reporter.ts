/**
 * Reports buffers to the background (core/protocol.ts BuffersMessage) when they change, at most
 * once per second, for alerts and the badge. Errors from sendMessage (no listener yet, extension
 * reloaded) are swallowed: the panel never depends on the background.
 */
import { browser } from '#imports';
import { BUFFERS_MESSAGE_TYPE, type BufferReport, type BuffersMessage } from '../../core/protocol';

/** Shared interface: at most one message per second. */
export const REPORT_INTERVAL_MS = 1000;

export interface BuffersReporter {
  /** Queue the current buffers; sent now or at the end of the current one-second window. */
  report(positions: readonly BufferReport[]): void;
  /** Send the empty list (panel removed) right away, then stay quiet. */
  clear(): void;
}

export type SendMessage = (message: BuffersMessage) => Promise<unknown>;

const defaultSend: SendMessage = (message) => browser.runtime.sendMessage(message);

/**
 * @param siteId the adapter id, carried in every message
 * @param send the transport (browser.runtime.sendMessage in production)
 * @param now a clock in ms (Date.now in production)
 */
export function createBuffersReporter(
  siteId: string,
  send: SendMessage = defaultSend,
  now: () => number = Date.now,
): BuffersReporter {
  let lastSentSignature: string | null = null;
  let lastSentAt = -Infinity;
  let pending: readonly BufferReport[] | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function deliver(positions: readonly BufferReport[]): void {
    lastSentSignature = JSON.stringify(positions);
    lastSentAt = now();
    send({ type: BUFFERS_MESSAGE_TYPE, siteId, positions }).catch(() => {
      // No listener (background asleep or reloading): alerts are best effort, the panel is not.
    });
  }

  function flush(): void {
    timer = undefined;
    const positions = pending;
    pending = null;
    if (positions !== null && JSON.stringify(positions) !== lastSentSignature) deliver(positions);
  }

  return {
    report(positions) {
      if (pending === null && JSON.stringify(positions) === lastSentSignature) return;
      pending = positions;
      if (timer !== undefined) return;
      const wait = lastSentAt + REPORT_INTERVAL_MS - now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    clear() {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
      if (lastSentSignature !== null && lastSentSignature !== '[]') deliver([]);
    },
  };
}
