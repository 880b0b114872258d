/**
 * Loads a tab's module on first use, so the popup opens with the calculator only (design.md §6:
 * popup budget). A failed load shows a message instead of an empty panel.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, type Lang } from '../../components/i18n/popup-t';
import type { Settings } from '../../core/settings';

export interface TabProps {
  readonly settings: Settings;
  readonly lang: Lang;
}

type Loader = () => Promise<FunctionComponent<TabProps>>;

export function LazyTab(props: TabProps & { readonly load: Loader }) {
  const [state, setState] = useState<
    { readonly component: FunctionComponent<TabProps> } | 'loading' | 'failed'
  >('loading');
  useEffect(() => {
    let active = true;
    props
      .load()
      .then((component) => {
        if (active) setState({ component });
      })
      .catch(() => {
        if (active) setState('failed');
      });
    return () => {
      active = false;
    };
  }, [props.load]);
  if (state === 'loading') return <p class="loading">{t(props.lang, 'app.loading')}</p>;
  if (state === 'failed') return <p class="calc-error">{t(props.lang, 'app.loadFailed')}</p>;
  const Component = state.component;
  return <Component settings={props.settings} lang={props.lang} />;
}

export const loadAccountTab: Loader = async () =>
  (await import('./account/account-tab')).AccountTab;
export const loadSettingsTab: Loader = async () =>
  (await import('./settings/settings-tab')).SettingsTab;
