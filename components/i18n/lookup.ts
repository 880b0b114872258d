/**
 * The translation machinery without any strings: languages, the "auto" rule and the lookup. Each
 * app builds its `t` from the dictionaries it needs, so the content script does not ship the
 * popup's strings and the popup does not ship the panel's (design.md §6 bundle budgets).
 */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export type Dictionary = Readonly<Record<string, { readonly en: string; readonly zh: string }>>;

/** Resolve the "auto" setting from a BCP 47 tag such as navigator.language ("zh-CN" → zh). */
export function resolveLang(setting: 'auto' | Lang, browserLanguage: string): Lang {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Look `key` up in `dictionary`, substituting `{name}` placeholders. An unknown key shows as itself. */
export function translate(
  dictionary: Dictionary,
  lang: Lang,
  key: string,
  params: Readonly<Record<string, string>> = {},
): string {
  const entry = dictionary[key];
  const template = entry ? entry[lang] : key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
