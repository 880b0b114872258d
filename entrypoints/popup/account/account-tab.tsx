/**
 * Account mode: a cross account with several positions sharing one wallet. Shows the account's
 * margin ratio and risk degree, each position's liquidation price, and the liquidation order.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AccountOutcome } from '../../../core/contract';
import { estimateAccount } from '../../../core/index';
import { formatError } from '../../../core/messages';
import type { Settings } from '../../../core/settings';
import { AccountView } from '../../../components/account-view';
import { t, type Lang } from '../../../components/i18n/popup-t';
import { NumberField } from '../../../components/number-field';
import { Section } from '../../../components/section';
import { SelectField } from '../../../components/select-field';
import {
  EMPTY_ACCOUNT_POSITION,
  readAccountForm,
  sanitizeAccountForm,
  type AccountForm,
  type AccountNumberField,
  type AccountPositionForm,
} from './account-form';
import { accountInputsItem } from './account-item';
import { INTERNAL_ERROR_CODE, isDisplayable } from '../calculator/run-estimate';

export interface AccountTabProps {
  readonly settings: Settings;
  readonly lang: Lang;
}

const POSITION_NUMBER_FIELDS: readonly AccountNumberField[] = [
  'quantity',
  'entryPrice',
  'markPrice',
  'leverage',
  'maintenanceMarginRate',

  'maintenanceAmount',
  'closeFeeRate',
];

const ACCOUNT_INTERNAL_ERROR: AccountOutcome = {
  ok: false,
  errors: [{ code: INTERNAL_ERROR_CODE, field: null, message: 'The estimate failed' }],
};

/** Like the calculator: a thrown error or an undisplayable figure is an error, never a number. */
function runAccount(
  input: Parameters<typeof estimateAccount>[0],
  settings: Settings,
): AccountOutcome {
  try {
    const outcome = estimateAccount(input, { tolerancePercent: settings.tolerancePercent });
    if (!outcome.ok) return outcome;
    const displayable = outcome.account.positions.every((position) =>
      isDisplayable(position.estimate),
    );
    return displayable ? outcome : ACCOUNT_INTERNAL_ERROR;
  } catch {
    return ACCOUNT_INTERNAL_ERROR;
  }
}

