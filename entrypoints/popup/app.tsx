/** The popup: a header, then the Calculator, Account and Settings tabs. */
import { useEffect, useState } from 'preact/hooks';
import { resolveLang, t } from '../../components/i18n/popup-t';
import { Tabs } from '../../components/tabs';
import { CalculatorTab } from './calculator/calculator-tab';
import { LazyTab, loadAccountTab, loadSettingsTab } from './lazy-tab';
import { useSettings } from './use-settings';

type TabId = 'calculator' | 'account' | 'settings';

export function App() {
  const settings = useSettings();
  const [tab, setTab] = useState<TabId>('calculator');
  const lang = resolveLang(settings?.language ?? 'auto', navigator.language);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'app.name');
  }, [lang]);
  if (settings === null) return <p class="loading">…</p>;
  return (
    <div class="app" data-lang={lang}>
      <header class="app-header">
        <svg class="logo" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" />
        </svg>
        <h1>{t(lang, 'app.name')}</h1>
        <span class="app-tagline">{t(lang, 'app.private')}</span>
      </header>
      <Tabs
        label={t(lang, 'app.tabs')}
        tabs={[
          { id: 'calculator', label: t(lang, 'tab.calculator') },
          { id: 'account', label: t(lang, 'tab.account') },
          { id: 'settings', label: t(lang, 'tab.settings') },
        ]}
        selected={tab}
        onSelect={setTab}
      >
        {tab === 'calculator' ? <CalculatorTab settings={settings} lang={lang} /> : null}
        {tab === 'account' ? (
          <LazyTab settings={settings} lang={lang} load={loadAccountTab} />
        ) : null}
        {tab === 'settings' ? (
          <LazyTab settings={settings} lang={lang} load={loadSettingsTab} />
        ) : null}
      </Tabs>
    </div>
  );
}
