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
  main(ctx) {
    runPanelController(ctx).catch(() => {
      // Contained: the exchange page must never see an error of ours.
    });
  },
});
