/**
 * What the panel tests give the panel: the default display settings, and the panel element for a
 * view with no remembered placement and no-op callbacks.
 */
import { Panel } from '../../components/panel/panel';
import type { PanelDisplay, PanelView } from '../../components/panel/panel-model';

export const DISPLAY: PanelDisplay = {
  lang: 'en',
  numberFormat: 'auto',
  warningBufferPercent: '10',
  dangerBufferPercent: '5',
  tolerancePercent: '0.5',
  theme: 'dark',
};

export function panelFor(view: PanelView, display: PanelDisplay = DISPLAY) {
  return (
    <Panel
      view={view}
      display={display}
      placement={null}
      startCollapsed={false}
      onPlacementChange={() => {}}
      onOpenCalculator={() => {}}
    />
  );
}
