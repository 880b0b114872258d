/**
 * The settings tab. Every change is saved at once (no save button); a number that is not valid
 * stays a draft with its problem shown, and the stored setting keeps its last valid value.
 */
import { Decimal } from '../../../core/decimal';
import {
  LANGUAGE_SETTINGS,
  NUMBER_FORMATS,
  PANEL_STARTS,
  SITE_IDS,
  isSiteEnabled,
  readFeeRate,
  readPercent,
  sanitizeSettings,
  type Settings,
} from '../../../core/settings';
import { t, type Lang } from '../../../components/i18n/popup-t';
import { Section } from '../../../components/section';
import { SelectField } from '../../../components/select-field';
import { readNumberText } from '../calculator/read-number-text';
import { VENUE_OPTIONS } from '../calculator/venue-options';
import { releaseAlertPermission, requestAlertPermission } from '../../background/permissions';
import { settingsItem } from '../settings-item';
import { DraftField } from './draft-field';
import { SITE_LABELS } from './site-labels';

/** Exchanges in id order, the generic reader (any other page) last. */
const SITE_ORDER = [...SITE_IDS.filter((id) => id !== 'generic'), 'generic' as const];

export interface SettingsTabProps {
  readonly settings: Settings;
  readonly lang: Lang;
}

async function saveSettings(current: Settings, patch: Partial<Settings>): Promise<void> {
  await settingsItem.setValue(sanitizeSettings({ ...current, ...patch }));
}

