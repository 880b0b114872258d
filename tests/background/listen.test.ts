import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../entrypoints/background/listen';
import { notificationId, tabIdOfNotification } from '../../entrypoints/background/notify';
import { grantNotifications, position, storeSettings } from './helpers';

const OURS = { id: fakeBrowser.runtime.id };

/** Deliver a runtime message as the browser would; resolves with what the listeners returned. */
async function deliver(message: unknown, sender: { id?: string; tab?: { id: number } }) {
  const results: unknown[] = await fakeBrowser.runtime.onMessage.trigger(
    message,
    sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1],
  );
  return results;
}

function buffersMessage(positions = [position('8')]) {
  return { type: 'liq-sentinel/buffers', siteId: 'binance', positions };
}

describe('startBackground', () => {
  beforeEach(async () => {
    await storeSettings({ alertsEnabled: true });
    grantNotifications(true);
    // The fake browser has no permissions events; the real one may lack them too.
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {
      throw new Error('not implemented');
    });
  });

  it('routes a content script buffers message to its own tab badge', async () => {
    const hub = startBackground({ now: () => 0 });
    await deliver(buffersMessage(), { ...OURS, tab: { id: 5 } });
    await hub.stateOf(5); // waits for the queued report
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('8.0%');
  });

  it('opens the calculator page in a new tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    startBackground();
    await deliver({ type: 'liq-sentinel/open-calculator' }, OURS);
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/popup.html') });
  });

  it.each([
    ['another extension', buffersMessage(), { id: 'someone-else', tab: { id: 5 } }],
    ['no tab', buffersMessage(), OURS],
    ['an unknown type', { type: 'liq-sentinel/other' }, { ...OURS, tab: { id: 5 } }],
    [
      'a bad side',
      buffersMessage([{ ...position('1'), side: 'up' as 'long' }]),
      { ...OURS, tab: { id: 5 } },
    ],
    [
      'markup instead of a list',
      { ...buffersMessage(), positions: '<img onerror=x>' },
      { ...OURS, tab: { id: 5 } },
    ],
  ])('ignores a message from %s', async (_what, message, sender) => {
    const hub = startBackground({ now: () => 0 });
    const results = await deliver(message, sender);
    expect(results.every((result) => result === undefined)).toBe(true);
    expect(await hub.stateOf(5)).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
  });

  it('applies changed settings to the badges without waiting for the next report', async () => {
    const hub = startBackground({ now: () => 0 });
    await deliver(buffersMessage([position('14')]), { ...OURS, tab: { id: 5 } });
    await hub.stateOf(5);
    const changed = vi.spyOn(hub, 'settingsChanged');
    await storeSettings({ alertsEnabled: true, warningBufferPercent: '20' });
    await vi.waitFor(() => {
      expect(changed).toHaveBeenCalled();
    });
  });

  it('drops a tab state when the tab closes', async () => {
    const hub = startBackground({ now: () => 0 });
    await deliver(buffersMessage(), { ...OURS, tab: { id: 5 } });
    expect(await hub.stateOf(5)).toBeDefined();
    await fakeBrowser.tabs.onRemoved.trigger(5, { windowId: 1, isWindowClosing: false });
    expect(await hub.stateOf(5)).toBeUndefined();
  });

  it('focuses the tab of a clicked notification', async () => {
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);
    startBackground();
    await fakeBrowser.notifications.onClicked.trigger(notificationId(12, 'BTCUSDT:long'));
    expect(update).toHaveBeenCalledWith(12, { active: true });
  });
});

describe('tabIdOfNotification', () => {
  it('round-trips with notificationId and rejects foreign ids', () => {
    expect(tabIdOfNotification(notificationId(4031, 'ETH:short'))).toBe(4031);
    expect(tabIdOfNotification('other:12:x')).toBeNull();
    expect(tabIdOfNotification('liq-sentinel:abc:x')).toBeNull();
  });
});
