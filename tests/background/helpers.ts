import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BufferReport } from '../../core/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';

export function position(
  bufferPercent: string | null,
  symbol = 'BTCUSDT',
  side: 'long' | 'short' = 'long',
): BufferReport {
  return { key: `${symbol}:${side}`, symbol, side, bufferPercent };
}

export async function storeSettings(overrides: Partial<Settings>): Promise<void> {
  await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, ...overrides } });
}

/** The fake browser does not implement permissions: decide what `contains` answers. */
export function grantNotifications(granted: boolean) {
  return vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(granted);
}

export async function notificationsShown() {
  return Object.values(await fakeBrowser.notifications.getAll()) as {
    title: string;
    message: string;
    iconUrl: string;
  }[];
}
