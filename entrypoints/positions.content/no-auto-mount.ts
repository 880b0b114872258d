/**
 * Stands in for `@1natsu/wait-element` in the build (wxt.config.ts `resolve.alias`). WXT's
 * content-script UI imports it for `autoMount` alone, which waits for an anchor element to appear;
 * we mount the panel ourselves once the first read has an answer (mount-panel.tsx `ui.mount()`).
 * The real module brings `many-keys-map` and `defu` with it: ≈ 1.6 kB gzip of the content script's
 * 40 kB (design.md §6) for code that never runs. If it ever did, it fails loudly rather than waits.
 */
export function waitElement(): Promise<never> {
  return Promise.reject(new Error('autoMount is not used by the panel (no-auto-mount.ts)'));
}
