/**
 * core/settings.ts keeps its own list of site ids (core/ may not import the content script's
 * registry); this keeps the two in step, and every site has a display name in the settings tab.
 */
import { describe, expect, it } from 'vitest';
import { SITE_IDS } from '../../core/settings';
import { ADAPTERS, GENERIC_ADAPTER } from '../../entrypoints/positions.content/adapters/index';
import { SITE_LABELS } from '../../entrypoints/popup/settings/site-labels';

describe('SITE_IDS', () => {
  it('lists exactly the registered adapters plus the generic reader', () => {
    const registered = [...ADAPTERS.map((adapter) => adapter.id), GENERIC_ADAPTER.id].sort();
    expect([...SITE_IDS].sort()).toEqual(registered);
  });

  it('names each exchange as its adapter does (the settings tab drops "Futures")', () => {
    for (const adapter of ADAPTERS) {
      const label = SITE_LABELS[adapter.id as keyof typeof SITE_LABELS];
      expect(label).not.toBe('');
      expect(adapter.label.startsWith(label)).toBe(true);
    }
  });
});
