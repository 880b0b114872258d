/**
 * Everything below the headline once an estimate exists: the price ladder, the remedies and the explain view, each in its own collapsible section.
 */
import type { Estimate, PositionInput } from '../../../core/contract';
import type { Settings } from '../../../core/settings';
import { ExplainView } from '../../../components/explain-view';
import { t, type Lang } from '../../../components/i18n/popup-t';
import { PriceLadder } from '../../../components/price-ladder';
import { RemediesView } from '../../../components/remedies-view';
import { Section } from '../../../components/section';

export interface CalculatorResultsProps {
  readonly estimate: Estimate;
  readonly input: PositionInput;
  readonly settings: Settings;
  readonly lang: Lang;
}

export function CalculatorResults(props: CalculatorResultsProps) {
  const { estimate, input, settings, lang } = props;
  const style = settings.numberFormat;
  return (
    <div class="calc-results">
      {estimate.liquidationPrice === null ? null : (
        <Section title={t(lang, 'section.ladder')} open testId="calc-section-ladder">
          <PriceLadder
            side={input.side}
            liquidationPrice={estimate.liquidationPrice}
            bankruptcyPrice={estimate.bankruptcyPrice}
            entryPrice={input.entryPrice}
            {...(input.markPrice === undefined ? {} : { markPrice: input.markPrice })}
            warningPercent={settings.warningBufferPercent}
            dangerPercent={settings.dangerBufferPercent}
            lang={lang}
            style={style}
          />
        </Section>
      )}
      {estimate.remedies === undefined ? null : (
        <Section title={t(lang, 'section.remedies')} open testId="calc-section-remedies">
          <RemediesView remedies={estimate.remedies} lang={lang} style={style} />
        </Section>
      )}
      <Section title={t(lang, 'section.explain')} testId="calc-section-explain">
        <ExplainView estimate={estimate} lang={lang} style={style} />
      </Section>
    </div>
  );
}
