import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { estimatePosition } from '../../core/index';
import { BTC_LONG_INPUT } from '../content/btc-long-case';
import type { PanelView } from '../../components/panel/panel-model';
import {
  parseExtensionMessage,
  type EstimateReply,
  type EstimateRequest,
  type EstimateRow,
} from '../../core/protocol';
import { createEstimateService } from '../../entrypoints/background/estimate-service';
import { servePort, startBackground, type ServedPort } from '../../entrypoints/background/listen';
import { viewFromReply, type ShownView } from '../../entrypoints/positions.content/view-from-reply';
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
    base: null,
    keys: ['BTCUSDT|long'],
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
        context: {
          venue: 'binance',
          format: { decimalSeparator: '.', groupSeparator: ',' },
          sizeUnit: 'base',
        },
      },
    ],
    settings: { lang: 'en', tolerancePercent: '0.5', feeRates: {} },
  };
}

/** The same position written as the core's input by hand: the figures the reply must carry. */
function expected(markPrice?: string) {
  const input = markPrice === undefined ? BTC_LONG_INPUT : { ...BTC_LONG_INPUT, markPrice };
  const outcome = estimatePosition(input, { tolerancePercent: '0.5' });
  if (!outcome.ok) throw new Error('the hand-written input must estimate');
  return outcome.estimate;
}

/** The view of a reply that must carry one (not a resend). */
function viewOf(reply: EstimateReply<PanelView>): PanelView {
  if (!('view' in reply)) throw new Error(`expected a view, got ${JSON.stringify(reply)}`);
  return reply.view;
}

/** The buffer report the service hands the alerts for the request's row at this mark. */
function bufferReport(markPrice?: string) {
  return [
    {
      key: 'BTCUSDT|long',
      symbol: 'BTCUSDT',
      side: 'long',
      bufferPercent: expected(markPrice).buffer?.percent,
    },
  ];
}

