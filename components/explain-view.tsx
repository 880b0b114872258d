/**
 * The explain view: each step of the core's computation with the user's numbers substituted,
 * the tier chosen and why, and the venue conventions that were applied.
 */
import type { Estimate } from '../core/contract';
import type { Settings } from '../core/settings';
import { formatDecimal } from './format-number';
import { t, type Lang } from './i18n/popup-t';
import { NumberText } from './number-text';

export interface ExplainViewProps {
  readonly estimate: Estimate;
  readonly lang: Lang;
  readonly style: Settings['numberFormat'];
}

export function ExplainView(props: ExplainViewProps) {
  const { estimate, lang, style } = props;
  const steps = estimate.steps ?? [];
  const tier = estimate.tier;
  const conventions = estimate.conventions ?? [];
  const format = (value: string) => formatDecimal(value, { lang, style });
  return (
    <div class="explain" data-testid="calc-explain">
      {steps.length === 0 ? <p class="muted">{t(lang, 'explain.noSteps')}</p> : null}
      <ol class="explain-steps">
        {steps.map((step, index) => (
          <li key={index} class="explain-step">
            <div class="explain-label">{step.label[lang]}</div>
            <code class="explain-formula">{step.formula}</code>
            <code class="explain-substituted">{step.substituted}</code>
            {step.result === null ? null : (
              <div class="explain-result">
                = <NumberText value={step.result} lang={lang} style={style} />
              </div>
            )}
          </li>
        ))}
      </ol>
      {tier === undefined ? null : (
        <div class="explain-block" data-testid="calc-explain-tier">
          <h4>{t(lang, 'explain.tier')}</h4>
          <p>
            {t(lang, tier.notionalCap === null ? 'explain.tierWhyOpen' : 'explain.tierWhy', {
              tier: String(tier.index + 1),
              notional: format(tier.notionalAtLiquidation),
              floor: format(tier.notionalFloor),
              cap: tier.notionalCap === null ? '' : format(tier.notionalCap),
            })}
          </p>
          <p>
            {t(lang, 'explain.tierRates', {
              rate: format(tier.maintenanceMarginRate),
              amount: format(tier.maintenanceAmount),
            })}
          </p>
        </div>
      )}
      {conventions.length === 0 ? null : (
        <div class="explain-block" data-testid="calc-explain-conventions">
          <h4>{t(lang, 'explain.conventions')}</h4>
          <ul>
            {conventions.map((convention) => (
              <li key={convention}>{convention}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
