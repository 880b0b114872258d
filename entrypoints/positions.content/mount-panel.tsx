/**
 * Mounts the panel in an open shadow root (design.md §5: host `liq-sentinel-panel`, reachable by
 * tests and assistive technology), styled only by our own CSS (cssInjectionMode 'ui').
 */
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { render } from 'preact';
import {
  createPanelRenderer,
  type PanelCallbacks,
  type PanelState,
} from '../../components/panel/panel-renderer';
import '../../components/panel/panel.css';

export type { PanelCallbacks, PanelState } from '../../components/panel/panel-renderer';

/** The host element's tag name (design.md §5). */
export const PANEL_HOST_NAME = 'liq-sentinel-panel';

export interface MountedPanel {
  /**
   * Shows a new state; a mark tick that moved buffers alone runs no Preact at all
   * (components/panel/panel-renderer.tsx).
   */
  update(state: PanelState): void;
  remove(): void;
  /** True for the host element and anything inside it: the watcher ignores these. */
  contains(node: Node): boolean;
}

/**
 * @param ctx the content-script context (the UI is removed when it is invalidated)
 * @returns a handle to re-render with a new state, or to remove the panel
 */
export async function mountPanel(
  ctx: ContentScriptContext,
  initial: PanelState,
  callbacks: PanelCallbacks,
): Promise<MountedPanel> {
  const renderer = createPanelRenderer(initial, callbacks);
  let removed = false;

  const ui = await createShadowRootUi<HTMLElement>(ctx, {
    name: PANEL_HOST_NAME,
    mode: 'open',
    position: 'overlay',
    alignment: 'top-right',
    zIndex: 2147483646,
    anchor: 'body',
    append: 'last',
    // Typing or dragging in the panel must not trigger the exchange's hotkeys (buy/sell shortcuts).
    isolateEvents: ['keydown', 'keyup', 'keypress', 'pointerdown', 'mousedown', 'wheel'],
    onMount(uiContainer) {
      const root = document.createElement('div');
      uiContainer.append(root);
      renderer.attach(root);
      return root;
    },
    onRemove(root) {
      renderer.attach(null);
      if (root) render(null, root);
    },
  });
  ui.mount();

  return {
    update(next) {
      if (!removed) renderer.update(next);
    },
    remove() {
      if (removed) return;
      removed = true;
      ui.remove();
    },
    contains(node) {
      return node === ui.shadowHost || ui.shadowHost.contains(node);
    },
  };
}
