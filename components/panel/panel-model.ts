/**
 * The panel's view model: what the content script's pipeline hands the presentational panel.
 * Plain data only (strings for every number, design.md §4), so the panel never computes and
 * never sees the page's DOM.
 */
import type { PositionInput } from '../../core/contract';

/** A field that could not be read, or an input the core rejected; `message` is already translated. */
export interface RowProblemView {
  /** The field involved (reader field name or core input field); null for a whole-row problem. */
  readonly field: string | null;
  readonly message: string;
}

/** What we computed for a row whose inputs were all read. */
export interface RowEstimateView {
  readonly kind: 'estimate';
  /** Our liquidation price; null = no liquidation at any price (never shown as 0). */
  readonly liquidationPrice: string | null;
  /** The exchange's own figure as read from the page; null when the page shows none. */
  readonly platformLiquidationPrice: string | null;
  /** (ours − platform) / platform in percent; null without a platform figure. */
  readonly differencePercent: string | null;
  /** false when the difference is beyond the tolerance; null without a platform figure. */
  readonly agrees: boolean | null;
  /** Distance mark → liquidation in percent of mark (positive = safe side); null without a mark price. */
  readonly bufferPercent: string | null;
  readonly bufferPrice: string | null;
  /** Decimal places to display prices with: those the page itself uses for this position. */
  readonly priceDecimals: number;
}

/** A row whose estimate is withheld: at least one problem, never a number computed from a guess. */
export interface RowProblemsView {
  readonly kind: 'problems';
  readonly problems: readonly RowProblemView[];
  /** What was read, for "open in calculator"; null when nothing useful was read. */
  readonly calculatorPrefill: Partial<PositionInput> | null;
}

export interface PanelRowView {
  /** Stable per position within the page (from the reader). */
  readonly key: string;
  /** The symbol as the exchange shows it ("" when it could not be read). */
  readonly symbol: string;
  readonly side: 'long' | 'short' | null;
  readonly leverage: string | null;
  readonly marginMode: 'isolated' | 'cross' | null;
  readonly state: RowEstimateView | RowProblemsView;
}

/**
 * Page-level state from the reader: `ok` rows read; `no-positions` the area is there and empty;
 * `no-positions-area` the positions tab is not open; `degraded` the page no longer looks like the
 * adapter expects; `failed` reading threw (contained, shown, never thrown into the page).
 */
export type PanelStatus = 'ok' | 'no-positions' | 'no-positions-area' | 'degraded' | 'failed';

export interface PanelView {
  readonly siteId: string;
  readonly siteLabel: string;
  readonly status: PanelStatus;
  readonly rows: readonly PanelRowView[];
}

/** Display settings the panel needs (a subset of core/settings.ts Settings, already resolved). */
export interface PanelDisplay {
  readonly lang: 'en' | 'zh';
  readonly numberFormat: 'auto' | 'en' | 'eu' | 'plain';
  readonly warningBufferPercent: string;
  readonly dangerBufferPercent: string;
  readonly tolerancePercent: string;
  readonly theme: 'dark' | 'light';
}
