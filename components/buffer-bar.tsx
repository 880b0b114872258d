/**
 * A small bar showing how much room a position has before liquidation. The fill spans 0 → twice the
 * warning level, so the warning threshold sits in the middle. The level is also written as text:
 * colour is never the only signal (WCAG 1.4.1).
 */
import type { Settings } from '../core/settings';
import { bufferFill, bufferLevel } from './buffer-level';
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
          style={{
            width: `${(bufferFill(props.percent, props.warningPercent) * 100).toFixed(1)}%`,
          }}
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