describe('createEstimateService', () => {
  it('answers with the core estimate of the read row, and reports its buffer for alerts', async () => {
    const report = vi.fn(() => Promise.resolve());
    const service = createEstimateService(report, () => 0);
    const reply = service.estimate(7, request());
    const row = viewOf(reply).rows[0];
    expect(reply.seq).toBe(1);
    expect(viewOf(reply).status).toBe('ok');
    expect(row?.state).toMatchObject({
      kind: 'estimate',
      liquidationPrice: expected().liquidationPrice,
      bufferPercent: expected().buffer?.percent,
    });
    await vi.waitFor(() => {
      expect(report).toHaveBeenCalledWith(7, 'binance', bufferReport());
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
      expect(viewOf(second).rows[0]?.state).toMatchObject({
        bufferPercent: expected('64000').buffer?.percent,
      });
      expect(report).toHaveBeenCalledTimes(1); // the second waits for the end of the second
      now = 1000;
      await vi.advanceTimersByTimeAsync(1000);
      expect(report).toHaveBeenCalledTimes(2);
      expect(report).toHaveBeenLastCalledWith(7, 'binance', bufferReport('64000'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('estimates a page with more rows than alerts follow, and leaves its alerts alone', () => {
    const base = request();
    const row = base.rows[0] as EstimateRow;
    const rows = Array.from({ length: 600 }, (_, index) => ({
      ...row,
      key: `BTCUSDT|long#${index}`,
    }));
    const many: EstimateRequest = { ...base, keys: rows.map((each) => each.key), rows };
    expect(parseExtensionMessage(many)).not.toBeNull();
    const report = vi.fn(() => Promise.resolve());
    const reply = createEstimateService(report).estimate(7, many);
    expect(viewOf(reply).rows).toHaveLength(600);
    expect(viewOf(reply).rows[599]?.state.kind).toBe('estimate');
    expect(report).not.toHaveBeenCalled();
  });

  it('turns a failure into the failed view instead of throwing', () => {
    const service = createEstimateService(() => Promise.resolve());
    const row = request().rows[0] as EstimateRow;
    // Not a context position-from-raw can use (bypassing the message guard, as a bug would).
    const broken = {
      ...request(),
      rows: [{ ...row, context: null }],
    } as unknown as EstimateRequest;
    const reply = service.estimate(7, broken);
    expect(viewOf(reply)).toEqual({
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

describe('updates (only the rows changed since the request the background holds)', () => {
  /** An update of request `base`: this mark price as a patch of the one row. */
  function tick(markPrice: string, seq: number, base: number): EstimateRequest {
    return {
      ...request(markPrice, seq),
      base,
      rows: [{ key: 'BTCUSDT|long', patch: { markPrice } }],
    };
  }

  /** The page's side, as the estimate client does it: each reply becomes the view it describes. */
  function pageOf(service: ReturnType<typeof createEstimateService>) {
    let shown: ShownView | null = null;
    const replies: unknown[] = [];
    const ask = (sent: EstimateRequest): PanelView => {
      const reply = service.estimate(7, sent);
      replies.push(reply);
      const page = { seq: sent.seq, siteId: 'binance', siteLabel: 'Binance Futures' };
      const next = viewFromReply(reply, page, shown);
      if (next === null) throw new Error(`the reply does not apply: ${JSON.stringify(reply)}`);
      shown = next;
      return next.view;
    };
    return { ask, replies };
  }

  it('applies a patch to the rows it holds and answers with the buffer alone', () => {
    const page = pageOf(createEstimateService(() => Promise.resolve()));
    page.ask(request('65,010.3', 1));
    const patched = page.ask(tick('64,000.0', 2, 1));
    const complete = createEstimateService(() => Promise.resolve()).estimate(
      7,
      request('64,000.0', 2),
    );
    expect(patched).toEqual(viewOf(complete));
    expect(patched.rows[0]?.state).toMatchObject({
      bufferPercent: expected('64000').buffer?.percent,
    });
    // An isolated position's mark tick moves its buffer and nothing else it shows; the order holds.
    const buffer = expected('64000').buffer;
    expect(page.replies[1]).toEqual({
      seq: 2,
      update: {
        base: 1,
        status: 'ok',
        rows: [],
        figures: [
          { key: 'BTCUSDT|long', bufferPercent: buffer?.percent, bufferPrice: buffer?.price },
        ],
      },
    });
  });

  it('keeps unchanged rows, drops rows whose key is gone, and takes reshaped rows in full', () => {
    const page = pageOf(createEstimateService(() => Promise.resolve()));
    const first = request('65,010.3', 1);
    const row = first.rows[0] as EstimateRow;
    const second: EstimateRow = { ...row, key: 'BTCUSDT|long#2' };
    const both = page.ask({ ...first, keys: [row.key, second.key], rows: [row, second] });
    // Nothing changed in the first row; the second is gone.
    const kept = page.ask({ ...first, seq: 2, base: 1, keys: [row.key], rows: [] });
    expect(kept.rows.map((each) => each.key)).toEqual([row.key]);
    expect(kept.rows[0]).toBe(both.rows[0]); // the page keeps the row's object
    expect(page.replies[1]).toMatchObject({ update: { keys: [row.key], rows: [], figures: [] } });
    // The first row loses its entry price cell: sent in full, it now has a problem.
    const withoutEntry = Object.fromEntries(
      Object.entries(row.raw).filter(([field]) => field !== 'entryPrice'),
    );
    const reshaped = page.ask({ ...first, seq: 3, base: 2, rows: [{ ...row, raw: withoutEntry }] });
    expect(reshaped.rows[0]?.state.kind).toBe('problems');
    expect(page.replies[2]).toMatchObject({ update: { rows: [{ key: row.key }], figures: [] } });
    expect(page.replies[2]).not.toHaveProperty('update.keys');
  });

  it('answers an update with a view update only after a view was answered', () => {
    const service = createEstimateService(() => Promise.resolve());
    service.estimate(7, request('65,010.3', 1));
    expect(service.estimate(7, tick('64,000.0', 2, 1))).toHaveProperty('update');
    // A failed estimate leaves nothing shown to update: the page resends in full.
    const row = request().rows[0] as EstimateRow;
    const broken = { ...request('1', 3), rows: [{ ...row, context: null }] };
    expect(service.estimate(7, broken as unknown as EstimateRequest)).toHaveProperty('view');
    expect(service.estimate(7, request('64,000.0', 4))).toHaveProperty('view');
  });

  it('asks for the complete request when it does not hold the base (a restarted worker)', () => {
    const service = createEstimateService(() => Promise.resolve());
    expect(service.estimate(7, tick('64,000.0', 5, 4))).toEqual({ seq: 5, resend: true });
    service.estimate(7, request('65,010.3', 6));
    // An update of an older request than the one held is not applied either.
    expect(service.estimate(7, tick('64,000.0', 7, 5))).toEqual({ seq: 7, resend: true });
    expect(service.estimate(7, request('64,000.0', 8))).toMatchObject({ seq: 8 });
    expect(service.estimate(7, tick('63,000.0', 9, 8))).toHaveProperty('update');
  });

  it('asks for the complete request when an update names a row it never had', () => {
    const service = createEstimateService(() => Promise.resolve());
    service.estimate(7, request('65,010.3', 1));
    const unknown = { ...tick('64,000.0', 2, 1), keys: ['ETHUSDT|short'] };
    unknown.rows = [{ key: 'ETHUSDT|short', patch: { markPrice: '1' } }];
    expect(service.estimate(7, unknown)).toEqual({ seq: 2, resend: true });
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

  const row = request().rows[0] as EstimateRow;
  it.each([
    ['keys and rows that do not match', { ...request(), keys: ['other'] }],
    ['a complete request missing a row', { ...request(), rows: [] }],
    ['a row without a context', { ...request(), rows: [{ ...row, context: undefined }] }],
    [
      'a cell text over the bound',
      { ...request(), rows: [{ ...row, raw: { size: 'x'.repeat(1001) } }] },
    ],
    ['a negative seq', { ...request(), seq: -1 }],
    ['a base that is not a seq', { ...request(), base: 'last' }],
    ['a patch in a complete request', { ...request(), rows: [{ key: row.key, patch: {} }] }],
    ['more rows than keys', { ...request(), base: 1, rows: [row, row] }],
    [
      'an unknown language',
      { ...request(), settings: { lang: 'fr', tolerancePercent: '0.5', feeRates: {} } },
    ],
    [
      'a bad number format',
      {
        ...request(),
        rows: [{ ...row, context: { venue: 'binance', format: { decimalSeparator: ';' } } }],
      },
    ],
  ])('rejects a request with %s', (_what, message) => {
    expect(parseExtensionMessage(message)).toBeNull();
  });

  it('accepts the requests the page builds, complete or an update', () => {
    expect(parseExtensionMessage(request())).toEqual(request());
    const update = {
      ...request(),
      seq: 2,
      base: 1,
      rows: [{ key: row.key, patch: { markPrice: '1' } }],
    };
    expect(parseExtensionMessage(update)).toEqual(update);
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
