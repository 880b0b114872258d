/**
 * The one content script for every supported exchange (issue 4 part 1). Its matches come from the
 * adapter registry; everything else lives in controller.ts (style.md §4.2: keep main thin).
 */
import { defineContentScript } from '#imports';
import { ALL_MATCH_PATTERNS } from './adapters/index';
import { runPanelController } from './controller';

export default defineContentScript({
  matches: [...ALL_MATCH_PATTERNS],
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  // WXT's old "content script started" notice is a window.postMessage into the exchange's own page:
  // its message listeners would see it, and Blink captures the caller's source location for every
  // postMessage, which made V8 re-parse our whole bundle (≈ 7 ms of CPU in the start-up task,
  // BENCHMARKS.md). The custom event WXT also sends is enough to retire an older copy of us.
  noScriptStartedPostMessage: true,
  main(ctx) {
    runPanelController(ctx).catch(() => {
      // Contained: the exchange page must never see an error of ours.
    });
  },
});
