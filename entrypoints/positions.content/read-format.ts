/**
 * The page's number format. exchange-pages.md §10.2: take `<html lang>` first, then the URL locale
 * segment; MEXC with `lang=ru-RU` really shows decimal commas (§7, [C]).
 */
import type { NumberFormat } from '../../core/parse-number';
import type { Adapter } from './adapters/types';

const ENGLISH_FORMAT: NumberFormat = { decimalSeparator: '.', groupSeparator: ',' };

/** Locales whose exchanges show `1.234,56`; French-style locales use a space for grouping. */
const DOT_GROUPED = new Set(['de', 'es', 'it', 'pt', 'id', 'nl', 'tr', 'vi', 'da', 'ro']);
const SPACE_GROUPED = new Set(['ru', 'uk', 'fr', 'pl', 'cs', 'sk', 'fi', 'sv', 'nb', 'kk', 'bg']);

/** The last tag asked for and its format: a page keeps its language from read to read. */
let lastLocale: { readonly tag: string | null | undefined; readonly format: NumberFormat } | null =
  null;

/** Format for a BCP 47 tag; unknown or English / Chinese / Japanese / Korean tags → `1,234.56`. */
export function numberFormatForLocale(tag: string | null | undefined): NumberFormat {
  if (lastLocale !== null && lastLocale.tag === tag) return lastLocale.format;
  const format = formatForLocale(tag);
  lastLocale = { tag, format };
  return format;
}

function formatForLocale(tag: string | null | undefined): NumberFormat {
  // Absent when the page declares no language: English separators are the exchanges' default.
  // No tag, or an empty one, means the page declared no language.
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (DOT_GROUPED.has(language)) return { decimalSeparator: ',', groupSeparator: '.' };
  if (SPACE_GROUPED.has(language)) return { decimalSeparator: ',', groupSeparator: ' ' };
  return ENGLISH_FORMAT;
}

/** The URL's locale segment (`/de/futures/...`, `/ru-RU/...`) or its `lang` query parameter. */
function localeFromUrl(url: URL): string | null {
  const query = url.searchParams.get('lang');
  if (query !== null && query !== '') return query;
  const segment = /^\/([a-z]{2}(?:[-_][A-Za-z]{2,4})?)\//.exec(url.pathname);
  return segment?.[1] ?? null; // no locale segment: the site's default (English) URL
}

/** The adapter's fixed format, or the page's: `<html lang>`, then the URL locale. */
export function resolveNumberFormat(adapter: Adapter, document: Document): NumberFormat {
  if (adapter.format !== 'from-page-locale') return adapter.format;
  const lang = document.documentElement.getAttribute('lang');
  if (lang !== null && lang.trim() !== '') return numberFormatForLocale(lang);
  try {
    return numberFormatForLocale(localeFromUrl(new URL(document.URL)));
  } catch {
    return ENGLISH_FORMAT;
  }
}
