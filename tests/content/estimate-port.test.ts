import { describe, expect, it } from 'vitest';
import type { EstimateRequest } from '../../core/protocol';
import {
  createPortTransport,
  type EstimatePort,
} from '../../entrypoints/positions.content/estimate-port';

/** A fake runtime port: records posts, lets the test answer or disconnect it. */
function fakePort(options: { throwOnPost?: boolean } = {}) {
  const posted: unknown[] = [];
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const port: EstimatePort = {
    postMessage(message) {
      if (options.throwOnPost === true)
        throw new Error('Attempting to use a disconnected port object');
      posted.push(message);
    },
    onMessage: { addListener: (listener) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener) => disconnectListeners.push(listener) },
  };
  return {
    port,
    posted,
    answer: (message: unknown) => {
      for (const listener of messageListeners) listener(message);
    },
    disconnect: () => {
      for (const listener of disconnectListeners) listener();
    },
  };
}

function request(seq: number): EstimateRequest {
  return {
    type: 'liq-sentinel/estimate',
    seq,
    siteId: 'binance',
    siteLabel: 'Binance Futures',
    status: 'no-positions',
    base: null,
    keys: [],
    rows: [],
    settings: { lang: 'en', tolerancePercent: '0.5', feeRates: {} },
  };
}

describe('createPortTransport', () => {
  it('opens one port on the first request and matches replies by seq', async () => {
    const first = fakePort();
    let opened = 0;
    const send = createPortTransport(() => {
      opened += 1;
      return first.port;
    });
    const one = send(request(1));
    const two = send(request(2));
    first.answer({ seq: 2, view: 'second' });
    first.answer({ seq: 1, view: 'first' });
    await expect(one).resolves.toEqual({ seq: 1, view: 'first' });
    await expect(two).resolves.toEqual({ seq: 2, view: 'second' });
    expect(opened).toBe(1);
    expect(first.posted).toEqual([request(1), request(2)]);
  });

  it('sends a request caught by a disconnect (worker stopped) once more on a new port', async () => {
    const ports = [fakePort(), fakePort()];
    let index = 0;
    const send = createPortTransport(() => (ports[index++] ?? fakePort()).port);
    const reply = send(request(1));
    ports[0]?.disconnect();
    expect(ports[1]?.posted).toEqual([request(1)]);
    ports[1]?.answer({ seq: 1, view: 'ok' });
    await expect(reply).resolves.toEqual({ seq: 1, view: 'ok' });
  });

  it('fails after the second disconnect instead of waiting for ever', async () => {
    const ports = [fakePort(), fakePort()];
    let index = 0;
    const send = createPortTransport(() => (ports[index++] ?? fakePort()).port);
    const reply = send(request(1));
    ports[0]?.disconnect();
    ports[1]?.disconnect();
    await expect(reply).rejects.toThrow('disconnected');
  });

  it('retries once on a fresh port when posting throws, then rejects', async () => {
    const broken = fakePort({ throwOnPost: true });
    const send = createPortTransport(() => broken.port);
    await expect(send(request(1))).rejects.toThrow('disconnected port');
  });
});
