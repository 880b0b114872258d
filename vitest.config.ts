import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Environment by folder (style.md §4.6): node for the pure core, jsdom for DOM readers,
// happy-dom + WXT's fake browser for Preact components, popup and storage.
export default defineConfig({
  plugins: [WxtVitest(), preact({ prefreshEnabled: false, devToolsEnabled: false })],
  test: {
    restoreMocks: true,
    // CI is a 2-core machine running every project in parallel: give slow-but-correct tests room.
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: { name: 'core', environment: 'node', include: ['tests/core/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/adapters/**/*.test.ts', 'tests/content/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'happy-dom',
          include: ['tests/{popup,components,storage,background}/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup-ui.ts'],
        },
      },
    ],
  },
});
