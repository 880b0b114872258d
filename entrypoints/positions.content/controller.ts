/**
 * The content script's glue: pick the adapter for the URL, read, ask the background to estimate,
 * render. Estimation runs in the background (design.md §6: decimal.js and the core stay out of the
 * page); the background also feeds the tab's alerts from the same answer.
 * The page must never see an error of ours (product standard): reading runs inside try/catch, a
 * failed or missing answer shows as the panel's 'failed' state, the watcher contains anything else,
 * and every storage or messaging promise has its rejection handled.
 */
import { browser, type ContentScriptContext } from '#imports';
import type { Lang } from '../../components/i18n';
import { resolveLang } from '../../components/i18n';
import type { PanelPlacement } from '../../components/panel/panel';
import type { PanelDisplay, PanelRowView, PanelView } from '../../components/panel/panel-model';
import { productFromSymbolText } from '../../core/position-text';
import { samePlain } from '../../core/plain-data';
import {
  BUFFERS_MESSAGE_TYPE,
  type BuffersMessage,
  type EstimateSettings,
} from '../../core/protocol';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  isSiteEnabled,
  sanitizeSettings,
  type Settings,
} from '../../core/settings';
import { findAdapter } from './adapters/index';
import type { Adapter } from './adapters/types';
import { createEstimateClient, type EstimateClient } from './estimate-client';
import { createPortTransport } from './estimate-port';
import { mountPanel, type MountedPanel, type PanelState } from './mount-panel';
import { openInCalculator } from './open-calculator';
import { detectPageTheme, type PageTheme } from './page-theme';
import { NOT_AN_INPUT } from './not-an-input';
import { readLocal, watchLocal } from './local-storage';
import { readPlacement, readPlacements, savePlacement } from './placement-item';
import { rawContextFor, type RowRead } from './read';
import { createRequestRows, type RequestRows } from './request-rows';
import { createPositionsReader, type PositionsReader } from './read-incremental';
import { watchPositions, type ReadPass, type Watcher, type WatchReason } from './watch';

/**
 * A full read (the first, or after the table changed shape) stops after this much time and reads
 * on in the next frame: read cold, 100 rows took 20–27 ms of CPU in one task (BENCHMARKS.md), and
 * the page's own work shares the main thread. A tick's re-read is never cut.
 */
const READ_SLICE_MS = 4;

const NOTHING_READ: ReadPass = { area: null, unfinished: false };

/** One adapter's life on the page: from the URL matching it until navigation away or switch-off. */
interface Session {
  readonly adapter: Adapter;
  /**
   * Detected at the start and on structural changes only (never on a tick): getComputedStyle
   * forces a style flush, and a single-page app may switch to its dark theme after loading.
   */
  theme: PageTheme;
  readonly estimates: EstimateClient;
  /** Keeps the located table between reads so a tick re-reads only the rows that changed. */
  readonly reader: PositionsReader;
  /** Hands on last pass's request rows and contexts where nothing changed. */
  readonly requestRows: RequestRows<RowRead>;
  lastView: PanelView | null;
}

function displayFrom(settings: Settings, lang: Lang): Omit<PanelDisplay, 'theme'> {
  return {
    lang,
    numberFormat: settings.numberFormat,
    warningBufferPercent: settings.warningBufferPercent,
    dangerBufferPercent: settings.dangerBufferPercent,
    tolerancePercent: settings.tolerancePercent,
  };
}

/**
 * Runs the panel for this tab until the context is invalidated (extension reload or update).
 * @param ctx WXT's content-script context: every listener and observer hangs off it
 */
