/**
 * A small bar showing how much room a position has before liquidation. The fill spans 0 → twice the
 * warning level, so the warning threshold sits in the middle. The level is also written as text:
 * colour is never the only signal (WCAG 1.4.1).
 */
import { plainDecimalOf } from '../core/parse-number';
import type { Settings } from '../core/settings';
import { bufferLevel } from './buffer-level';
import { formatDecimal } from './format-number';
import type { Lang } from './i18n/lookup';
import { t } from './i18n/shared';

export interface BufferBarProps {
  /** Buffer in percent of mark (positive = safe side). */
  readonly percent: string;
  readonly warningPercent: string;
  readonly dangerPercent: string;
  readonly lang?: Lang;
  /** Number format for the tooltip figure. */
  readonly style?: Settings['numberFormat'];
  readonly testId?: string;
}

/** Width of the fill as a CSS percentage string, clamped to [0, 100]. */
function fillWidth(percent: string, warningPercent: string): string {
  const buffer = plainDecimalOf(percent);
  const warning = plainDecimalOf(warningPercent);
  if (buffer === null || warning === null) return '0';
  // A bar's width is a picture, not a figure: float arithmetic on the exactly parsed strings is
  // precise enough for one decimal of a CSS percentage and keeps decimal.js out of the page.
  // eslint-disable-next-line no-restricted-syntax
  const scale = Number(warning) * 2;
  if (!(scale > 0)) return '0';
  // eslint-disable-next-line no-restricted-syntax
  const width = Math.min(Math.max((Number(buffer) / scale) * 100, 0), 100);
  return width.toFixed(1);
}

export function BufferBar(props: BufferBarProps) {
  const lang = props.lang ?? 'en';
  const level = bufferLevel(props.percent, props.warningPercent, props.dangerPercent);
  const label = t(lang, `buffer.level.${level}`);
  return (
    <div class={`buffer-bar buffer-${level}`} data-testid={props.testId} data-level={level}>
      {/* The track is decoration; the label below carries the same information as text. */}
      <div
        class="buffer-track"
        aria-hidden="true"
        title={`${formatDecimal(props.percent, { lang, style: props.style ?? 'auto', maxFractionDigits: 2 })} %`}
      >
        <div
          class="buffer-fill"
          style={{ width: `${fillWidth(props.percent, props.warningPercent)}%` }}
        />
        <div class="buffer-mark" style={{ left: '50%' }} title={t(lang, 'buffer.level.warning')} />
      </div>
      <span class="buffer-label">
        <span class="buffer-dot" aria-hidden="true" />
        {t(lang, 'buffer.label')}: {label}
      </span>
    </div>
  );
}
