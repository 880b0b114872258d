import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SITE_IDS, type Settings } from '../../core/settings';
import { SettingsTab } from '../../entrypoints/popup/settings/settings-tab';

async function storedSettings(): Promise<Partial<Settings> | undefined> {
  const stored = await fakeBrowser.storage.local.get('settings');
  return stored.settings as Partial<Settings> | undefined;
}

describe('SettingsTab', () => {
  it('saves a valid threshold at once, in canonical form', async () => {
    render(<SettingsTab settings={DEFAULT_SETTINGS} lang="en" />);
    fireEvent.input(screen.getByTestId('settings-warning'), { target: { value: '12.50' } });
    await waitFor(async () => {
      expect(await storedSettings()).toMatchObject({ warningBufferPercent: '12.5' });
    });
  });

  it('keeps an invalid threshold as a draft with its problem, and stores nothing', async () => {
    render(<SettingsTab settings={DEFAULT_SETTINGS} lang="zh" />);
    const danger = screen.getByTestId('settings-danger');
    fireEvent.input(danger, { target: { value: '20' } }); // above the warning level (10)
    expect(danger.getAttribute('aria-invalid')).toBe('true');
    expect(document.body.textContent).toContain('危险值不能高于警告值');
    fireEvent.input(danger, { target: { value: 'abc' } });
    expect(document.body.textContent).toContain('请输入大于 0、不超过 100 的百分比');
    expect(await storedSettings()).toBeUndefined();
  });

  it('turns a site off and keeps the others enabled', async () => {
    render(<SettingsTab settings={DEFAULT_SETTINGS} lang="en" />);
    for (const siteId of SITE_IDS) {
      expect(screen.getByTestId<HTMLInputElement>(`settings-site-${siteId}`).checked).toBe(true);
    }
    fireEvent.click(screen.getByTestId('settings-site-okx'));
    await waitFor(async () => {
      expect(await storedSettings()).toMatchObject({ enabledSites: { okx: false } });
    });
  });

  it('stores a fee override per venue, accepts a percent, and clears it when emptied', async () => {
    const view = render(<SettingsTab settings={DEFAULT_SETTINGS} lang="en" />);
    fireEvent.input(screen.getByTestId('settings-fee-binance'), { target: { value: '0.04%' } });
    await waitFor(async () => {
      expect(await storedSettings()).toMatchObject({ feeRates: { binance: '0.0004' } });
    });
    view.rerender(
      <SettingsTab settings={{ ...DEFAULT_SETTINGS, feeRates: { binance: '0.0004' } }} lang="en" />,
    );
    fireEvent.input(screen.getByTestId('settings-fee-binance'), { target: { value: '' } });
    await waitFor(async () => {
      expect((await storedSettings())?.feeRates).toEqual({});
    });
  });

  it('changes language, number format and panel start', async () => {
    render(<SettingsTab settings={DEFAULT_SETTINGS} lang="en" />);
    fireEvent.change(screen.getByTestId('settings-language'), { target: { value: 'zh' } });
    await waitFor(async () => {
      expect(await storedSettings()).toMatchObject({ language: 'zh' });
    });
    fireEvent.change(screen.getByTestId('settings-number-format'), { target: { value: 'eu' } });
    await waitFor(async () => {
      expect(await storedSettings()).toMatchObject({ numberFormat: 'eu' });
    });
    fireEvent.change(screen.getByTestId('settings-panel-start'), {
      target: { value: 'collapsed' },
    });
    await waitFor(async () => {
      expect(await storedSettings()).toMatchObject({ panelStart: 'collapsed' });
    });
  });

  it('does not turn alerts on when the notifications permission is refused', async () => {
    render(<SettingsTab settings={DEFAULT_SETTINGS} lang="en" />);
    fireEvent.click(screen.getByTestId('settings-alerts'));
    await waitFor(async () => {
      expect(await storedSettings()).toMatchObject({ alertsEnabled: false });
    });
  });
});
