/**
 * UI strings in English and Simplified Chinese. Each area keeps its own dictionary file
 * (popup.ts, panel.ts, ...) so the files stay small; this module merges them and looks keys up.
 * Core error messages live in core/messages.ts (the core owns its codes).
 */
import { PANEL_STRINGS } from './panel';
import { POPUP_STRINGS } from './popup';

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export type Dictionary = Readonly<Record<string, { readonly en: string; readonly zh: string }>>;

const STRINGS: Dictionary = { ...POPUP_STRINGS, ...PANEL_STRINGS };

/** Resolve the "auto" setting from a BCP 47 tag such as navigator.language ("zh-CN" → zh). */
export function resolveLang(setting: 'auto' | Lang, browserLanguage: string): Lang {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Translate `key`, substituting `{name}` placeholders. An unknown key shows as itself. */
export function t(lang: Lang, key: string, params: Readonly<Record<string, string>> = {}): string {
  const entry = STRINGS[key];
  const template = entry ? entry[lang] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
