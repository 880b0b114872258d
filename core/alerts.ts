/**
 * Alert state machine for liquidation buffers (issue 5.1). Pure: state in, state out, time passed in.
 *
 * Per position key the level is none | warning | danger. A level is entered as soon as the buffer is
 * below its threshold, and left only when the buffer has recovered to threshold + rearmMarginPercent
 * (hysteresis): a mark price hovering at the line therefore fires once, not on every tick.
 * A notification fires only when a position's level rises (none → warning, none/warning → danger).
 *
 * A position missing from a report is remembered for `forgetAfterMs` before its state is dropped, so
 * a row that vanishes and reappears (page re-render, flicker) does not count as a new crossing.
 */
import { Decimal } from './decimal';
import type { BufferReport } from './protocol';

export const ALERT_LEVELS = ['none', 'warning', 'danger'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

const LEVEL_RANK: Readonly<Record<AlertLevel, number>> = { none: 0, warning: 1, danger: 2 };

export interface AlertThresholds {
  /** Buffer (percent of mark) below which a position is in warning. */
  readonly warningPercent: Decimal;
  /** Buffer below which a position is in danger. */
  readonly dangerPercent: Decimal;
  /** Recovery needed above a threshold before that level is left and can fire again. */
  readonly rearmMarginPercent: Decimal;
}

/** Default hysteresis band in percentage points of buffer: one point above the line re-arms. */
export const DEFAULT_REARM_MARGIN_PERCENT = '1';
/** How long a vanished position's level is remembered. */
export const DEFAULT_FORGET_AFTER_MS = 60_000;

export interface PositionAlertState {
  readonly level: AlertLevel;
  readonly symbol: string;
  readonly side: 'long' | 'short';
  /** Last known buffer (plain decimal string) or null when the panel had no estimate. */
  readonly bufferPercent: string | null;
  /** null while the position is reported; the time (ms) it was last seen once it vanished. */
  readonly missingSinceMs: number | null;
}

/** State for one tab: position key → state. */
export type AlertState = Readonly<Record<string, PositionAlertState>>;

export interface AlertNotification {
  readonly key: string;
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly level: 'warning' | 'danger';
  readonly bufferPercent: string;
}

export const BADGE_COLORS: Readonly<Record<AlertLevel, string>> = {
  none: '#188038', // green: every buffer above the warning line
  warning: '#e37400', // amber
  danger: '#c5221f', // red
};

export interface Badge {
  /** At most 4 characters (what the toolbar shows); "" clears the badge. */
  readonly text: string;
  readonly color: string;
  readonly level: AlertLevel;
  /** The smallest buffer it shows, as a plain decimal string; null when the badge is cleared. */
  readonly bufferPercent: string | null;
}

export const EMPTY_BADGE: Badge = {
  text: '',
  color: BADGE_COLORS.none,
  level: 'none',
  bufferPercent: null,
};

export interface AlertStep {
  readonly state: AlertState;
  readonly notifications: readonly AlertNotification[];
  readonly badge: Badge;
}

// A plain decimal as the core writes it (no exponent, no NaN/Infinity, no hex): messages are
// untrusted, so anything else is treated as "no estimate".
const PLAIN_DECIMAL = /^-?\d{1,30}(\.\d{1,30})?$/;

function toDecimal(text: string | null): Decimal | null {
  if (text === null || !PLAIN_DECIMAL.test(text)) return null;
  return new Decimal(text);
}

/**
 * Build thresholds from the settings' strings.
 * @param warningPercent settings.warningBufferPercent, e.g. "10"
 * @param dangerPercent settings.dangerBufferPercent, e.g. "5"
 * @param rearmMarginPercent hysteresis band, default DEFAULT_REARM_MARGIN_PERCENT
 * @returns the thresholds, or null when a value is not a non-negative plain decimal
 */
export function alertThresholds(
  warningPercent: string,
  dangerPercent: string,
  rearmMarginPercent: string = DEFAULT_REARM_MARGIN_PERCENT,
): AlertThresholds | null {
  const warning = toDecimal(warningPercent);
  const danger = toDecimal(dangerPercent);
  const rearm = toDecimal(rearmMarginPercent);
  if (warning === null || danger === null || rearm === null) return null;
  if (warning.isNegative() || danger.isNegative() || rearm.isNegative()) return null;
  return { warningPercent: warning, dangerPercent: danger, rearmMarginPercent: rearm };
}

/**
 * The level for a buffer, given the level held before (hysteresis).
 * Entering: buffer < threshold. Leaving: buffer ≥ threshold + rearm margin.
 * @returns the new level
 */
export function nextAlertLevel(
  previous: AlertLevel,
  bufferPercent: Decimal,
  thresholds: AlertThresholds,
): AlertLevel {
  const { warningPercent, dangerPercent, rearmMarginPercent } = thresholds;
  const holds = (threshold: Decimal, level: AlertLevel): boolean =>
    bufferPercent.lessThan(threshold) ||
    (LEVEL_RANK[previous] >= LEVEL_RANK[level] &&
      bufferPercent.lessThan(threshold.plus(rearmMarginPercent)));
  if (holds(dangerPercent, 'danger')) return 'danger';
  if (holds(warningPercent, 'warning')) return 'warning';
  return 'none';
}

/**
 * Advance one tab's alert state with a fresh report from its panel.
 * @param previous the tab's state before this report ({} for a new tab)
 * @param positions the panel's current positions (BuffersMessage.positions)
 * @param thresholds from alertThresholds()
 * @param nowMs current time in ms (passed in: the module has no clock)
 * @param forgetAfterMs how long a vanished position's level is kept
 * @returns the new state, the notifications to fire (level rises only) and the tab's badge
 */
export function stepAlerts(
  previous: AlertState,
  positions: readonly BufferReport[],
  thresholds: AlertThresholds,
  nowMs: number,
  forgetAfterMs: number = DEFAULT_FORGET_AFTER_MS,
): AlertStep {
  const state: Record<string, PositionAlertState> = {};
  const notifications: AlertNotification[] = [];
  for (const position of positions) {
    // A duplicate key in one report: the first row wins; a page listing a row twice must not double-fire.
    if (Object.hasOwn(state, position.key)) continue;
    const before = Object.hasOwn(previous, position.key) ? previous[position.key] : undefined;
    const previousLevel: AlertLevel = before?.level ?? 'none';
    const buffer = toDecimal(position.bufferPercent);
    // No estimate (a field could not be read): keep the level we had; never alert on a guess.
    const level =
      buffer === null ? previousLevel : nextAlertLevel(previousLevel, buffer, thresholds);
    state[position.key] = {
      level,
      symbol: position.symbol,
      side: position.side,
      bufferPercent: buffer === null ? null : buffer.toFixed(),
      missingSinceMs: null,
    };
    if (buffer !== null && level !== 'none' && LEVEL_RANK[level] > LEVEL_RANK[previousLevel]) {
      notifications.push({
        key: position.key,
        symbol: position.symbol,
        side: position.side,
        level,
        bufferPercent: buffer.toFixed(),
      });
    }
  }
  for (const [key, before] of Object.entries(previous)) {
    if (Object.hasOwn(state, key)) continue;
    const missingSinceMs = before.missingSinceMs ?? nowMs;
    if (nowMs - missingSinceMs < forgetAfterMs) state[key] = { ...before, missingSinceMs };
  }
  return { state, notifications, badge: badgeFor(state) };
}

/**
 * The badge for a tab: the smallest buffer among its currently reported positions, coloured by the
 * worst level held (which follows the hysteresis, so colour and notifications agree).
 * @returns EMPTY_BADGE when no reported position has a buffer
 */
export function badgeFor(state: AlertState): Badge {
  let smallest: Decimal | null = null;
  let worst: AlertLevel = 'none';
  for (const position of Object.values(state)) {
    if (position.missingSinceMs !== null) continue;
    const buffer = toDecimal(position.bufferPercent);
    if (buffer === null) continue;
    if (smallest === null || buffer.lessThan(smallest)) smallest = buffer;
    if (LEVEL_RANK[position.level] > LEVEL_RANK[worst]) worst = position.level;
  }
  if (smallest === null) return EMPTY_BADGE;
  return {
    text: badgeText(smallest),
    color: BADGE_COLORS[worst],
    level: worst,
    bufferPercent: smallest.toFixed(),
  };
}

/**
 * Fit a buffer percent into the toolbar badge (4 characters): "4.2%", "12%", "999+", "<0%".
 * Rounded toward zero so the badge never shows more room than there is.
 */
export function badgeText(bufferPercent: Decimal): string {
  if (bufferPercent.isNegative() && !bufferPercent.isZero()) return '<0%';
  if (bufferPercent.lessThan(10))
    return `${bufferPercent.toDecimalPlaces(1, Decimal.ROUND_DOWN).toFixed(1)}%`;
  if (bufferPercent.lessThan(1000))
    return `${bufferPercent.toDecimalPlaces(0, Decimal.ROUND_DOWN).toFixed(0)}%`;
  return '999+';
}
