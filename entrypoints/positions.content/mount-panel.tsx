/**
 * Mounts the panel in an open shadow root (design.md §5: host `liq-sentinel-panel`, reachable by
 * tests and assistive technology), styled only by our own CSS (cssInjectionMode 'ui').
 */
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { render } from 'preact';
import { Panel, type PanelPlacement } from '../../components/panel/panel';
import type { PanelDisplay, PanelRowView, PanelView } from '../../components/panel/panel-model';
import '../../components/panel/panel.css';

/** The host element's tag name (design.md §5). */
export const PANEL_HOST_NAME = 'liq-sentinel-panel';

export interface PanelCallbacks {
  readonly onPlacementChange: (placement: PanelPlacement) => void;
  readonly onOpenCalculator: (row: PanelRowView) => void;
}

export interface PanelState {
  readonly view: PanelView;
  readonly display: PanelDisplay;
  readonly placement: PanelPlacement | null;
  readonly startCollapsed: boolean;
}

export interface MountedPanel {
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
  let state = initial;
  let container: HTMLElement | null = null;
  let removed = false;

  const draw = () => {
    if (container === null) return;
    render(
      <Panel
        // A new site key remounts the panel so the remembered placement of that site applies.
        key={state.view.siteId}
        view={state.view}
        display={state.display}
        placement={state.placement}
        startCollapsed={state.startCollapsed}
        onPlacementChange={callbacks.onPlacementChange}
        onOpenCalculator={callbacks.onOpenCalculator}
      />,
      container,
    );
  };

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
      container = root;
      draw();
      return root;
    },
    onRemove(root) {
      if (root) render(null, root);
      container = null;
    },
  });
  ui.mount();

  return {
    update(next) {
      if (removed) return;
      state = next;
      draw();
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
