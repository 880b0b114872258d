import { describe, expect, it } from 'vitest';
import type { PanelRowView, PanelView } from '../../components/panel/panel-model';
import type { EstimateRequest } from '../../core/protocol';
import {
  createEstimateClient,
  requestRow,
  type EstimateQuery,
} from '../../entrypoints/positions.content/estimate-client';

function query(markPrice: string, pnl = '+1.00 USDT'): EstimateQuery {
  return {
    siteId: 'binance',
    siteLabel: 'Binance Futures',
    status: 'ok',
    rows: [
      requestRow(
        {
          key: 'BTCUSDT|long',
          raw: { symbol: 'BTCUSDT', markPrice, unrealizedPnl: pnl },
          problems: [],
        },
        ['unrealizedPnl'],
        { venue: 'binance' },
      ),
    ],
    settings: { lang: 'en', tolerancePercent: '0.5', feeRates: {} },
  };
}

function row(bufferPercent: string): PanelRowView {
  return {
    key: 'BTCUSDT|long',
    symbol: 'BTCUSDT',
    side: 'long',
    leverage: '20',
    marginMode: 'isolated',
    state: {
      kind: 'estimate',
      liquidationPrice: '61282.63',
      platformLiquidationPrice: null,
      differencePercent: null,
      agrees: null,
      bufferPercent,
      bufferPrice: null,
      priceDecimals: 2,
    },
  };
}

function viewOf(bufferPercent: string): PanelView {
  return {
    siteId: 'binance',
    siteLabel: 'Binance Futures',
    status: 'ok',
    rows: [row(bufferPercent)],
  };
}