export function AccountTab({ settings, lang }: AccountTabProps) {
  const [form, setForm] = useState<AccountForm | null>(null);
  useEffect(() => {
    let active = true;
    accountInputsItem
      .getValue()
      .then((stored) => {
        if (active) setForm(sanitizeAccountForm(stored));
      })
      .catch(() => {
        if (active) setForm(sanitizeAccountForm(null));
      });
    return () => {
      active = false;
    };
  }, []);
  const reading = useMemo(
    () => (form === null ? null : readAccountForm(form, settings)),
    [form, settings],
  );
  const outcome = useMemo(
    () => (reading?.status === 'ready' ? runAccount(reading.input, settings) : null),
    [reading, settings],
  );
  if (form === null || reading === null) return <p class="loading">{t(lang, 'app.loading')}</p>;

  const change = (next: AccountForm) => {
    setForm(next);
    accountInputsItem.setValue(next).catch(() => undefined);
  };
  const changePosition = (index: number, patch: Partial<AccountPositionForm>) => {
    change({
      ...form,
      positions: form.positions.map((position, at) =>
        at === index ? { ...position, ...patch } : position,
      ),
    });
  };
  const unreadable = new Set(reading.status === 'invalid' ? reading.unreadable : []);
  // The core names a position's field "positions[1].markPrice"; the form keys are "positions.1.markPrice".
  const coreFieldErrors = new Map(
    (outcome !== null && !outcome.ok ? outcome.errors : []).flatMap((error) =>
      error.field === null
        ? []
        : [[error.field.replace(/\[(\d+)\]/g, '.$1'), formatError(error, lang)] as const],
    ),
  );
  const fieldError = (key: string) => {
    if (unreadable.has(key)) return { error: t(lang, 'formError.unreadable') };
    const message = coreFieldErrors.get(key);
    return message === undefined ? {} : { error: message };
  };
  const names = form.positions.map(
    (position, index) =>
      `${position.symbol.trim() === '' ? `#${index + 1}` : position.symbol.trim()} · ${t(lang, `side.${position.side}`)}`,
  );
  const coreErrors =
    outcome !== null && !outcome.ok
      ? outcome.errors.map((error) =>
          error.code === INTERNAL_ERROR_CODE
            ? t(lang, 'formError.internal')
            : formatError(error, lang),
        )
      : [];

  return (
    <div class="account">
      <div class="result-pane">
        {reading.status === 'invalid' || coreErrors.length > 0 ? (
          <div class="calc-error" role="alert" data-testid="account-error">
            <p class="calc-error-title">{t(lang, 'calc.errorTitle')}</p>
            <ul>
              {coreErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
              {reading.status === 'invalid' ? <li>{t(lang, 'account.fixMarked')}</li> : null}
            </ul>
          </div>
        ) : outcome?.ok === true ? (
          <AccountView
            account={outcome.account}
            names={names}
            lang={lang}
            style={settings.numberFormat}
          />
        ) : (
          <div class="calc-incomplete" data-testid="account-incomplete">
            <p class="calc-incomplete-title">{t(lang, 'account.incomplete')}</p>
          </div>
        )}
      </div>

      <Section title={t(lang, 'account.wallet')} open>
        <div class="row2">
          <NumberField
            id="account-wallet"
            label={t(lang, 'account.walletBalance')}
            hint={t(lang, 'account.walletBalance.hint')}
            value={form.walletBalance}
            required
            testId="account-wallet"
            onInput={(walletBalance) => {
              change({ ...form, walletBalance });
            }}
            {...fieldError('walletBalance')}
          />
          <NumberField
            id="account-threshold"
            label={t(lang, 'field.liquidationThreshold')}
            hint={t(lang, 'field.liquidationThreshold.hint')}
            value={form.liquidationThreshold}
            placeholder="1"
            testId="account-threshold"
            onInput={(liquidationThreshold) => {
              change({ ...form, liquidationThreshold });
            }}
            {...fieldError('liquidationThreshold')}
          />
        </div>
      </Section>

      {form.positions.map((position, index) => (
        <Section key={index} title={names[index] ?? ''} open testId="account-position-form">
          <div class="row3">
            <div class="field">
              <label for={`account-${index}-symbol`}>{t(lang, 'field.symbol')}</label>
              <input
                id={`account-${index}-symbol`}
                type="text"
                autoComplete="off"
                spellcheck={false}
                value={position.symbol}
                placeholder="BTCUSDT"
                onInput={(event) => {
                  changePosition(index, { symbol: event.currentTarget.value });
                }}
              />
            </div>
            <SelectField
              id={`account-${index}-product`}
              label={t(lang, 'field.product')}
              value={position.product}
              options={[
                { value: 'linear', label: t(lang, 'product.linear') },
                { value: 'inverse', label: t(lang, 'product.inverse') },
              ]}
              onChange={(product) => {
                changePosition(index, { product });
              }}
            />
            <SelectField
              id={`account-${index}-side`}
              label={t(lang, 'field.side')}
              value={position.side}
              options={[
                { value: 'long', label: t(lang, 'side.long') },
                { value: 'short', label: t(lang, 'side.short') },
              ]}
              onChange={(side) => {
                changePosition(index, { side });
              }}
            />
          </div>
          <div class="row3">
            {[
              ...POSITION_NUMBER_FIELDS,
              ...(position.product === 'inverse' ? (['contractSize'] as const) : []),
            ].map((field) => (
              <NumberField
                key={field}
                id={`account-${index}-${field}`}
                label={t(lang, `account.field.${field}`)}
                value={position[field]}
                required={field !== 'maintenanceAmount' && field !== 'closeFeeRate'}
                onInput={(text) => {
                  changePosition(index, { [field]: text });
                }}
                {...fieldError(`positions.${index}.${field}`)}
              />
            ))}
          </div>
          <button
            type="button"
            class="link-button"
            disabled={form.positions.length <= 1}
            onClick={() => {
              change({ ...form, positions: form.positions.filter((_, at) => at !== index) });
            }}
          >
            {t(lang, 'account.remove')}
          </button>
        </Section>
      ))}
      <button
        type="button"
        class="secondary-button"
        disabled={form.positions.length >= 20}
        data-testid="account-add"
        onClick={() => {
          change({ ...form, positions: [...form.positions, EMPTY_ACCOUNT_POSITION] });
        }}
      >
        {t(lang, 'account.add')}
      </button>
    </div>
  );
}
