import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createBuffersReporter,
  REPORT_INTERVAL_MS,
} from '../../entrypoints/positions.content/buffers-reporter';
import type { BufferReport, BuffersMessage } from '../../core/protocol';

function report(bufferPercent: string | null, key = 'BTCUSDT|long'): BufferReport[] {
  return [{ key, symbol: 'BTCUSDT', side: 'long', bufferPercent }];
}

describe('createBuffersReporter', () => {
  let sent: BuffersMessage[];
  const send = (message: BuffersMessage) => {
    sent.push(message);
    return Promise.resolve();
  };

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first report at once, tagged with the site id', () => {
    const reporter = createBuffersReporter('binance', send, () => Date.now());
    reporter.report(report('12.5'));
    expect(sent).toEqual([
      { type: 'liq-sentinel/buffers', siteId: 'binance', positions: report('12.5') },
    ]);
  });

  it('sends at most once per second and then only the latest buffers', () => {
    const reporter = createBuffersReporter('binance', send, () => Date.now());
    reporter.report(report('12.5'));
    reporter.report(report('12.4'));
    reporter.report(report('12.3'));
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(REPORT_INTERVAL_MS - 1);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent.map((message) => message.positions[0]?.bufferPercent)).toEqual(['12.5', '12.3']);
  });

  it('sends nothing when the buffers did not change', () => {
    const reporter = createBuffersReporter('binance', send, () => Date.now());
    reporter.report(report('12.5'));
    vi.advanceTimersByTime(5000);
    reporter.report(report('12.5'));
    vi.advanceTimersByTime(5000);
    expect(sent).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends an empty list when the panel goes away, and swallows send failures', async () => {
    const failing = vi.fn((message: BuffersMessage) => {
      sent.push(message);
      return Promise.reject(
        new Error('Could not establish connection. Receiving end does not exist.'),
      );
    });
    const reporter = createBuffersReporter('okx', failing, () => Date.now());
    reporter.report(report('3'));
    reporter.clear();
    await vi.runAllTimersAsync();
    expect(sent.map((message) => message.positions)).toEqual([report('3'), []]);
  });
});
