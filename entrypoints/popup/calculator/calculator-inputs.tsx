/**
 * The calculator's input sections, in the order a trader reads a position: what it is, its size and
 * prices, what backs it, how maintenance is set, then fees and the rest. Tab order follows this.
 */
import type { Product } from '../../../core/contract';
import type { Lang } from '../../../components/i18n/popup-t';
import { t } from '../../../components/i18n/popup-t';
import { NumberField } from '../../../components/number-field';
import { Section } from '../../../components/section';
import { Segmented } from '../../../components/segmented';
import { SelectField } from '../../../components/select-field';
import { FIELD_TEST_IDS, fieldLabelKey } from './field-meta';
import type { CalculatorForm, TextField } from './form';
import type { VenueOption } from './venue-options';

export interface CalculatorInputsProps {
  readonly form: CalculatorForm;
  readonly update: (patch: Partial<CalculatorForm>) => void;
  readonly lang: Lang;
  /** field → translated problem, for the fields that have one. */
  readonly fieldErrors: Readonly<Partial<Record<string, string>>>;
  readonly requiredFields: ReadonlySet<TextField>;
  readonly venues: readonly VenueOption[];
  /** The fee rate that applies from settings for the chosen venue, shown as the placeholder. */
  readonly settingsFeeRate: string | undefined;
}

