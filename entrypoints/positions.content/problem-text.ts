/**
 * Turns a field problem (reader or position-from-raw) into the sentence the panel shows,
 * e.g. "Margin not found on this page" / "页面上未找到保证金".
 */
import type { Lang } from '../../components/i18n';
import { t } from '../../components/i18n/problems-t';

/** Reader reasons (style.md §4.3) and the panel string that says each. */
const REASON_KEYS: Readonly<Record<string, string>> = {
  'not-found': 'panel.problem.notFound',
  missing: 'panel.problem.notFound',
  ambiguous: 'panel.problem.ambiguous',
  unparseable: 'panel.problem.unparseable',
  invalid: 'panel.problem.unparseable',
  'not-rendered-yet': 'panel.problem.notRenderedYet',
  empty: 'panel.problem.empty',
  'unsupported-unit': 'panel.problem.unsupportedUnit',
};

/** The translated name of a field; an unknown field shows as itself rather than disappearing. */
export function fieldLabel(field: string, lang: Lang): string {
  const key = `panel.field.${field}`;
  const label = t(lang, key);
  return label === key ? field : label;
}

/**
 * @param field the reader field or core input field ("margin", "walletBalance", …); null = whole row
 * @param reason a reader reason code, or a free-text reason from position-from-raw
 * @returns the sentence, in the panel's language
 */
export function problemText(field: string | null, reason: string, lang: Lang): string {
  const name = field === null ? t(lang, 'panel.field.position') : fieldLabel(field, lang);
  const key = REASON_KEYS[reason];
  const sentence =
    key === undefined
      ? t(lang, 'panel.problem.other', { field: name, reason })
      : t(lang, key, { field: name });
  // English sentences start with the field name: capitalise it ("Margin not found …").
  return lang === 'en' ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : sentence;
}
