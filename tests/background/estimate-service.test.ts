import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { estimatePosition } from '../../core/index';
import { parseExtensionMessage, type EstimateRequest } from '../../core/protocol';
import { createEstimateService } from '../../entrypoints/background/estimate-service';
import { servePort, startBackground, type ServedPort } from '../../entrypoints/background/listen';
import { grantNotifications, storeSettings } from './helpers';

const OURS = { id: fakeBrowser.runtime.id };

/** A Binance isolated long as the page's reader sends it (cell texts, separators, units). */
function request(markPrice = '65,010.3', seq = 1): EstimateRequest {
  return {
    type: 'liq-sentinel/estimate',
    seq,
    siteId: 'binance',
    siteLabel: 'Binance Futures',
    status: 'ok',
    rows: [
      {
        key: 'BTCUSDT|long',
        raw: {
          symbol: 'BTCUSDT',
          side: 'long',
          size: '0.500 BTC',
          entryPrice: '64,250.0',
          markPrice,
          leverage: '20x',
          marginMode: 'Isolated',
          margin: '1,606.25 USDT',
          liquidationPrice: '61,282.63',
        },
        problems: [],
      },
    ],
    contexts: [
      {
        venue: 'binance',
        format: { decimalSeparator: '.', groupSeparator: ',' },
        sizeUnit: 'base',
      },
    ],
    settings: { lang: 'en', tolerancePercent: '0.5', feeRates: {} },
  };
}

/** The same position written as the core's input by hand: the figures the reply must carry. */
function expected(markPrice = '65010.3') {
  const outcome = estimatePosition(
    {
      venue: 'binance',
      symbol: 'BTCUSDT',
      product: 'linear',
      marginMode: 'isolated',
      side: 'long',
      quantity: '0.5',
      entryPrice: '64250',
      markPrice,
      margin: '1606.25',
      leverage: '20',
      platformLiquidationPrice: '61282.63',
    },
    { tolerancePercent: '0.5' },
  );
  if (!outcome.ok) throw new Error('the hand-written input must estimate');
  return outcome.estimate;
}