export function CalculatorInputs(props: CalculatorInputsProps) {
  const { form, update, lang } = props;
  const cross = form.marginMode === 'cross';
  const numberField = (field: TextField, extra: { placeholder?: string; unit?: string } = {}) => {
    const labelKey = fieldLabelKey(field, form.product, cross);
    const hint = t(lang, `${labelKey}.hint`);
    const error = props.fieldErrors[field];
    return (
      <NumberField
        id={`calc-${field}`}
        label={t(lang, labelKey)}
        value={form[field]}
        onInput={(text) => {
          update({ [field]: text });
        }}
        testId={FIELD_TEST_IDS[field]}
        required={props.requiredFields.has(field)}
        // A missing translation shows the key itself: treat that as "no hint".
        {...(hint === `${labelKey}.hint` ? {} : { hint })}
        {...(error === undefined ? {} : { error })}
        {...extra}
      />
    );
  };
  const products: readonly Product[] = ['linear', 'inverse', 'futures'];
  const advancedFilled = [form.closeFeeRate, form.liquidationThreshold, form.closeFeeBasis].some(
    (value) => value !== '',
  );

  return (
    <div class="calc-inputs">
      <Section title={t(lang, 'section.position')} open testId="calc-section-position">
        <div class="row3">
          <SelectField
            id="calc-product-select"
            label={t(lang, 'field.product')}
            value={form.product}
            options={products.map((product) => ({
              value: product,
              label: t(lang, `product.${product}`),
            }))}
            onChange={(product) => {
              update({ product });
            }}
            testId="calc-product"
          />
          <SelectField
            id="calc-margin-mode-select"
            label={t(lang, 'field.marginMode')}
            value={form.marginMode}
            options={[
              { value: 'isolated', label: t(lang, 'marginMode.isolated') },
              { value: 'cross', label: t(lang, 'marginMode.cross') },
            ]}
            onChange={(marginMode) => {
              update({ marginMode });
            }}
            testId="calc-margin-mode"
          />
          <SelectField
            id="calc-side-select"
            label={t(lang, 'field.side')}
            value={form.side}
            options={[
              { value: 'long', label: t(lang, 'side.long') },
              { value: 'short', label: t(lang, 'side.short') },
            ]}
            onChange={(side) => {
              update({ side });
            }}
            testId="calc-side"
          />
        </div>
        <div class="row2">
          {numberField('quantity')}
          {numberField('contractSize', form.product === 'linear' ? { placeholder: '1' } : {})}
        </div>
        <div class="row2">
          {numberField('entryPrice')}
          {numberField('markPrice')}
        </div>
      </Section>

      <Section title={t(lang, 'section.margin')} open testId="calc-section-margin">
        {cross ? null : (
          <Segmented
            name="calc-margin-source"
            legend={t(lang, 'field.marginSource')}
            value={form.marginSource}
            options={[
              { value: 'margin', label: t(lang, 'marginSource.margin') },
              { value: 'leverage', label: t(lang, 'marginSource.leverage') },
            ]}
            onChange={(marginSource) => {
              update({ marginSource });
            }}
            testId="calc-margin-source"
          />
        )}
        {cross || form.marginSource === 'margin'
          ? numberField('margin')
          : numberField('leverage', { unit: '×' })}
        {cross ? (
          <div class="row2">
            {numberField('otherMaintenanceMargin')}
            {numberField('otherUnrealizedPnl')}
          </div>
        ) : null}
      </Section>

      <Section title={t(lang, 'section.maintenance')} open testId="calc-section-maintenance">
        <Segmented
          name="calc-maintenance-source"
          legend={t(lang, 'field.maintenanceSource')}
          value={form.maintenanceSource}
          options={[
            { value: 'rate', label: t(lang, 'maintenanceSource.rate') },
            { value: 'fixed', label: t(lang, 'maintenanceSource.fixed') },
            { value: 'preset', label: t(lang, 'maintenanceSource.preset') },
          ]}
          onChange={(maintenanceSource) => {
            update({ maintenanceSource });
          }}
          testId="calc-maintenance-source"
        />
        {form.maintenanceSource === 'rate' ? (
          <div class="row2">
            {numberField('maintenanceMarginRate')}
            {numberField('maintenanceAmount', { placeholder: '0' })}
          </div>
        ) : null}
        {form.maintenanceSource === 'fixed' ? numberField('maintenanceMargin') : null}
        <div class="row2">
          <SelectField
            id="calc-venue-select"
            label={t(
              lang,
              form.maintenanceSource === 'preset' ? 'field.venue' : 'field.venueOptional',
            )}
            value={form.venue}
            options={[
              { value: '', label: t(lang, 'venue.none') },
              ...props.venues.map((venue) => ({ value: venue.id, label: venue.label })),
            ]}
            onChange={(venue) => {
              update({ venue });
            }}
            testId="calc-venue"
            {...(props.fieldErrors.venue === undefined ? {} : { hint: props.fieldErrors.venue })}
          />
          {form.maintenanceSource === 'preset' ? (
            <div class={props.fieldErrors.symbol === undefined ? 'field' : 'field field-invalid'}>
              <label for="calc-symbol">
                {t(lang, 'field.symbol')}
                <span class="required" aria-hidden="true">
                  {' *'}
                </span>
              </label>
              <input
                id="calc-symbol"
                type="text"
                autoComplete="off"
                spellcheck={false}
                value={form.symbol}
                placeholder="BTCUSDT"
                list="calc-symbol-list"
                data-testid="calc-symbol"
                aria-required="true"
                aria-invalid={props.fieldErrors.symbol === undefined ? undefined : 'true'}
                aria-describedby={
                  props.fieldErrors.symbol === undefined ? undefined : 'calc-symbol-error'
                }
                onInput={(event) => {
                  update({ symbol: event.currentTarget.value });
                }}
              />
              <datalist id="calc-symbol-list">
                {(props.venues.find((venue) => venue.id === form.venue)?.symbols ?? []).map(
                  (symbol) => (
                    <option key={symbol} value={symbol} />
                  ),
                )}
              </datalist>
              {props.fieldErrors.symbol === undefined ? null : (
                <p class="field-error" id="calc-symbol-error">
                  {props.fieldErrors.symbol}
                </p>
              )}
            </div>
          ) : (
            <SelectField
              id="calc-maintenance-basis-select"
              label={t(lang, 'field.maintenanceBasis')}
              value={form.maintenanceBasis}
              options={[
                { value: '', label: t(lang, 'basis.auto') },
                { value: 'mark', label: t(lang, 'basis.mark') },
                { value: 'entry', label: t(lang, 'basis.entry') },
              ]}
              onChange={(maintenanceBasis) => {
                update({ maintenanceBasis });
              }}
              testId="calc-maintenance-basis"
            />
          )}
        </div>
      </Section>

      <Section title={t(lang, 'section.fees')} open={advancedFilled} testId="calc-section-fees">
        <div class="row2">
          {numberField(
            'closeFeeRate',
            props.settingsFeeRate === undefined ? {} : { placeholder: props.settingsFeeRate },
          )}
          <SelectField
            id="calc-close-fee-basis-select"
            label={t(lang, 'field.closeFeeBasis')}
            value={form.closeFeeBasis}
            options={[
              { value: '', label: t(lang, 'basis.auto') },
              { value: 'liquidation', label: t(lang, 'feeBasis.liquidation') },
              { value: 'bankruptcy', label: t(lang, 'feeBasis.bankruptcy') },
            ]}
            onChange={(closeFeeBasis) => {
              update({ closeFeeBasis });
            }}
            testId="calc-close-fee-basis"
          />
        </div>
        {numberField('liquidationThreshold', { placeholder: '1' })}
      </Section>
    </div>
  );
}
