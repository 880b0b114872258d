import type { Dictionary } from './index';

/** Popup strings, and those of the shared components (buffer bar, numbers). */
export const POPUP_STRINGS: Dictionary = {
  'buffer.label': { en: 'Buffer', zh: '缓冲' },
  'buffer.level.safe': { en: 'Safe', zh: '安全' },
  'buffer.level.warning': { en: 'Warning', zh: '警告' },
  'buffer.level.danger': { en: 'Danger', zh: '危险' },
  'buffer.level.breached': { en: 'At or past liquidation', zh: '已达强平价' },
};
