import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PanelView } from '../../components/panel/panel-model';
import {
  parseExtensionMessage,
  type EstimateRequest,
  type EstimateRow,
  type EstimateStatus,
} from '../../core/protocol';
import { createEstimateService } from '../../entrypoints/background/estimate-service';
import {
  createEstimateClient,
  type EstimateQuery,
} from '../../entrypoints/positions.content/estimate-client';

/**
 * The whole round trip, page and background, as the extension runs it: the page's estimate client
 * sends what changed (an update leaves out rows, keys, settings, site label and status equal to its
 * base), the background's service answers what changed in the view (figures of a row, no keys while
 * the order holds), both through JSON as over the port. Whatever the page goes through (rows added,
 * dropped, reordered, reshaped, marks and the wallet moving, settings and status changing, the
 * worker restarting), the view it shows must equal the complete estimate of what it read.
 */

const FORMAT = { decimalSeparator: '.', groupSeparator: ',' } as const;

/** Binance-like positions as the reader returns them: isolated and cross, long and short. */
const POSITIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'BTCUSDT|long': {
    symbol: 'BTCUSDT',
    side: 'long',
    size: '0.500 BTC',
    entryPrice: '64,250.0',
    leverage: '20x',
    marginMode: 'Isolated',
    margin: '1,606.25 USDT',
    liquidationPrice: '61,282.63',
  },
  'ETHUSDT|short': {
    symbol: 'ETHUSDT',
    side: 'short',
    size: '-4.000 ETH',
    entryPrice: '3,120.50',
    leverage: '10x',
    marginMode: 'Isolated',
    margin: '1,248.20 USDT',
    liquidationPrice: '3,420.00',
  },
  'BTCUSDT|short': {
    symbol: 'BTCUSDT',
    side: 'short',
    size: '-0.200 BTC',
    entryPrice: '63,900.0',
    leverage: '10x',
    marginMode: 'Cross',
    margin: '1,278.00 USDT',
    liquidationPrice: '79,500.00',
  },
  'ETHUSDT|long': {
    symbol: 'ETHUSDT',
    side: 'long',
    size: '2.000 ETH',
    entryPrice: '3,000.00',
    leverage: '5x',
    marginMode: 'Cross',
    margin: '1,200.00 USDT',
    liquidationPrice: '--',
  },
};
const KEYS = Object.keys(POSITIONS);
const MARKS: Readonly<Record<string, readonly string[]>> = {
  BTCUSDT: ['65,010.3', '64,000.0', '63,100.5', '66,250.0', '64,250.0'],
  ETHUSDT: ['3,088.42', '3,150.00', '2,990.10', '3,001.00', '3,300.00'],
};

interface Step {
  /** Which positions the page shows, in its order. */
  readonly keys: readonly string[];
  /** Per position: which mark the page shows now. */
  readonly marks: readonly number[];
  /** A position whose margin cell went (sent in full, a problem row). */
  readonly withoutMargin: string | null;
  readonly wallet: string | null;
  readonly lang: 'en' | 'zh';
  readonly tolerancePercent: string;
  readonly status: EstimateStatus;
  readonly siteLabel: string;
  /** The service worker restarts before this step (it holds nothing). */
  readonly restart: boolean;
}

const step: fc.Arbitrary<Step> = fc.record({
  keys: fc.shuffledSubarray(KEYS),
  marks: fc.array(fc.nat(4), { minLength: KEYS.length, maxLength: KEYS.length }),
  withoutMargin: fc.option(fc.constantFrom(...KEYS), { freq: 6 }),
  wallet: fc.option(fc.constantFrom('9,800.00 USDT', '6,400.00 USDT'), { freq: 8 }),
  lang: fc.constantFrom('en' as const, 'en' as const, 'zh' as const),
  tolerancePercent: fc.constantFrom('0.5', '0.5', '2'),
  status: fc.constantFrom<EstimateStatus>('ok', 'ok', 'ok', 'degraded'),
  siteLabel: fc.constantFrom('Binance Futures', 'Binance Futures', '币安合约'),
  restart: fc.constant(false), // decided per step below (rarely)
});

