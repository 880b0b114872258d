import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alertThresholds,
  BADGE_COLORS,
  badgeFor,
  badgeText,
  EMPTY_BADGE,
  nextAlertLevel,
  stepAlerts,
  type AlertLevel,
  type AlertState,
  type AlertThresholds,
} from '../../core/alerts';
import { Decimal } from '../../core/decimal';
import type { BufferReport } from '../../core/protocol';

function thresholds(warning = '10', danger = '5', rearm = '1'): AlertThresholds {
  const result = alertThresholds(warning, danger, rearm);
  if (result === null) throw new Error('test thresholds must be valid');
  return result;
}

function report(bufferPercent: string | null, key = 'BTCUSDT:long'): BufferReport {
  const [symbol = key, side = 'long'] = key.split(':');
  return { key, symbol, side: side === 'short' ? 'short' : 'long', bufferPercent };
}

/** Feed a sequence of buffers for one position; collect the notification levels fired. */
function run(buffers: readonly (string | null)[], t = thresholds()) {
  let state: AlertState = {};
  const fired: string[] = [];
  let now = 0;
  for (const buffer of buffers) {
    now += 1000;
    const step = stepAlerts(state, [report(buffer)], t, now);
    state = step.state;
    fired.push(...step.notifications.map((n) => `${n.level}@${n.bufferPercent}`));
  }
  return { state, fired };
}

describe('alertThresholds', () => {
  it('accepts plain non-negative decimals', () => {
    const t = alertThresholds('10', '5');
    expect(t?.warningPercent.toFixed()).toBe('10');
    expect(t?.dangerPercent.toFixed()).toBe('5');
    expect(t?.rearmMarginPercent.toFixed()).toBe('1');
  });
  it.each([
    ['', '5'],
    ['ten', '5'],
    ['10', '-5'],
    ['NaN', '5'],
    ['Infinity', '5'],
    ['0x10', '5'],
    ['1e3', '5'],
  ])('returns null for warning %j, danger %j', (warning, danger) => {
    expect(alertThresholds(warning, danger)).toBeNull();
  });
});

describe('nextAlertLevel', () => {
  const t = thresholds();
  it.each<[AlertLevel, string, AlertLevel]>([
    ['none', '12', 'none'],
    ['none', '10', 'none'], // the line itself is not below it
    ['none', '9.99', 'warning'],
    ['none', '4.99', 'danger'],
    ['none', '-3', 'danger'],
    ['warning', '10.5', 'warning'], // inside the hysteresis band: held
    ['warning', '11', 'none'], // recovered to threshold + margin
    ['danger', '5.5', 'danger'],
    ['danger', '6', 'warning'],
    ['danger', '11', 'none'],
    ['warning', '5.5', 'warning'], // a warning is not promoted by the danger band
  ])('from %s at buffer %s → %s', (previous, buffer, expected) => {
    expect(nextAlertLevel(previous, new Decimal(buffer), t)).toBe(expected);
  });
});

