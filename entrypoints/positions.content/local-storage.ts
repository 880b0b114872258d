/**
 * The content script's access to storage.local: read a key, write it, follow its changes. The
 * popup defines the versioned items (WXT storage, entrypoints/popup/settings-item.ts); the page
 * reads the same keys directly and repairs what it reads (sanitizeSettings, readPlacement), as the
 * background does, which keeps WXT's storage module (2.7 kB gzip) out of a 40 kB budget
 * (design.md §6). A `local:name` item of WXT is stored under `name`.
 */
import { browser } from '#imports';

/** The stored value, undefined when there is none. */
export async function readLocal(key: string): Promise<unknown> {
  const stored = await browser.storage.local.get(key);
  return stored[key];
}

export async function writeLocal(key: string, value: unknown): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

/**
 * @param onChange called with the new value (undefined when removed) after each change of `key`
 * @returns stops following
 */
export function watchLocal(key: string, onChange: (value: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[key];
    if (area === 'local' && change !== undefined) onChange(change.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    browser.storage.onChanged.removeListener(listener);
  };
}
