/**
 * A number as the reader sees it, carrying the plain decimal in `data-value` for tests and
 * assistive tools (design.md §5: no separators, no unit).
 */
import type { Settings } from '../core/settings';
import { formatDecimal } from './format-number';
import type { Lang } from './i18n/lookup';

export interface NumberTextProps {
  /** A plain decimal string from the core. */
  readonly value: string;
  readonly lang: Lang;
  readonly style: Settings['numberFormat'];
  readonly maxFractionDigits?: number;
  readonly sign?: boolean;
  /** Shown after the number, outside data-value ("USDT", "%"). */
  readonly unit?: string;
  readonly testId?: string;
  readonly class?: string;
}

export function NumberText(props: NumberTextProps) {
  const text = formatDecimal(props.value, {
    lang: props.lang,
    style: props.style,
    ...(props.maxFractionDigits === undefined
      ? {}
      : { maxFractionDigits: props.maxFractionDigits }),
    ...(props.sign === undefined ? {} : { sign: props.sign }),
  });
  return (
    <span class={props.class ?? 'num'} data-value={props.value} data-testid={props.testId}>
      {text}
      {props.unit === undefined ? null : <span class="num-unit">{props.unit}</span>}
    </span>
  );
}
