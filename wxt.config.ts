import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import {
  ANY_DOC_PROPERTY,
  stripAdapterDocs,
} from './entrypoints/positions.content/adapters/strip-docs';

/** The adapter data modules (not their types, registry or this build step). */
const ADAPTER_MODULE =
  /\/entrypoints\/positions\.content\/adapters\/(?!types|index|strip-docs)[\w-]+\.ts$/;

/**
 * The adapters' notes, example URLs and verification dates stay in the sources and tests, not in
 * the shipped bundle (strip-docs.ts says why). A documentation property in a shape the step does
 * not know fails the build rather than ship.
 */
function stripAdapterDocsPlugin(): Plugin {
  return {
    name: 'liq-strip-adapter-docs',
    enforce: 'pre',
    transform(code, id) {
      if (!ADAPTER_MODULE.test(id)) return null;
      const stripped = stripAdapterDocs(code);
      const left = stripped.code.split('\n').find((line) => ANY_DOC_PROPERTY.test(line));
      if (left !== undefined) {
        this.error(`adapter documentation in an unknown shape, not stripped: ${left.trim()}`);
      }
      return { code: stripped.code, map: null };
    },
  };
}

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
    plugins: [preact(), stripAdapterDocsPlugin()],
    resolve: {
      // WXT's content-script UI imports it for autoMount only, which the panel does not use.
      alias: [
        {
          find: /^@1natsu\/wait-element$/,
          replacement: fileURLToPath(
            new URL('./entrypoints/positions.content/no-auto-mount.ts', import.meta.url),
          ),
        },
      ],
    },
  }),
});
