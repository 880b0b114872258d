import { cleanup, configure } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// findBy*/waitFor default to 1 s; a full parallel run on a 2-core CI machine can take longer to
// settle a render that loads the core, so give them room (they still resolve as soon as they can).
configure({ asyncUtilTimeout: 8000 });

// @testing-library/preact only auto-cleans when `afterEach` is a global.
afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});
