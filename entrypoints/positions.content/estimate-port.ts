/**
 * The estimate round trip over one long-lived port instead of a runtime message per request: a
 * port message skips the per-message channel set-up, which cost about as much as the rest of an
 * update in the page bench (BENCHMARKS.md). The MV3 service worker may stop between ticks; its
 * port then disconnects, and the next request opens a new one (which wakes the worker).
 * A request caught by a disconnect is sent once more on a fresh port before it counts as failed.
 */
import { browser } from '#imports';
import type { EstimateRequest } from '../../core/protocol';
import { ESTIMATE_PORT_NAME } from '../../core/protocol';
import type { SendEstimate } from './estimate-client';

/** The part of runtime.Port the transport uses (tests pass a fake). */
export interface EstimatePort {
  postMessage(message: unknown): void;
  readonly onMessage: { addListener(listener: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(listener: () => void): void };
}

interface Waiter {
  readonly request: EstimateRequest;
  readonly resolve: (reply: unknown) => void;
  readonly reject: (error: Error) => void;
  retried: boolean;
}

function seqOf(message: unknown): number | null {
  if (typeof message !== 'object' || message === null) return null;
  const seq = (message as { seq?: unknown }).seq;
  return typeof seq === 'number' ? seq : null;
}

/**
 * @param connect opens the port (browser.runtime.connect in production)
 * @returns a SendEstimate for createEstimateClient
 */
export function createPortTransport(
  connect: () => EstimatePort = () => browser.runtime.connect({ name: ESTIMATE_PORT_NAME }),
): SendEstimate {
  let port: EstimatePort | null = null;
  const waiting = new Map<number, Waiter>();

  function open(): EstimatePort {
    const opened = connect();
    opened.onMessage.addListener((message) => {
      const seq = seqOf(message);
      const waiter = seq === null ? undefined : waiting.get(seq);
      if (seq === null || waiter === undefined) return;
      waiting.delete(seq);
      waiter.resolve(message);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
      const caught = [...waiting.values()];
      waiting.clear();
      for (const waiter of caught) {
        if (waiter.retried) waiter.reject(new Error('estimate port disconnected'));
        else post({ ...waiter, retried: true });
      }
    });
    return opened;
  }

  function post(waiter: Waiter): void {
    try {
      port ??= open();
      waiting.set(waiter.request.seq, waiter);
      port.postMessage(waiter.request);
    } catch (error) {
      // A port found disconnected on use (the worker stopped): one fresh try, then a failure.
      waiting.delete(waiter.request.seq);
      port = null;
      if (!waiter.retried) {
        post({ ...waiter, retried: true });
        return;
      }
      waiter.reject(error instanceof Error ? error : new Error('estimate port failed'));
    }
  }

  return (request) =>
    new Promise<unknown>((resolve, reject) => {
      post({ request, resolve, reject, retried: false });
    });
}
