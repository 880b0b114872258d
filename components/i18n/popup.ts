import type { Dictionary } from './index';

export const POPUP_STRINGS: Dictionary = {};
