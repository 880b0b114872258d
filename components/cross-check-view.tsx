/**
 * Our estimate beside the exchange's own liquidation price: the difference, whether it is within
 * the tolerance, and when it is not, the likely reasons (already translated by the caller).
 */
import type { Estimate } from '../core/contract';
import type { Settings } from '../core/settings';
import { t, type Lang } from './i18n/popup-t';
import { NumberText } from './number-text';

export interface CrossCheckViewProps {
  readonly crossCheck: NonNullable<Estimate['crossCheck']>;
  readonly tolerancePercent: string;
  readonly reasons: readonly string[];
  readonly lang: Lang;
  readonly style: Settings['numberFormat'];
}

export function CrossCheckView(props: CrossCheckViewProps) {
  const { crossCheck, lang, style } = props;
  return (
    <div
      class={crossCheck.agrees ? 'cross-check agrees' : 'cross-check differs'}
      data-testid="calc-cross-check"
      data-agrees={String(crossCheck.agrees)}
    >
      <p class="cross-check-verdict" role="status">
        <span aria-hidden="true">{crossCheck.agrees ? '✓ ' : '⚠ '}</span>
        {t(lang, crossCheck.agrees ? 'check.agrees' : 'check.differs', {
          tolerance: props.tolerancePercent,
        })}
      </p>
      <div class="kv">
        <dt>{t(lang, 'check.difference')}</dt>
        <dd>
          <NumberText
            value={crossCheck.differencePercent}
            lang={lang}
            style={style}
            maxFractionDigits={3}
            sign
            unit="%"
            testId="calc-diff"
          />
        </dd>
      </div>
      {crossCheck.agrees || props.reasons.length === 0 ? null : (
        <div class="cross-check-reasons">
          <h4>{t(lang, 'check.reasonsTitle')}</h4>
          <ul>
            {props.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