export async function runPanelController(ctx: ContentScriptContext): Promise<void> {
  let settings: Settings = DEFAULT_SETTINGS;
  let placements: unknown = {};
  let session: Session | null = null;
  let panel: MountedPanel | null = null;
  let mounting = false;

  try {
    settings = sanitizeSettings(await readLocal(SETTINGS_KEY));
    placements = await readPlacements();
  } catch {
    // Storage unreadable: run with the defaults rather than not at all.
  }

  // Resolved once per language setting: it is asked on every read.
  let resolved: { readonly setting: Settings['language']; readonly lang: Lang } | null = null;
  const lang = (): Lang => {
    if (resolved?.setting !== settings.language) {
      resolved = {
        setting: settings.language,
        lang: resolveLang(settings.language, navigator.language),
      };
    }
    return resolved.lang;
  };

  // One object while the settings and language hold: the client then compares it by identity.
  let asked: EstimateSettings | null = null;
  const estimateSettings = (): EstimateSettings => {
    const next = lang();
    if (
      asked?.lang !== next ||
      asked.tolerancePercent !== settings.tolerancePercent ||
      asked.feeRates !== settings.feeRates
    ) {
      asked = {
        lang: next,
        tolerancePercent: settings.tolerancePercent,
        feeRates: settings.feeRates,
      };
    }
    return asked;
  };

  // One port for the tab's life, opened on the first request (the worker may be asleep until then).
  const estimateTransport = createPortTransport();

  function startSession(url: string): void {
    const adapter = findAdapter(url);
    if (session !== null && adapter?.id === session.adapter.id) return;
    endSession();
    if (adapter === null || !isSiteEnabled(settings, adapter.id)) return;
    const created: Session = {
      adapter,
      theme: detectPageTheme(document),
      estimates: createEstimateClient((view) => {
        if (session === created) render(created, view);
      }, estimateTransport),
      reader: createPositionsReader(),
      requestRows: createRequestRows(NOT_AN_INPUT),
      lastView: null,
    };
    session = created;
  }

  function endSession(): void {
    if (session === null) return;
    if (session.estimates.sentAny) {
      // The background holds this tab's buffers for alerts: the panel is gone, so none are left.
      const cleared: BuffersMessage = {
        type: BUFFERS_MESSAGE_TYPE,
        siteId: session.adapter.id,
        positions: [],
      };
      browser.runtime.sendMessage(cleared).catch(() => {
        // No background listening: nothing to clear there either.
      });
    }
    session = null;
    panel?.remove();
    panel = null;
  }

  // One display object while nothing in it changes, so unchanged rows skip re-rendering; made
  // afresh only when the settings, language or theme it comes from changed (a reply per tick).
  let display: PanelDisplay | null = null;
  let displayInputs: { settings: Settings; lang: Lang; theme: PageTheme } | null = null;
  function displayFor(current: Session): PanelDisplay {
    const inputs = { settings, lang: lang(), theme: current.theme };
    if (
      display !== null &&
      displayInputs?.settings === inputs.settings &&
      displayInputs.lang === inputs.lang &&
      displayInputs.theme === inputs.theme
    ) {
      return display;
    }
    displayInputs = inputs;
    const next: PanelDisplay = { ...displayFrom(settings, inputs.lang), theme: inputs.theme };
    if (display === null || !samePlain(display, next)) display = next;
    return display;
  }

  function stateFor(current: Session, view: PanelView): PanelState {
    return {
      view,
      display: displayFor(current),
      placement: readPlacement(placements, current.adapter.id),
      startCollapsed: settings.panelStart === 'collapsed',
    };
  }

  function render(current: Session, view: PanelView): void {
    current.lastView = view;
    if (panel !== null) {
      // The panel draws only what changed (components/panel/panel-renderer.tsx).
      panel.update(stateFor(current, view));
      return;
    }
    if (mounting) return;
    mounting = true;
    mountPanel(ctx, stateFor(current, view), {
      onPlacementChange: (placement: PanelPlacement) => {
        placements = { ...(placements as object), [current.adapter.id]: placement };
        savePlacement(current.adapter.id, placement).catch(() => {
          // Not remembered this time; the panel stays where the user put it.
        });
      },
      onOpenCalculator: (row: PanelRowView) => {
        if (row.state.kind !== 'problems' || row.state.calculatorPrefill === null) return;
        void openInCalculator({
          input: row.state.calculatorPrefill,
          symbol: row.symbol,
          site: current.adapter.id,
        });
      },
    })
      .then((mounted) => {
        mounting = false;
        if (session !== current) {
          mounted.remove(); // navigated away or switched off while mounting
          return;
        }
        panel = mounted;
        if (current.lastView !== null) panel.update(stateFor(current, current.lastView));
      })
      .catch(() => {
        mounting = false; // e.g. the context was invalidated mid-mount: nothing to show
      });
  }

  /** One read pass: the rows go to the background, the answer renders. */
  function readAndRender(reason: WatchReason, changes: readonly MutationRecord[] | null): ReadPass {
    const current = session;
    if (current === null) return NOTHING_READ;
    if (reason !== 'mutation' && reason !== 'continue') current.theme = detectPageTheme(document);
    const { adapter } = current;
    let area: Element | null = null;
    try {
      const endsAt = performance.now() + READ_SLICE_MS;
      const result =
        reason === 'continue'
          ? current.reader.readSlice(document, adapter, 'continue', endsAt, changes)
          : current.reader.readSlice(
              document,
              adapter,
              reason === 'mutation' ? changes : null,
              endsAt,
            );
      area = result.positionsArea;
      // Cut at the slice's end: nothing to send until every row is read (the watcher reads on).
      if ('unfinished' in result) return { area, unfinished: true };
      const sent = current.estimates.request({
        siteId: adapter.id,
        siteLabel: adapter.label,
        status: result.status,
        // Linear or inverse by the symbol alone picks the size unit; the background's
        // position-from-raw then applies the venue's own product list.
        rows: current.requestRows.build(
          result.rows,
          (row) => productFromSymbolText(row.raw.symbol ?? ''),
          (product) => rawContextFor(adapter, result, product),
        ),
        settings: estimateSettings(),
      });
      // Nothing new to estimate: the display (theme) may still have changed.
      if (!sent && current.lastView !== null) render(current, current.lastView);
    } catch {
      render(current, { siteId: adapter.id, siteLabel: adapter.label, status: 'failed', rows: [] });
    }
    return { area, unfinished: false };
  }

  startSession(location.href);
  const watcher: Watcher = watchPositions(ctx, {
    read: readAndRender,
    onNavigate: (url) => {
      startSession(url.href);
    },
    isOwnNode: (node) => panel?.contains(node) === true || isOurHost(node),
    onError: () => {
      // readAndRender contains its own failures; anything else (a render error) stops here, out
      // of the page's console, and the next change tries again.
    },
  });

  const unwatchSettings = watchLocal(SETTINGS_KEY, (next) => {
    try {
      settings = sanitizeSettings(next);
      const current = session;
      if (current !== null && !isSiteEnabled(settings, current.adapter.id)) endSession();
      if (session === null) startSession(location.href);
      // Tolerance and language are part of the estimate request: a refresh asks again.
      watcher.refresh();
    } catch {
      // A storage listener must not throw into the page either; the next change tries again.
    }
  });
  ctx.onInvalidated(() => {
    unwatchSettings();
    endSession();
  });
}

/** Our host element, even before `panel` is set (mounting is async). */
function isOurHost(node: Node): boolean {
  return node instanceof Element && node.tagName.toLowerCase().startsWith('liq-sentinel');
}
