/** The popup's translator: shared + popup strings (components/i18n/index.ts explains the split). */
import { translate, type Dictionary, type Lang } from './lookup';
import { POPUP_STRINGS } from './popup';
import { SHARED_STRINGS } from './shared';

export { resolveLang, type Lang } from './lookup';

const STRINGS: Dictionary = { ...SHARED_STRINGS, ...POPUP_STRINGS };

/** Translate `key`, substituting `{name}` placeholders. An unknown key shows as itself. */
export function t(lang: Lang, key: string, params: Readonly<Record<string, string>> = {}): string {
  return translate(STRINGS, lang, key, params);
}
