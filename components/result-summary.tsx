/**
 * The headline of an estimate: the liquidation price large, the buffer to mark with its bar, then
 * bankruptcy price, maintenance margin and margin in use. Never shows a price that is not there:
 * "no liquidation at any price" is said in words (design.md §3).
 */
import type { Estimate } from '../core/contract';
import type { Settings } from '../core/settings';
import { BufferBar } from './buffer-bar';
import { priceFractionDigits } from './format-number';
import { t, type Lang } from './i18n/popup-t';
import { NumberText } from './number-text';

export interface ResultSummaryProps {
  readonly estimate: Estimate;
  readonly lang: Lang;
  readonly style: Settings['numberFormat'];
  readonly warningPercent: string;
  readonly dangerPercent: string;
  /** Settlement unit for margin amounts ("USDT", "BTC"), or "" when unknown. */
  readonly marginUnit: string;
}

export function ResultSummary(props: ResultSummaryProps) {
  const { estimate, lang, style } = props;
  const liquidationPrice = estimate.liquidationPrice;
  const digits = priceFractionDigits(liquidationPrice ?? estimate.bankruptcyPrice ?? '0');
  const unit = props.marginUnit === '' ? {} : { unit: props.marginUnit };
  return (
    <section class="result" aria-live="polite" aria-labelledby="result-title">
      <h2 id="result-title" class="result-title">
        {t(lang, 'result.liquidationPrice')}
      </h2>
      {liquidationPrice === null ? (
        <p class="result-liq result-none" data-testid="calc-liq-price">
          {t(lang, 'result.noLiquidation')}
        </p>
      ) : (
        <p class="result-liq">
          <NumberText
            value={liquidationPrice}
            lang={lang}
            style={style}
            maxFractionDigits={digits}
            testId="calc-liq-price"
          />
        </p>
      )}
      {estimate.buffer === undefined ? (
        <p class="muted small" data-testid="calc-buffer-missing">
          {t(lang, 'result.bufferNeedsMark')}
        </p>
      ) : (
        <div class="result-buffer">
          <div class="result-buffer-figures">
            <span>{t(lang, 'result.buffer')}</span>
            <NumberText
              value={estimate.buffer.percent}
              lang={lang}
              style={style}
              maxFractionDigits={2}
              unit="%"
              testId="calc-buffer-percent"
              class="num strong"
            />
            <span class="muted">
              (
              <NumberText
                value={estimate.buffer.price}
                lang={lang}
                style={style}
                maxFractionDigits={digits}
                sign
                testId="calc-buffer-price"
              />
              )
            </span>
          </div>
          <BufferBar
            percent={estimate.buffer.percent}
            warningPercent={props.warningPercent}
            dangerPercent={props.dangerPercent}
            lang={lang}
            style={style}
            testId="calc-buffer-bar"
          />
        </div>
      )}
      <dl class="result-grid">
        <div class="kv">
          <dt>{t(lang, 'result.bankruptcyPrice')}</dt>
          <dd>
            {estimate.bankruptcyPrice === null ? (
              <span class="muted" data-testid="calc-bankruptcy-price">
                {t(lang, 'result.none')}
              </span>
            ) : (
              <NumberText
                value={estimate.bankruptcyPrice}
                lang={lang}
                style={style}
                maxFractionDigits={digits}
                testId="calc-bankruptcy-price"
              />
            )}
          </dd>
        </div>
        <div class="kv">
          <dt>{t(lang, 'result.maintenanceMargin')}</dt>
          <dd>
            <NumberText
              value={estimate.maintenanceMargin}
              lang={lang}
              style={style}
              maxFractionDigits={priceFractionDigits(estimate.maintenanceMargin)}
              testId="calc-maintenance-margin-result"
              {...unit}
            />
          </dd>
        </div>
        <div class="kv">
          <dt>{t(lang, 'result.margin')}</dt>
          <dd>
            <NumberText
              value={estimate.margin}
              lang={lang}
              style={style}
              maxFractionDigits={priceFractionDigits(estimate.margin)}
              testId="calc-margin-result"
              {...unit}
            />
          </dd>
        </div>
      </dl>
    </section>
  );
}
