import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// @testing-library/preact only auto-cleans when `afterEach` is a global.
afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});
