/**
 * Bench-only WXT config: the production build plus source maps, written to .output/bench-sourcemap
 * so tests/bench/bundle-composition.mjs can attribute every byte of a bundle to its source module.
 * It reuses the project config unchanged otherwise, so the sizes match `npm run build`.
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import base from '../../wxt.config';

export default defineConfig({
  ...base,
  outDir: '.output/bench-sourcemap',
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: true },
  }),
});
