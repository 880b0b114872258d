import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Auto-imports hide where names come from (style.md §4.2); import from '#imports' instead.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  // Permissions and CSP are checked by tests/e2e/manifest.spec.ts; SECURITY.md explains each one.
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    // Asked for only when the user turns alerts on (entrypoints/background/permissions.ts).
    optional_permissions: ['notifications'],
    // No network, no eval, no remote or inline script, no plugins, no <base> or form hijack.
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'liquidation-sentinel@liq-sentinel',
              // data_collection_permissions needs Firefox 140 (desktop) / 142 (Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  webExt: { disabled: true },
  // The Firefox sources zip is for the store's reviewers: no local test output in it.
  zip: {
    excludeSources: ['artifacts/**', 'test-results/**', 'playwright-report/**', 'e2e-out/**'],
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