describe('stepAlerts', () => {
  it('fires once per crossing, not on every tick near the line', () => {
    const { fired } = run(['12', '9.9', '10.1', '9.8', '10.4', '9.95', '10.9', '9.7']);
    expect(fired).toEqual(['warning@9.9']);
  });

  it('fires again after the buffer recovers past the hysteresis band and falls again', () => {
    const { fired } = run(['12', '9', '11.2', '9.5']);
    expect(fired).toEqual(['warning@9', 'warning@9.5']);
  });

  it('escalates warning → danger once, then re-arms danger only above danger + margin', () => {
    const { fired } = run(['9', '4.9', '5.2', '4.8', '6.5', '4.5']);
    expect(fired).toEqual(['warning@9', 'danger@4.9', 'danger@4.5']);
  });

  it('fires danger directly when the first report is already below the danger line', () => {
    expect(run(['2']).fired).toEqual(['danger@2']);
  });

  it('never fires on a missing estimate and keeps the level it had', () => {
    const { state, fired } = run(['9', null, null, '9.2']);
    expect(fired).toEqual(['warning@9']);
    expect(state['BTCUSDT:long']?.level).toBe('warning');
  });

  it('treats malformed buffer strings as no estimate', () => {
    expect(run(['NaN', 'Infinity', '-Infinity', '1e-9', ' 3', '<b>1</b>']).fired).toEqual([]);
  });

  it('keeps a vanished position for the forget window so a flicker is not a new crossing', () => {
    const t = thresholds();
    let step = stepAlerts({}, [report('4')], t, 0);
    expect(step.notifications).toHaveLength(1);
    step = stepAlerts(step.state, [], t, 500);
    expect(step.badge).toEqual(EMPTY_BADGE);
    step = stepAlerts(step.state, [report('4')], t, 1000);
    expect(step.notifications).toEqual([]);
    // After the forget window the position is gone; a later report is a new position.
    step = stepAlerts(step.state, [], t, 2000);
    step = stepAlerts(step.state, [], t, 2000 + 60_000);
    expect(step.state).toEqual({});
    step = stepAlerts(step.state, [report('4')], t, 70_000);
    expect(step.notifications.map((n) => n.level)).toEqual(['danger']);
  });

  it('tracks positions independently by key and ignores a duplicate key in one report', () => {
    const t = thresholds();
    const step = stepAlerts(
      {},
      [report('8', 'BTCUSDT:long'), report('3', 'ETHUSDT:short'), report('1', 'BTCUSDT:long')],
      t,
      0,
    );
    expect(step.notifications.map((n) => `${n.symbol}/${n.side}/${n.level}`)).toEqual([
      'BTCUSDT/long/warning',
      'ETHUSDT/short/danger',
    ]);
    expect(Object.keys(step.state).sort()).toEqual(['BTCUSDT:long', 'ETHUSDT:short']);
  });

  it('does not mutate the previous state', () => {
    const t = thresholds();
    const first = stepAlerts({}, [report('9')], t, 0);
    const frozen = structuredClone(first.state);
    stepAlerts(first.state, [report('2')], t, 1);
    expect(first.state).toEqual(frozen);
  });

  it('property: for any buffer path, notifications ≤ number of downward threshold crossings', () => {
    const t = thresholds();
    const buffer = fc
      .integer({ min: -500, max: 3000 })
      .map((hundredths) => new Decimal(hundredths).dividedBy(100).toFixed());
    fc.assert(
      fc.property(fc.array(buffer, { maxLength: 60 }), (buffers) => {
        const { fired } = run(buffers, t);
        // A crossing = the buffer moved from ≥ line to < line (or started below it).
        let crossings = 0;
        let last: Decimal | null = null;
        for (const text of buffers) {
          const now = new Decimal(text);
          for (const line of [t.warningPercent, t.dangerPercent]) {
            if (now.lessThan(line) && (last === null || !last.lessThan(line))) crossings += 1;
          }
          last = now;
        }
        expect(fired.length).toBeLessThanOrEqual(crossings);
      }),
      { numRuns: 500 },
    );
  });

  it('property: hovering within ±margin/2 of the warning line fires at most once', () => {
    const t = thresholds('10', '5', '1');
    const hover = fc
      .integer({ min: -49, max: 49 })
      .map((hundredths) => new Decimal(10).plus(new Decimal(hundredths).dividedBy(100)).toFixed());
    fc.assert(
      fc.property(fc.array(hover, { minLength: 1, maxLength: 200 }), (buffers) => {
        expect(run(buffers, t).fired.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('badgeFor', () => {
  const t = thresholds();
  it('shows the smallest buffer, coloured by the worst level', () => {
    const { badge } = stepAlerts(
      {},
      [report('25.7', 'A:long'), report('7.25', 'B:short'), report(null, 'C:long')],
      t,
      0,
    );
    expect(badge).toEqual({
      text: '7.2%',
      color: BADGE_COLORS.warning,
      level: 'warning',
      bufferPercent: '7.25',
    });
  });
  it('is green above the warning line and red below danger', () => {
    expect(stepAlerts({}, [report('42')], t, 0).badge.color).toBe(BADGE_COLORS.none);
    expect(stepAlerts({}, [report('1')], t, 0).badge.color).toBe(BADGE_COLORS.danger);
  });
  it('clears when no position has a buffer', () => {
    expect(badgeFor({})).toEqual(EMPTY_BADGE);
    expect(stepAlerts({}, [report(null)], t, 0).badge).toEqual(EMPTY_BADGE);
  });
});

describe('badgeText', () => {
  it.each([
    ['0', '0.0%'],
    ['4.29', '4.2%'],
    ['9.99', '9.9%'],
    ['10', '10%'],
    ['12.9', '12%'],
    ['999.9', '999%'],
    ['1000', '999+'],
    ['-0.01', '<0%'],
    ['-0', '0.0%'],
  ])('%s → %s', (buffer, text) => {
    expect(badgeText(new Decimal(buffer))).toBe(text);
  });
  it('property: never longer than 4 characters', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(badgeText(new Decimal(value)).length).toBeLessThanOrEqual(4);
      }),
      { numRuns: 500 },
    );
  });
});