describe('createEstimateService', () => {
  it('answers with the core estimate of the read row, and reports its buffer for alerts', async () => {
    const report = vi.fn(() => Promise.resolve());
    const service = createEstimateService(report, () => 0);
    const reply = service.estimate(7, request());
    const row = reply.view.rows[0];
    expect(reply.seq).toBe(1);
    expect(reply.view.status).toBe('ok');
    expect(row?.state).toMatchObject({
      kind: 'estimate',
      liquidationPrice: expected().liquidationPrice,
      bufferPercent: expected().buffer?.percent,
    });
    expect(reply.buffers).toEqual([
      {
        key: 'BTCUSDT|long',
        symbol: 'BTCUSDT',
        side: 'long',
        bufferPercent: expected().buffer?.percent,
      },
    ]);
    await vi.waitFor(() => {
      expect(report).toHaveBeenCalledWith(7, 'binance', reply.buffers);
    });
  });

  it('recomputes on a mark tick and reports changed buffers at most once a second', async () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      const report = vi.fn(() => Promise.resolve());
      const service = createEstimateService(report, () => now);
      service.estimate(7, request('65,010.3', 1));
      const second = service.estimate(7, request('64,000.0', 2));
      expect(second.view.rows[0]?.state).toMatchObject({
        bufferPercent: expected('64000').buffer?.percent,
      });
      expect(report).toHaveBeenCalledTimes(1); // the second waits for the end of the second
      now = 1000;
      await vi.advanceTimersByTimeAsync(1000);
      expect(report).toHaveBeenCalledTimes(2);
      expect(report).toHaveBeenLastCalledWith(7, 'binance', second.buffers);
    } finally {
      vi.useRealTimers();
    }
  });

  it('estimates a page with more rows than alerts follow, and leaves its alerts alone', () => {
    const base = request();
    const row = base.rows[0];
    const context = base.contexts[0];
    if (row === undefined || context === undefined) throw new Error('fixture row');
    const many: EstimateRequest = {
      ...base,
      rows: Array.from({ length: 600 }, (_, index) => ({ ...row, key: `BTCUSDT|long#${index}` })),
      contexts: Array.from({ length: 600 }, () => context),
    };
    expect(parseExtensionMessage(many)).not.toBeNull();
    const report = vi.fn(() => Promise.resolve());
    const reply = createEstimateService(report).estimate(7, many);
    expect(reply.view.rows).toHaveLength(600);
    expect(reply.view.rows[599]?.state.kind).toBe('estimate');
    expect(report).not.toHaveBeenCalled();
  });

  it('turns a failure into the failed view instead of throwing', () => {
    const service = createEstimateService(() => Promise.resolve());
    const broken = { ...request(), contexts: [] } as EstimateRequest;
    const reply = service.estimate(7, broken);
    expect(reply.view).toEqual({
      siteId: 'binance',
      siteLabel: 'Binance Futures',
      status: 'failed',
      rows: [],
    });
  });

  it('does not report for a tab after it closed', async () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      const report = vi.fn(() => Promise.resolve());
      const service = createEstimateService(report, () => now);
      service.estimate(7, request('65,010.3', 1));
      service.estimate(7, request('64,000.0', 2)); // queued for the end of the second
      service.closed(7);
      now = 1000;
      await vi.advanceTimersByTimeAsync(1000);
      expect(report).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('estimate requests through the background', () => {
  beforeEach(async () => {
    await storeSettings({ alertsEnabled: true });
    grantNotifications(true);
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {
      throw new Error('not implemented');
    });
  });

  it('replies to a content script with the view and sets that tab badge from the buffers', async () => {
    const hub = startBackground({ now: () => 0 });
    const results: unknown[] = await fakeBrowser.runtime.onMessage.trigger(request(), {
      ...OURS,
      tab: { id: 5 },
    } as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1]);
    const reply = results.find((result) => result !== undefined) as
      { seq: number; view: { rows: { state: { bufferPercent?: string } }[] } } | undefined;
    expect(reply?.seq).toBe(1);
    expect(reply?.view.rows[0]?.state.bufferPercent).toBe(expected().buffer?.percent);
    await vi.waitFor(async () => {
      expect(await hub.stateOf(5)).toBeDefined();
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).not.toBe('');
  });

  it.each([
    ['rows and contexts of different lengths', { ...request(), contexts: [] }],
    [
      'a cell text over the bound',
      { ...request(), rows: [{ key: 'k', raw: { size: 'x'.repeat(1001) }, problems: [] }] },
    ],
    ['a negative seq', { ...request(), seq: -1 }],
    [
      'an unknown language',
      { ...request(), settings: { lang: 'fr', tolerancePercent: '0.5', feeRates: {} } },
    ],
    [
      'a bad number format',
      { ...request(), contexts: [{ venue: 'binance', format: { decimalSeparator: ';' } }] },
    ],
  ])('rejects a request with %s', (_what, message) => {
    expect(parseExtensionMessage(message)).toBeNull();
  });

  it('accepts the request the page builds', () => {
    expect(parseExtensionMessage(request())).toEqual(request());
  });
});

describe('servePort (the page estimate port)', () => {
  function port(sender: ServedPort['sender'], name = 'liq-sentinel/estimate') {
    const posted: unknown[] = [];
    const listeners: ((message: unknown) => void)[] = [];
    const served: ServedPort & { disconnected: boolean } = {
      name,
      sender,
      disconnected: false,
      postMessage: (message) => posted.push(message),
      disconnect() {
        served.disconnected = true;
      },
      onMessage: { addListener: (listener) => listeners.push(listener) },
    };
    const send = (message: unknown) => {
      for (const listener of listeners) listener(message);
    };
    return { served, posted, send, listeners };
  }

  it('answers each request with the estimate of its rows, for the tab the port belongs to', () => {
    const report = vi.fn(() => Promise.resolve());
    const { served, posted, send } = port({ ...OURS, tab: { id: 9 } });
    servePort(served, createEstimateService(report));
    send(request('65,010.3', 4));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      seq: 4,
      view: { status: 'ok', rows: [{ state: { liquidationPrice: expected().liquidationPrice } }] },
    });
  });

  it('answers a request it refuses with its seq alone, so the page shows failed', () => {
    const { served, posted, send } = port({ ...OURS, tab: { id: 9 } });
    servePort(
      served,
      createEstimateService(() => Promise.resolve()),
    );
    send({ ...request(), seq: 5, status: 'bogus' });
    expect(posted).toEqual([{ seq: 5 }]);
  });

  it('ignores ports of other names or extensions, and closes one without a tab', () => {
    const service = createEstimateService(() => Promise.resolve());
    const foreign = port({ id: 'someone-else', tab: { id: 9 } });
    servePort(foreign.served, service);
    expect(foreign.listeners).toHaveLength(0);
    const otherName = port({ ...OURS, tab: { id: 9 } }, 'other');
    servePort(otherName.served, service);
    expect(otherName.listeners).toHaveLength(0);
    const noTab = port(OURS);
    servePort(noTab.served, service);
    expect(noTab.served.disconnected).toBe(true);
  });
});
