import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_COLORS } from '../../core/alerts';
import { createAlertHub } from '../../entrypoints/background/alert-hub';
import { grantNotifications, notificationsShown, position, storeSettings } from './helpers';

const TAB = 7;

function hubAt(clock: { now: number }, language = 'en-US') {
  return createAlertHub({ now: () => clock.now, browserLanguage: () => language });
}

async function badge(tabId = TAB) {
  const text = await fakeBrowser.action.getBadgeText({ tabId });
  const color = await fakeBrowser.action.getBadgeBackgroundColor({ tabId });
  return { text, color };
}

describe('createAlertHub', () => {
  beforeEach(async () => {
    await storeSettings({ alertsEnabled: true });
    grantNotifications(true);
  });

  it('sets the tab badge to the smallest buffer in its level colour', async () => {
    const hub = hubAt({ now: 0 });
    await hub.report(TAB, 'binance', [position('23.4', 'ETHUSDT'), position('8.76')]);
    const shown = await badge();
    expect(shown.text).toBe('8.7%');
    expect(shown.color).toEqual([0xe3, 0x74, 0x00, 255]);
    expect(BADGE_COLORS.warning).toBe('#e37400');
    // Another tab's badge is untouched.
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB + 1 })).toBe('');
  });

  it('notifies once when a position crosses the warning line, with its symbol and buffer', async () => {
    const clock = { now: 0 };
    const hub = hubAt(clock);
    for (const buffer of ['12', '9.5', '10.2', '9.9', '10.6', '9.1']) {
      clock.now += 1000;
      await hub.report(TAB, 'binance', [position(buffer)]);
    }
    const shown = await notificationsShown();
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('BTCUSDT long: buffer 9.5%');
    expect(shown[0]?.message).toContain('warning level of 10%');
    expect(shown[0]?.iconUrl).toMatch(/icon\/128\.png$/);
  });

  it('replaces the warning by a danger notification for the same position', async () => {
    const clock = { now: 0 };
    const hub = hubAt(clock);
    await hub.report(TAB, 'binance', [position('9')]);
    clock.now += 1000;
    await hub.report(TAB, 'binance', [position('3.333')]);
    const shown = await notificationsShown();
    expect(shown).toHaveLength(1); // same notification id: replaced, not stacked
    expect(shown[0]?.title).toBe('BTCUSDT long: liquidation close (3.33%)');
    expect((await badge()).color).toEqual([0xc5, 0x22, 0x1f, 255]);
  });

  it('writes the notification in Chinese when the language resolves to zh', async () => {
    await storeSettings({ alertsEnabled: true, language: 'auto' });
    const hub = hubAt({ now: 0 }, 'zh-CN');
    await hub.report(TAB, 'okx', [position('4', 'BTC-USDT-SWAP', 'short')]);
    const [shown] = await notificationsShown();
    expect(shown?.title).toBe('BTC-USDT-SWAP 空：接近强平（4%）');
    expect(shown?.message).toContain('危险线 5%');
  });

  it('uses the thresholds from the settings', async () => {
    await storeSettings({
      alertsEnabled: true,
      warningBufferPercent: '30',
      dangerBufferPercent: '20',
    });
    const hub = hubAt({ now: 0 });
    await hub.report(TAB, 'binance', [position('25')]);
    expect((await notificationsShown())[0]?.message).toContain('warning level of 30%');
  });

  it('shows the badge but no notification while alerts are off (the default)', async () => {
    await fakeBrowser.storage.local.clear();
    const hub = hubAt({ now: 0 });
    await hub.report(TAB, 'binance', [position('2')]);
    expect(await notificationsShown()).toEqual([]);
    expect((await badge()).text).toBe('2.0%');
  });

  it('shows no notification when the permission was not granted', async () => {
    grantNotifications(false);
    const hub = hubAt({ now: 0 });
    await hub.report(TAB, 'binance', [position('2')]);
    expect(await notificationsShown()).toEqual([]);
  });

  it('survives a service-worker restart without re-firing (state in storage.session)', async () => {
    const clock = { now: 0 };
    await hubAt(clock).report(TAB, 'binance', [position('9')]);
    await fakeBrowser.notifications.clear(`liq-sentinel:${TAB}:BTCUSDT:long`);
    clock.now += 1000;
    const restarted = hubAt(clock);
    await restarted.report(TAB, 'binance', [position('9.2')]);
    expect(await notificationsShown()).toEqual([]);
    expect((await restarted.stateOf(TAB))?.['BTCUSDT:long']?.level).toBe('warning');
  });

  it('starts empty when the session copy is corrupt', async () => {
    await fakeBrowser.storage.session.set({ alertTabs: 'garbage' });
    const hub = hubAt({ now: 0 });
    await hub.report(TAB, 'binance', [position('9')]);
    expect(await notificationsShown()).toHaveLength(1);
  });

  it('keeps the valid tabs of a partly corrupt session copy and drops the rest', async () => {
    await hubAt({ now: 0 }).report(TAB, 'binance', [position('9')]);
    const { alertTabs } = await fakeBrowser.storage.session.get('alertTabs');
    await fakeBrowser.storage.session.set({
      alertTabs: {
        ...(alertTabs as object),
        '99': { tabId: 99, siteId: 'okx', state: 'nonsense' },
        '100': { tabId: '100', siteId: 'okx', state: {} },
      },
    });
    const restarted = hubAt({ now: 1000 });
    expect((await restarted.stateOf(TAB))?.['BTCUSDT:long']?.level).toBe('warning');
    expect(await restarted.stateOf(99)).toBeUndefined();
    expect(await restarted.stateOf(100)).toBeUndefined();
  });

  it('re-judges the last buffers at once when the thresholds change', async () => {
    const hub = hubAt({ now: 0 });
    await hub.report(TAB, 'binance', [position('14')]);
    expect((await badge()).color).toEqual([0x18, 0x80, 0x38, 255]);
    expect(await notificationsShown()).toEqual([]);
    await storeSettings({ alertsEnabled: true, warningBufferPercent: '20' });
    await hub.settingsChanged();
    expect((await badge()).color).toEqual([0xe3, 0x74, 0x00, 255]);
    expect((await notificationsShown())[0]?.message).toContain('warning level of 20%');
  });

  it('repairs corrupt settings field by field instead of failing', async () => {
    await fakeBrowser.storage.local.set({
      settings: { alertsEnabled: true, warningBufferPercent: 'NaN', dangerBufferPercent: {} },
    });
    const hub = hubAt({ now: 0 });
    await hub.report(TAB, 'binance', [position('9')]);
    expect((await notificationsShown())[0]?.message).toContain('warning level of 10%');
  });

  it('clears the badge on navigation but remembers levels, so a reload does not re-fire', async () => {
    const clock = { now: 0 };
    const hub = hubAt(clock);
    await hub.report(TAB, 'binance', [position('9')]);
    await hub.navigated(TAB);
    expect((await badge()).text).toBe('');
    clock.now += 3000;
    await hub.report(TAB, 'binance', [position('9')]);
    expect(await notificationsShown()).toHaveLength(1);
    expect((await badge()).text).toBe('9.0%');
  });

  it('clears the badge when the panel reports an empty list', async () => {
    const hub = hubAt({ now: 0 });
    await hub.report(TAB, 'binance', [position('9')]);
    await hub.report(TAB, 'binance', []);
    expect((await badge()).text).toBe('');
  });

  it('forgets a closed tab entirely', async () => {
    const hub = hubAt({ now: 0 });
    await hub.report(TAB, 'binance', [position('9')]);
    await hub.closed(TAB);
    expect(await hub.stateOf(TAB)).toBeUndefined();
    expect(await fakeBrowser.storage.session.get('alertTabs')).toEqual({ alertTabs: {} });
  });

  it('keeps tabs apart: the same position in two tabs alerts in each', async () => {
    const hub = hubAt({ now: 0 });
    await hub.report(1, 'binance', [position('9')]);
    await hub.report(2, 'binance', [position('9')]);
    expect(await notificationsShown()).toHaveLength(2);
  });
});
