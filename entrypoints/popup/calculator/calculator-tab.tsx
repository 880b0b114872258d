/**
 * The manual calculator: inputs on the left of the reader's attention, the headline result pinned
 * at the top, details below. Results follow every keystroke; no result shows while any input is
 * invalid (design.md §5: calc-error instead of calc-liq-price).
 */
import { useMemo } from 'preact/hooks';
import type { CoreError } from '../../../core/contract';
import { formatError } from '../../../core/messages';
import type { Settings } from '../../../core/settings';
import { CrossCheckView } from '../../../components/cross-check-view';
import { t, type Lang } from '../../../components/i18n/popup-t';
import { NumberField } from '../../../components/number-field';
import { ResultSummary } from '../../../components/result-summary';
import { Section } from '../../../components/section';
import { CalculatorInputs } from './calculator-inputs';
import { CalculatorResults } from './calculator-results';
import { FIELD_TEST_IDS, fieldLabelKey } from './field-meta';
import { EMPTY_FORM, type TextField } from './form';
import { activeNumberFields, readCalculatorForm } from './form-to-input';
import { likelyReasonKeys } from './likely-reasons';
import { INTERNAL_ERROR_CODE, runEstimate } from './run-estimate';
import { useCalculatorForm } from './use-calculator-form';
import { VENUE_OPTIONS } from './venue-options';

export interface CalculatorTabProps {
  readonly settings: Settings;
  readonly lang: Lang;
}

/** Fields the inputs render themselves; a core error on any other field is listed at the top. */
const SHOWN_FIELDS: ReadonlySet<string> = new Set([...Object.keys(FIELD_TEST_IDS)]);

export function CalculatorTab({ settings, lang }: CalculatorTabProps) {
  const { form, update, prefilledFrom } = useCalculatorForm();
  const reading = useMemo(
    () => (form === null ? null : readCalculatorForm(form, settings)),
    [form, settings],
  );
  const outcome = useMemo(
    () => (reading?.status === 'ready' ? runEstimate(reading.input, settings) : null),
    [reading, settings],
  );
  if (form === null || reading === null) return <p class="loading">{t(lang, 'app.loading')}</p>;

  const fieldErrors: Partial<Record<string, string>> = {};
  const generalErrors: string[] = [];
  if (reading.status === 'invalid') {
    for (const problem of reading.problems)
      fieldErrors[problem.field] = t(lang, `formError.${problem.reason}`);
  }
  const coreErrors: readonly CoreError[] = outcome !== null && !outcome.ok ? outcome.errors : [];
  for (const error of coreErrors) {
    const message =
      error.code === INTERNAL_ERROR_CODE ? t(lang, 'formError.internal') : formatError(error, lang);
    if (
      error.field !== null &&
      SHOWN_FIELDS.has(error.field) &&
      fieldErrors[error.field] === undefined
    ) {
      fieldErrors[error.field] = message;
    } else generalErrors.push(message);
  }
  const errorMessages = [
    ...Object.entries(fieldErrors).map(
      ([field, message]) =>
        `${t(lang, fieldLabelKey(field as TextField, form.product, form.marginMode === 'cross'))}: ${message ?? ''}`,
    ),
    ...generalErrors,
  ];
  const requiredFields = new Set(
    activeNumberFields(form)
      .filter((entry) => entry.required)
      .map((entry) => entry.field),
  );
  const estimate = outcome?.ok === true ? outcome.estimate : null;
  const input = reading.status === 'ready' ? reading.input : null;
  const settingsFeeRate = form.venue === '' ? undefined : settings.feeRates[form.venue];
  const venueFee = VENUE_OPTIONS.find((venue) => venue.id === form.venue)?.takerFeeRates[
    form.product
  ];

  return (
    <div class="calculator">
      <div class="result-pane">
        {prefilledFrom === null ? null : (
          <p class="notice" data-testid="calc-prefilled">
            {t(lang, 'calc.prefilled', { symbol: prefilledFrom.symbol, site: prefilledFrom.site })}
          </p>
        )}
        {errorMessages.length > 0 ? (
          <div class="calc-error" role="alert" data-testid="calc-error">
            <p class="calc-error-title">{t(lang, 'calc.errorTitle')}</p>
            <ul>
              {errorMessages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        ) : estimate !== null ? (
          <ResultSummary
            estimate={estimate}
            lang={lang}
            style={settings.numberFormat}
            warningPercent={settings.warningBufferPercent}
            dangerPercent={settings.dangerBufferPercent}
            marginUnit=""
          />
        ) : (
          <div class="calc-incomplete" data-testid="calc-incomplete">
            <p class="calc-incomplete-title">{t(lang, 'calc.incompleteTitle')}</p>
            <p class="muted">
              {t(lang, 'calc.incompleteList', {
                fields:
                  reading.status === 'incomplete'
                    ? reading.missing
                        .map((field) =>
                          t(lang, fieldLabelKey(field, form.product, form.marginMode === 'cross')),
                        )
                        .join(t(lang, 'list.separator'))
                    : '',
              })}
            </p>
          </div>
        )}
      </div>

      <div class="toolbar">
        <button
          type="button"
          class="link-button"
          data-testid="calc-reset"
          onClick={() => {
            update(EMPTY_FORM);
          }}
        >
          {t(lang, 'calc.reset')}
        </button>
      </div>
      <CalculatorInputs
        form={form}
        update={update}
        lang={lang}
        fieldErrors={fieldErrors}
        requiredFields={requiredFields}
        venues={VENUE_OPTIONS}
        settingsFeeRate={settingsFeeRate ?? venueFee}
      />

      <Section title={t(lang, 'section.check')} open testId="calc-section-check">
        <NumberField
          id="calc-platformLiquidationPrice"
          label={t(lang, 'field.platformLiquidationPrice')}
          hint={t(lang, 'field.platformLiquidationPrice.hint')}
          value={form.platformLiquidationPrice}
          onInput={(text) => {
            update({ platformLiquidationPrice: text });
          }}
          testId={FIELD_TEST_IDS.platformLiquidationPrice}
          {...(fieldErrors.platformLiquidationPrice === undefined
            ? {}
            : { error: fieldErrors.platformLiquidationPrice })}
        />
        {estimate?.crossCheck === undefined || input === null ? null : (
          <CrossCheckView
            crossCheck={estimate.crossCheck}
            tolerancePercent={settings.tolerancePercent}
            reasons={likelyReasonKeys(input, estimate.tier !== undefined).map((key) =>
              t(lang, key),
            )}
            lang={lang}
            style={settings.numberFormat}
          />
        )}
      </Section>

      {estimate === null || input === null || errorMessages.length > 0 ? null : (
        <CalculatorResults estimate={estimate} input={input} settings={settings} lang={lang} />
      )}
    </div>
  );
}
