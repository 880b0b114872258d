import type { Dictionary } from './index';

export const PANEL_STRINGS: Dictionary = {};
