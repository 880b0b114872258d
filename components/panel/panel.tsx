/**
 * The in-page panel: a compact, collapsible, draggable card listing the page's positions.
 * Presentational only (style.md §4.5): view model in, markup and callbacks out.
 */
import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { BufferSummary } from './buffer-summary';
import type { PanelDisplay, PanelRowView, PanelView } from './panel-model';
import { PanelRows } from './panel-rows';
import { createPanelStore, type PanelStore } from './panel-store';
import { useDrag, type PanelPoint } from './use-drag';

/** Where the panel sits on a site, remembered per site (storage key local:panelPlacement). */
export interface PanelPlacement {
  /** Top-left corner in viewport pixels; null = never dragged, the default top-right corner. */
  readonly x: number | null;
  readonly y: number | null;
  readonly collapsed: boolean;
}

export interface PanelProps {
  readonly view: PanelView;
  readonly display: PanelDisplay;
  /** Remembered placement for this site; null = default corner, start state from settings. */
  readonly placement: PanelPlacement | null;
  readonly startCollapsed: boolean;
  readonly onPlacementChange: (placement: PanelPlacement) => void;
  readonly onOpenCalculator: (row: PanelRowView) => void;
  /**
   * The rows' live content, kept current by the caller (mount-panel.tsx feeds it every view, also
   * those it does not render). Without it the panel keeps its own, fed from `view`.
   */
  readonly store?: PanelStore;
}

function StatusLine({ view, display }: { view: PanelView; display: PanelDisplay }) {
  const { lang } = display;
  switch (view.status) {
    case 'degraded':
      return (
        <p
          class="status status-degraded"
          data-testid="liq-status"
          data-status="degraded"
          role="status"
        >
          {t(lang, 'panel.status.degraded', { site: view.siteLabel })}
        </p>
      );
    case 'no-positions-area':
      return (
        <p class="status" data-testid="liq-status" data-status="no-positions-area">
          {t(lang, 'panel.status.noPositionsArea')}
        </p>
      );
    case 'no-positions':
      return (
        <p class="status" data-testid="liq-status" data-status="no-positions">
          {t(lang, 'panel.status.noPositions')}
        </p>
      );
    case 'failed':
      return (
        <p
          class="status status-degraded"
          data-testid="liq-status"
          data-status="failed"
          role="status"
        >
          {t(lang, 'panel.status.failed')}
        </p>
      );
    case 'ok':
      return null;
  }
}

export function Panel(props: PanelProps) {
  const { view, display } = props;
  const { lang } = display;
  const [collapsed, setCollapsed] = useState(props.placement?.collapsed ?? props.startCollapsed);
  const remembered = props.placement;
  const initialPoint: PanelPoint | null =
    remembered === null || remembered.x === null || remembered.y === null
      ? null
      : { x: remembered.x, y: remembered.y };
  const drag = useDrag(initialPoint, (point) => {
    props.onPlacementChange({ x: point.x, y: point.y, collapsed });
  });

  const toggle = () => {
    const next = !collapsed;
    setCollapsed(next);
    props.onPlacementChange({
      x: drag.point?.x ?? null,
      y: drag.point?.y ?? null,
      collapsed: next,
    });
  };

  const ownStore = useRef<PanelStore | null>(null);
  let store = props.store;
  if (store === undefined) {
    store = ownStore.current ??= createPanelStore();
    store.set(view.rows);
  }
  const countText =
    view.rows.length === 1
      ? t(lang, 'panel.positionCountOne')
      : t(lang, 'panel.positionCount', { count: String(view.rows.length) });
  // Below wherever it sits, the panel never runs off the bottom of the window: its body scrolls.
  const style =
    drag.point === null
      ? {}
      : {
          left: `${drag.point.x}px`,
          top: `${drag.point.y}px`,
          right: 'auto',
          maxHeight: `calc(100vh - ${drag.point.y + 16}px)`,
        };

  return (
    <section
      class={`panel theme-${display.theme} ${collapsed ? 'collapsed' : ''} ${drag.dragging ? 'dragging' : ''}`}
      style={style}
      data-testid="liq-panel"
      data-status={view.status}
      data-site={view.siteId}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      aria-label={t(lang, 'panel.title')}
    >
      <header
        class="header"
        title={t(lang, 'panel.dragHint')}
        onPointerDown={drag.onPointerDown}
        onPointerMove={drag.onPointerMove}
        onPointerUp={drag.onPointerUp}
        onPointerCancel={drag.onPointerUp}
      >
        <span class="logo" aria-hidden="true" />
        <span class="title">{t(lang, 'panel.title')}</span>
        <span class="count">{countText}</span>
        {collapsed ? <BufferSummary display={display} store={store} /> : null}
        {collapsed && view.status === 'degraded' ? <span class="summary-flag">!</span> : null}
        <button
          type="button"
          class="icon-button"
          data-testid="liq-toggle"
          aria-expanded={collapsed ? 'false' : 'true'}
          aria-label={t(lang, collapsed ? 'panel.expand' : 'panel.collapse')}
          title={t(lang, collapsed ? 'panel.expand' : 'panel.collapse')}
          onClick={toggle}
        >
          <span class={`chevron ${collapsed ? 'down' : 'up'}`} aria-hidden="true" />
        </button>
      </header>
      {collapsed ? null : (
        <div class="body">
          <StatusLine view={view} display={display} />
          {view.rows.length === 0 ? null : (
            <PanelRows
              rows={view.rows}
              display={display}
              store={store}
              onOpenCalculator={props.onOpenCalculator}
            />
          )}
          <p class="footer">{t(lang, 'panel.footer')}</p>
        </div>
      )}
    </section>
  );
}