/** The query the page's controller builds for a step (estimate-client.ts EstimateQuery). */
function queryOf(page: Step): EstimateQuery {
  const rows: EstimateRow[] = page.keys.map((key) => {
    const raw = { ...POSITIONS[key] } as Record<string, string>;
    const symbol = raw.symbol ?? '';
    const index = page.marks[KEYS.indexOf(key)] ?? 0;
    raw.markPrice = MARKS[symbol]?.[index] ?? '1';
    if (page.withoutMargin === key) delete raw.margin;
    return {
      key,
      raw,
      problems: [],
      context: {
        venue: 'binance',
        format: FORMAT,
        sizeUnit: 'base',
        ...(page.wallet === null ? {} : { walletBalance: page.wallet }),
      },
    };
  });
  return {
    siteId: 'binance',
    siteLabel: page.siteLabel,
    status: page.status,
    rows,
    settings: { lang: page.lang, tolerancePercent: page.tolerancePercent, feeRates: {} },
  };
}

/** The view a fresh background answers to the complete request of this query. */
function completeView(query: EstimateQuery): PanelView {
  const request: EstimateRequest = {
    type: 'liq-sentinel/estimate',
    seq: 1,
    base: null,
    keys: query.rows.map((row) => row.key),
    ...query,
  };
  const reply = createEstimateService(() => Promise.resolve()).estimate(1, request);
  if (!('view' in reply)) throw new Error('a complete request is answered with a view');
  return reply.view;
}

/** What crossed the port, by shape: the run must have exercised every omission. */
interface Seen {
  updateWithoutKeys: number;
  updateWithKeys: number;
  updateWithSettings: number;
  resend: number;
  replyWithoutKeys: number;
  replyWithKeys: number;
  bufferFigures: number;
  crossFigures: number;
  fullRows: number;
}

const settle = async () => {
  for (let turn = 0; turn < 6; turn += 1) await Promise.resolve();
};

async function runPage(steps: readonly Step[], seen: Seen): Promise<void> {
  let service = createEstimateService(() => Promise.resolve());
  const views: PanelView[] = [];
  const send = (request: EstimateRequest): Promise<unknown> => {
    // Over the port both ways as JSON: absent fields stay absent, undefined never travels.
    const parsed = parseExtensionMessage(JSON.parse(JSON.stringify(request)));
    if (parsed === null || parsed.type !== 'liq-sentinel/estimate') {
      throw new Error(`the background refuses ${JSON.stringify(request)}`);
    }
    if (parsed.base !== null) {
      if (parsed.keys === undefined) seen.updateWithoutKeys += 1;
      else seen.updateWithKeys += 1;
      if (parsed.settings !== undefined) seen.updateWithSettings += 1;
    }
    const reply = service.estimate(3, parsed);
    if ('resend' in reply) seen.resend += 1;
    if ('update' in reply) {
      const { update } = reply;
      if (update.keys === undefined) seen.replyWithoutKeys += 1;
      else seen.replyWithKeys += 1;
      seen.fullRows += update.rows.length;
      for (const figures of update.figures) {
        if ('liquidationPrice' in figures) seen.crossFigures += 1;
        else seen.bufferFigures += 1;
      }
    }
    return Promise.resolve(JSON.parse(JSON.stringify(reply)) as unknown);
  };
  const client = createEstimateClient((view) => views.push(view), send);
  for (const page of steps) {
    if (page.restart) service = createEstimateService(() => Promise.resolve());
    const query = queryOf(page);
    client.request(query);
    await settle();
    expect(views.at(-1)).toEqual(completeView(query));
  }
}

describe('the estimate round trip (page client and background service)', () => {
  it('shows the complete estimate of what the page read after every update, whatever changed', async () => {
    const seen: Seen = {
      updateWithoutKeys: 0,
      updateWithKeys: 0,
      updateWithSettings: 0,
      resend: 0,
      replyWithoutKeys: 0,
      replyWithKeys: 0,
      bufferFigures: 0,
      crossFigures: 0,
      fullRows: 0,
    };
    // Mostly mark ticks on an unchanged page (the common case), sometimes anything else.
    const steps = fc
      .tuple(step, fc.array(fc.tuple(step, fc.nat(9), fc.nat(19)), { maxLength: 25 }))
      .map(([first, rest]) => {
        const pages: Step[] = [{ ...first, restart: false }];
        for (const [next, kind, restart] of rest) {
          const before = pages[pages.length - 1] ?? first;
          // kind < 7: a tick (the marks and perhaps the wallet move, nothing else does)
          const page: Step =
            kind < 7 ? { ...before, marks: next.marks, wallet: next.wallet } : next;
          pages.push({ ...page, restart: restart === 0 });
        }
        return pages;
      });
    await fc.assert(
      fc.asyncProperty(steps, async (pages) => {
        await runPage(pages, seen);
      }),
      { numRuns: 120, seed: 6 },
    );
    // Every omission and every form of reply was exercised.
    for (const [shape, count] of Object.entries(seen)) {
      expect(count, shape).toBeGreaterThan(0);
    }
  });
});
