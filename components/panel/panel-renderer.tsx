/**
 * Draws panel states into a container, doing only the work a state needs (design.md §6 CPU
 * budget: a mark tick changes every row's buffer and, for an isolated position, nothing else):
 * - buffers are painted at once (panel-store.ts, buffer-line.tsx), no Preact;
 * - rows that changed otherwise re-render alone;
 * - the whole panel re-renders only when rows appeared, went or moved, or the display, status,
 *   site or placement changed.
 */
import { render } from 'preact';
import { Panel, type PanelPlacement } from './panel';
import type { PanelDisplay, PanelRowView, PanelView } from './panel-model';
import { createPanelStore } from './panel-store';

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

export interface PanelRenderer {
  /** Shows a new state (drawn once a container is attached). */
  update(state: PanelState): void;
  /** Draws the current state into this container; null: the container went away. */
  attach(container: HTMLElement | null): void;
}

export function createPanelRenderer(initial: PanelState, callbacks: PanelCallbacks): PanelRenderer {
  let state = initial;
  let container: HTMLElement | null = null;
  const store = createPanelStore();
  store.set(initial.view.rows);

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
        store={store}
      />,
      container,
    );
  };

  return {
    update(next) {
      const update = store.set(next.view.rows);
      if (!update.listChanged && sameFrame(state, next)) {
        store.redrawRows(update.changedRows);
        return;
      }
      state = { ...next, view: { ...next.view, rows: update.rows } };
      draw();
    },
    attach(next) {
      container = next;
      draw();
    },
  };
}

/** Everything but the rows: a change here re-renders the panel. */
function sameFrame(drawn: PanelState, next: PanelState): boolean {
  return (
    drawn.display === next.display &&
    samePlacement(drawn.placement, next.placement) &&
    drawn.startCollapsed === next.startCollapsed &&
    drawn.view.status === next.view.status &&
    drawn.view.siteId === next.view.siteId &&
    drawn.view.siteLabel === next.view.siteLabel
  );
}

/** By value: the caller reads the stored placement afresh for every state. */
function samePlacement(a: PanelPlacement | null, b: PanelPlacement | null): boolean {
  return (
    a === b ||
    (a !== null && b !== null && a.x === b.x && a.y === b.y && a.collapsed === b.collapsed)
  );
}