/** A transport whose answers the test releases one by one. */
function controlledTransport() {
  const sent: EstimateRequest[] = [];
  const answers: ((reply: unknown) => void)[] = [];
  const failures: ((error: Error) => void)[] = [];
  const send = (request: EstimateRequest) => {
    sent.push(request);
    return new Promise<unknown>((resolve, reject) => {
      answers.push(resolve);
      failures.push(reject);
    });
  };
  return { sent, answers, failures, send };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A client whose first request (mark 65,000) was answered with a view: updates come next. */
async function answeredClient() {
  const transport = controlledTransport();
  const views: PanelView[] = [];
  const client = createEstimateClient((view) => views.push(view), transport.send);
  client.request(query('65,000'));
  transport.answers[0]?.({ seq: 1, view: viewOf('5') });
  await settle();
  return { transport, views, client };
}

describe('createEstimateClient', () => {
  it('leaves the PnL out and does not send a request equal to the last one', () => {
    const transport = controlledTransport();
    const client = createEstimateClient(() => undefined, transport.send);
    expect(client.request(query('65,000'))).toBe(true);
    expect(transport.sent[0]?.rows[0]).toEqual({
      key: 'BTCUSDT|long',
      raw: { symbol: 'BTCUSDT', markPrice: '65,000' },
      problems: [],
      context: { venue: 'binance' },
    });
    expect(client.request(query('65,000', '+2.00 USDT'))).toBe(false);
    expect(transport.sent).toHaveLength(1);
  });

  it('keeps one request in flight and sends only the newest waiting one after it', async () => {
    const transport = controlledTransport();
    const views: PanelView[] = [];
    const client = createEstimateClient((view) => views.push(view), transport.send);
    client.request(query('65,000'));
    client.request(query('65,001'));
    client.request(query('65,002'));
    expect(transport.sent.map((request) => request.seq)).toEqual([1]);
    transport.answers[0]?.({ seq: 1, view: viewOf('5'), buffers: [] });
    await settle();
    // Numbered when sent: the waiting 65,001 was replaced by 65,002 before it went.
    expect(transport.sent.map((request) => request.seq)).toEqual([1, 2]);
    expect(transport.sent[1]?.rows).toEqual([
      { key: 'BTCUSDT|long', patch: { markPrice: '65,002' } },
    ]);
    transport.answers[1]?.({ seq: 2, view: viewOf('6'), buffers: [] });
    await settle();
    expect(
      views.map((view) => (view.rows[0]?.state as { bufferPercent: string }).bufferPercent),
    ).toEqual(['5', '6']);
  });

  it('shows the failed view when the background does not answer, and retries the same rows later', async () => {
    const transport = controlledTransport();
    const views: PanelView[] = [];
    const client = createEstimateClient((view) => views.push(view), transport.send);
    client.request(query('65,000'));
    transport.failures[0]?.(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    await settle();
    expect(views).toEqual([
      { siteId: 'binance', siteLabel: 'Binance Futures', status: 'failed', rows: [] },
    ]);
    expect(client.request(query('65,000'))).toBe(true);
  });

  it('treats a malformed answer as a failure', async () => {
    const transport = controlledTransport();
    const views: PanelView[] = [];
    const client = createEstimateClient((view) => views.push(view), transport.send);
    client.request(query('65,000'));
    transport.answers[0]?.(undefined);
    await settle();
    expect(views[0]?.status).toBe('failed');
  });

  it("hands each answer's view to the panel as answered (the panel finds what changed)", async () => {
    const transport = controlledTransport();
    const views: PanelView[] = [];
    const client = createEstimateClient((view) => views.push(view), transport.send);
    const answers = [viewOf('5'), viewOf('7')];
    client.request(query('65,000'));
    transport.answers[0]?.({ seq: 1, view: answers[0], buffers: [] });
    await settle();
    client.request(query('65,002'));
    transport.answers[1]?.({ seq: 2, view: answers[1], buffers: [] });
    await settle();
    expect(views).toHaveLength(2);
    expect(views[0]).toBe(answers[0]);
    expect(views[1]).toBe(answers[1]);
  });

  it('sends the complete rows first, then only the texts that changed', async () => {
    const { transport, client } = await answeredClient();
    client.request(query('65,001'));
    expect(transport.sent[0]).toMatchObject({ seq: 1, base: null, keys: ['BTCUSDT|long'] });
    // The keys, settings, site label and status equal the base's: the update leaves them out.
    expect(transport.sent[1]).toEqual({
      type: 'liq-sentinel/estimate',
      seq: 2,
      siteId: 'binance',
      base: 1,
      rows: [{ key: 'BTCUSDT|long', patch: { markPrice: '65,001' } }],
    });
  });

  it('sends the keys, settings, site label or status of an update only when they changed', async () => {
    const { transport, client } = await answeredClient();
    const next = query('65,000');
    const first = next.rows[0];
    if (first === undefined) throw new Error('fixture row');
    const second = { ...first, key: 'ETHUSDT|short' };
    client.request({ ...next, rows: [second, first] });
    transport.answers[1]?.({ seq: 2, view: viewOf('5') });
    await settle();
    expect(transport.sent[1]).toMatchObject({ keys: ['ETHUSDT|short', 'BTCUSDT|long'] });
    expect(transport.sent[1]).not.toHaveProperty('settings');
    const zh = { ...next.settings, lang: 'zh' as const };
    client.request({
      ...next,
      status: 'degraded',
      siteLabel: '币安',
      settings: zh,
      rows: [second, first],
    });
    expect(transport.sent[2]).toEqual({
      type: 'liq-sentinel/estimate',
      seq: 3,
      siteId: 'binance',
      base: 2,
      rows: [],
      siteLabel: '币安',
      status: 'degraded',
      settings: zh,
    });
  });

  it('sends a row in full when more than its texts changed (a field appeared, a problem)', async () => {
    const { transport, client } = await answeredClient();
    const withProblem = query('65,000');
    const first = withProblem.rows[0];
    if (first === undefined) throw new Error('fixture row');
    client.request({
      ...withProblem,
      rows: [{ ...first, problems: [{ field: 'margin', reason: 'not-found' }] }],
    });
    expect(transport.sent[1]).toMatchObject({ base: 1, rows: [{ key: 'BTCUSDT|long' }] });
    expect(transport.sent[1]?.rows[0]).toHaveProperty('raw');
  });

  it('sends the complete request again when the background asks for it', async () => {
    const { transport, views, client } = await answeredClient();
    client.request(query('65,001'));
    transport.answers[1]?.({ seq: 2, resend: true }); // the worker restarted between the two
    await settle();
    expect(transport.sent[2]).toMatchObject({ seq: 3, base: null });
    expect(transport.sent[2]?.rows[0]).toMatchObject({ raw: { markPrice: '65,001' } });
    transport.answers[2]?.({ seq: 3, view: viewOf('6') });
    await settle();
    expect(views.map((view) => view.status)).toEqual(['ok', 'ok']);
  });

  it('sends the complete request after a failure', async () => {
    const { transport, client } = await answeredClient();
    client.request(query('65,001'));
    transport.failures[1]?.(new Error('estimate port disconnected'));
    await settle();
    client.request(query('65,002'));
    expect(transport.sent[2]).toMatchObject({ seq: 3, base: null });
  });

  it('applies a view update to the view shown: new buffers, unchanged rows kept as they were', async () => {
    const { transport, views, client } = await answeredClient();
    client.request(query('65,001'));
    transport.answers[1]?.({
      seq: 2,
      update: {
        base: 1,
        status: 'ok',
        rows: [],
        figures: [{ key: 'BTCUSDT|long', bufferPercent: '6', bufferPrice: '3900' }],
      },
    });
    await settle();
    expect(views[1]).toEqual({
      ...viewOf('6'),
      rows: [{ ...row('6'), state: { ...row('6').state, bufferPrice: '3900' } }],
    });
    client.request(query('65,002'));
    transport.answers[2]?.({
      seq: 3,
      update: { base: 2, status: 'ok', keys: ['BTCUSDT|long'], rows: [], figures: [] },
    });
    await settle();
    expect(views[2]?.rows[0]).toBe(views[1]?.rows[0]);
  });

  it('treats an update of a view it does not show as a failure, and asks in full next', async () => {
    const { transport, views, client } = await answeredClient();
    client.request(query('65,001'));
    const update = { base: 7, status: 'ok', rows: [], figures: [] };
    transport.answers[1]?.({ seq: 2, update });
    await settle();
    expect(views[1]?.status).toBe('failed');
    client.request(query('65,002'));
    expect(transport.sent[2]).toMatchObject({ base: null });
  });

  it('never throws into the page when the transport throws synchronously', async () => {
    const views: PanelView[] = [];
    const client = createEstimateClient(
      (view) => views.push(view),
      () => {
        throw new Error('Extension context invalidated.');
      },
    );
    expect(() => client.request(query('65,000'))).not.toThrow();
    await settle();
    expect(views[0]?.status).toBe('failed');
  });
});
