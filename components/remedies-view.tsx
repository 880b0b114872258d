/** What would bring the buffer to the target: add margin, lower leverage, or close part of the position. */
import type { Remedies } from '../core/contract';
import { Decimal } from '../core/decimal';
import type { Settings } from '../core/settings';
import { t, type Lang } from './i18n/popup-t';
import { NumberText } from './number-text';

export interface RemediesViewProps {
  readonly remedies: Remedies;
  readonly lang: Lang;
  readonly style: Settings['numberFormat'];
  /** Unit of the margin (settlement asset), e.g. "USDT", or "" when unknown. */
  readonly marginUnit?: string;
}

export function RemediesView(props: RemediesViewProps) {
  const { remedies, lang, style } = props;
  const row = (key: string, value: string | null, testId: string, unit?: string) => (
    <div class="kv" data-testid={testId}>
      <dt>{t(lang, key)}</dt>
      <dd>
        {value === null ? (
          <span class="muted">{t(lang, 'remedies.notReachable')}</span>
        ) : (
          <NumberText
            value={value}
            lang={lang}
            style={style}
            maxFractionDigits={4}
            {...(unit === undefined || unit === '' ? {} : { unit })}
          />
        )}
      </dd>
    </div>
  );
  // addMargin "0" means the target is already met (core/contract.ts Remedies).
  if (remedies.addMargin !== null && new Decimal(remedies.addMargin).isZero()) {
    return (
      <p class="remedies remedies-met" data-testid="calc-remedies" data-met="true">
        {t(lang, 'remedies.met', { percent: remedies.targetBufferPercent })}
      </p>
    );
  }
  return (
    <div class="remedies" data-testid="calc-remedies">
      <p class="muted">{t(lang, 'remedies.intro', { percent: remedies.targetBufferPercent })}</p>
      <dl class="kv-list">
        {row('remedies.addMargin', remedies.addMargin, 'calc-remedy-add-margin', props.marginUnit)}
        {row('remedies.maxLeverage', remedies.maxLeverage, 'calc-remedy-leverage', '×')}
        {row('remedies.reduceQuantity', remedies.reduceQuantity, 'calc-remedy-reduce')}
      </dl>
    </div>
  );
}
