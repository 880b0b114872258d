/**
 * UI strings in English and Simplified Chinese. Each area keeps its own dictionary file (panel.ts,
 * popup.ts, shared.ts) so the files stay small and each bundle carries only its own strings:
 * this module's `t` serves the in-page panel (shared + panel strings); the popup uses
 * components/i18n/popup-t.ts (shared + popup strings), the background's pipeline problems-t.ts
 * (panel + problem sentences, problems.ts). Core error messages live in core/messages.ts.
 */
import { translate, type Dictionary, type Lang } from './lookup';
import { PANEL_STRINGS } from './panel';
import { SHARED_STRINGS } from './shared';

export { LANGS, resolveLang, type Dictionary, type Lang } from './lookup';

const STRINGS: Dictionary = { ...SHARED_STRINGS, ...PANEL_STRINGS };

/** Translate `key`, substituting `{name}` placeholders. An unknown key shows as itself. */
export function t(lang: Lang, key: string, params: Readonly<Record<string, string>> = {}): string {
  return translate(STRINGS, lang, key, params);
}