export function SettingsTab({ settings, lang }: SettingsTabProps) {
  const save = (patch: Partial<Settings>) => {
    saveSettings(settings, patch).catch(() => undefined);
  };
  /** Typed text → canonical decimal in the user's number format, or null. */
  const canonical = (text: string, isRate: boolean): string | null => {
    const reading = readNumberText(text, settings.numberFormat, isRate);
    return reading.ok ? reading.value : null;
  };
  const percentProblem = (text: string): string | null =>
    readPercent(canonical(text, false)) === null ? t(lang, 'settings.error.percent') : null;

  const thresholdField = (
    key: 'warningBufferPercent' | 'dangerBufferPercent',
    other: 'warningBufferPercent' | 'dangerBufferPercent',
  ) => (
    <DraftField
      id={`settings-${key}`}
      label={t(lang, `settings.${key}`)}
      hint={t(lang, `settings.${key}.hint`)}
      stored={settings[key]}
      unit="%"
      testId={`settings-${key === 'warningBufferPercent' ? 'warning' : 'danger'}`}
      validate={(text) => {
        const problem = percentProblem(text);
        if (problem !== null) return problem;
        const value = new Decimal(canonical(text, false) ?? '0');
        const danger = key === 'dangerBufferPercent' ? value : new Decimal(settings[other]);
        const warning = key === 'warningBufferPercent' ? value : new Decimal(settings[other]);
        return danger.gt(warning) ? t(lang, 'settings.error.dangerAboveWarning') : null;
      }}
      save={(text) => {
        save({ [key]: canonical(text, false) ?? settings[key] });
      }}
    />
  );

  return (
    <div class="settings" data-testid="settings">
      <Section title={t(lang, 'settings.display')} open testId="settings-section-display">
        <div class="row2">
          <SelectField
            id="settings-language-select"
            label={t(lang, 'settings.language')}
            value={settings.language}
            options={LANGUAGE_SETTINGS.map((language) => ({
              value: language,
              label: t(lang, `settings.language.${language}`),
            }))}
            onChange={(language) => {
              save({ language });
            }}
            testId="settings-language"
          />
          <SelectField
            id="settings-number-format-select"
            label={t(lang, 'settings.numberFormat')}
            value={settings.numberFormat}
            options={NUMBER_FORMATS.map((format) => ({
              value: format,
              label: t(lang, `settings.numberFormat.${format}`),
            }))}
            onChange={(numberFormat) => {
              save({ numberFormat });
            }}
            testId="settings-number-format"
          />
        </div>
        <SelectField
          id="settings-panel-start-select"
          label={t(lang, 'settings.panelStart')}
          value={settings.panelStart}
          options={PANEL_STARTS.map((start) => ({
            value: start,
            label: t(lang, `settings.panelStart.${start}`),
          }))}
          onChange={(panelStart) => {
            save({ panelStart });
          }}
          testId="settings-panel-start"
        />
      </Section>

      <Section title={t(lang, 'settings.thresholds')} open testId="settings-section-thresholds">
        <div class="row2">
          {thresholdField('warningBufferPercent', 'dangerBufferPercent')}
          {thresholdField('dangerBufferPercent', 'warningBufferPercent')}
        </div>
        <div class="row2">
          <DraftField
            id="settings-tolerancePercent"
            label={t(lang, 'settings.tolerancePercent')}
            hint={t(lang, 'settings.tolerancePercent.hint')}
            stored={settings.tolerancePercent}
            unit="%"
            testId="settings-tolerance"
            validate={percentProblem}
            save={(text) => {
              save({ tolerancePercent: canonical(text, false) ?? settings.tolerancePercent });
            }}
          />
          <DraftField
            id="settings-targetBufferPercent"
            label={t(lang, 'settings.targetBufferPercent')}
            hint={t(lang, 'settings.targetBufferPercent.hint')}
            stored={settings.targetBufferPercent}
            unit="%"
            testId="settings-target-buffer"
            validate={percentProblem}
            save={(text) => {
              save({ targetBufferPercent: canonical(text, false) ?? settings.targetBufferPercent });
            }}
          />
        </div>
        <label class="check-row">
          <input
            type="checkbox"
            checked={settings.alertsEnabled}
            data-testid="settings-alerts"
            onChange={(event) => {
              const enabled = event.currentTarget.checked;
              // The permission prompt must run inside this user gesture (permissions.ts).
              const permission = enabled ? requestAlertPermission() : releaseAlertPermission();
              permission
                .then((granted) => {
                  save({ alertsEnabled: enabled && granted });
                })
                .catch(() => undefined);
            }}
          />
          <span>
            {t(lang, 'settings.alerts')}
            <span class="field-hint block">{t(lang, 'settings.alerts.hint')}</span>
          </span>
        </label>
      </Section>

      <Section title={t(lang, 'settings.sites')} open testId="settings-section-sites">
        <p class="muted small">{t(lang, 'settings.sites.hint')}</p>
        <div class="site-grid">
          {SITE_ORDER.map((siteId) => (
            <label key={siteId} class="check-row">
              <input
                type="checkbox"
                checked={isSiteEnabled(settings, siteId)}
                data-testid={`settings-site-${siteId}`}
                onChange={(event) => {
                  save({
                    enabledSites: {
                      ...settings.enabledSites,
                      [siteId]: event.currentTarget.checked,
                    },
                  });
                }}
              />
              <span>
                {siteId === 'generic' ? t(lang, 'settings.sites.generic') : SITE_LABELS[siteId]}
              </span>
            </label>
          ))}
        </div>
      </Section>

      <Section title={t(lang, 'settings.fees')} testId="settings-section-fees">
        <p class="muted small">{t(lang, 'settings.fees.hint')}</p>
        <div class="row2">
          {VENUE_OPTIONS.map((venue) => (
            <DraftField
              key={venue.id}
              id={`settings-fee-${venue.id}`}
              label={venue.label}
              stored={settings.feeRates[venue.id] ?? ''}
              testId={`settings-fee-${venue.id}`}
              placeholder={venue.takerFeeRates.linear ?? venue.takerFeeRates.inverse ?? ''}
              validate={(text) =>
                text.trim() === '' || readFeeRate(canonical(text, true)) !== null
                  ? null
                  : t(lang, 'settings.error.feeRate')
              }
              save={(text) => {
                const rate = canonical(text, true);
                // Empty clears the override: the venue default applies again.
                const rates = Object.fromEntries(
                  Object.entries(settings.feeRates).filter(([venueId]) => venueId !== venue.id),
                );
                if (text.trim() !== '' && rate !== null) rates[venue.id] = rate;
                save({ feeRates: rates });
              }}
            />
          ))}
        </div>
      </Section>
    </div>
  );
}
