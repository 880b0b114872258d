/** The settings, loaded once and then kept in step with storage (the settings tab or another window). */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../../core/settings';
import { loadSettings, settingsItem } from './settings-item';

/** @returns null until storage has answered, so the popup does not flash the default language */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let active = true;
    loadSettings()
      .then((loaded) => {
        if (active) setSettings(loaded);
      })
      .catch(() => {
        if (active) setSettings(DEFAULT_SETTINGS);
      });
    const unwatch = settingsItem.watch((stored) => {
      setSettings(sanitizeSettings(stored));
    });
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  return settings;
}
