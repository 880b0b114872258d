/**
 * The translator of the background's pipeline: panel + problem strings (components/i18n/index.ts
 * explains the split). The content script uses index.ts, without the problem sentences.
 */
import { translate, type Dictionary, type Lang } from './lookup';
import { PANEL_STRINGS } from './panel';
import { PROBLEM_STRINGS } from './problems';

const STRINGS: Dictionary = { ...PANEL_STRINGS, ...PROBLEM_STRINGS };

/** Translate `key`, substituting `{name}` placeholders. An unknown key shows as itself. */
export function t(lang: Lang, key: string, params: Readonly<Record<string, string>> = {}): string {
  return translate(STRINGS, lang, key, params);
}
