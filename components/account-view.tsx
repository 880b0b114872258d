/**
 * The account view of a cross account: equity, margin ratio and risk degree, each position's
 * liquidation price with the others held at mark, and the order in which positions would be closed.
 */
import { Decimal } from '../core/decimal';
import type { AccountEstimate } from '../core/contract';
import type { Settings } from '../core/settings';
import { priceFractionDigits } from './format-number';
import { t, type Lang } from './i18n/popup-t';
import { NumberText } from './number-text';

export interface AccountViewProps {
  readonly account: AccountEstimate;
  /** Display names of the positions, by index ("BTCUSDT long"). */
  readonly names: readonly string[];
  readonly lang: Lang;
  readonly style: Settings['numberFormat'];
}

/** A ratio (0.25) as a percent string (25) for display. */
function asPercent(ratio: string): string {
  return new Decimal(ratio).times(100).toFixed();
}

export function AccountView({ account, names, lang, style }: AccountViewProps) {
  const nameOf = (index: number) => names[index] ?? `#${index + 1}`;
  const ratio = (key: string, value: string | null, testId: string) => (
    <div class="kv">
      <dt>{t(lang, key)}</dt>
      <dd>
        {value === null ? (
          <span class="muted" data-testid={testId}>
            {t(lang, 'result.none')}
          </span>
        ) : (
          <NumberText
            value={asPercent(value)}
            lang={lang}
            style={style}
            maxFractionDigits={2}
            unit="%"
            testId={testId}
          />
        )}
      </dd>
    </div>
  );
  return (
    <section class="account-view" data-testid="account-result" aria-live="polite">
      <dl class="result-grid result-grid-4">
        <div class="kv">
          <dt>{t(lang, 'account.equity')}</dt>
          <dd>
            <NumberText
              value={account.equity}
              lang={lang}
              style={style}
              maxFractionDigits={priceFractionDigits(account.equity)}
              testId="account-equity"
            />
          </dd>
        </div>
        <div class="kv">
          <dt>{t(lang, 'account.maintenance')}</dt>
          <dd>
            <NumberText
              value={account.maintenanceMargin}
              lang={lang}
              style={style}
              maxFractionDigits={priceFractionDigits(account.maintenanceMargin)}
            />
          </dd>
        </div>
        {ratio('account.marginRatio', account.marginRatio, 'account-margin-ratio')}
        {ratio('account.riskDegree', account.riskDegree, 'account-risk-degree')}
      </dl>
      <table class="account-table">
        <caption class="sr-only">{t(lang, 'account.positionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'account.position')}</th>
            <th scope="col">{t(lang, 'result.liquidationPrice')}</th>
            <th scope="col">{t(lang, 'account.riskRate')}</th>
          </tr>
        </thead>
        <tbody>
          {account.positions.map((position) => (
            <tr key={position.index} data-testid="account-position">
              <th scope="row">{nameOf(position.index)}</th>
              <td>
                {position.estimate.liquidationPrice === null ? (
                  <span class="muted">{t(lang, 'result.noLiquidation')}</span>
                ) : (
                  <NumberText
                    value={position.estimate.liquidationPrice}
                    lang={lang}
                    style={style}
                    maxFractionDigits={priceFractionDigits(position.estimate.liquidationPrice)}
                    testId="account-liq-price"
                  />
                )}
              </td>
              <td>
                <NumberText
                  value={asPercent(position.riskRate)}
                  lang={lang}
                  style={style}
                  maxFractionDigits={2}
                  unit="%"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 class="subhead">{t(lang, 'account.order')}</h3>
      {account.liquidationOrder.length === 0 ? (
        <div data-testid="account-order-empty">
          <p class="muted">{t(lang, 'account.orderNone')}</p>
          {account.riskRanking === undefined || account.riskRanking.length === 0 ? null : (
            <>
              <p class="muted small">{t(lang, 'account.ranking')}</p>
              <ol class="account-order" data-testid="account-ranking">
                {account.riskRanking.map((index) => (
                  <li key={index} data-index={index}>
                    {nameOf(index)}
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      ) : (
        <ol class="account-order" data-testid="account-order">
          {account.liquidationOrder.map((index) => (
            <li key={index} data-index={index}>
              {nameOf(index)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
