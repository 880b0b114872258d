/**
 * Strings of the components both apps use (the buffer bar), and their translator. Kept apart so
 * a shared component pulls in neither the popup's nor the panel's dictionary.
 */
import { translate, type Dictionary, type Lang } from './lookup';

export const SHARED_STRINGS: Dictionary = {
  'buffer.label': { en: 'Buffer', zh: '缓冲' },
  'buffer.level.safe': { en: 'Safe', zh: '安全' },
  'buffer.level.warning': { en: 'Warning', zh: '警告' },
  'buffer.level.danger': { en: 'Danger', zh: '危险' },
  'buffer.level.breached': { en: 'At or past liquidation', zh: '已达强平价' },
};

export function t(lang: Lang, key: string, params: Readonly<Record<string, string>> = {}): string {
  return translate(SHARED_STRINGS, lang, key, params);
}
