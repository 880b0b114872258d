/**
 * Watching the page for changes that matter, doing no work while it is idle (design.md §2, §6):
 * - a MutationObserver scoped to the positions area (text ticks, rows added or removed);
 * - a cheap childList observer on <body> only to notice the area being replaced or appearing
 *   (exchanges re-render whole panels on tab switches and symbol changes);
 * - at most one read per animation frame, none while the tab is hidden (caught up on return);
 * - single-page navigation through WXT's `wxt:locationchange` (Navigation API, path and query)
 *   plus `hashchange` for hash routers (HTX, JasperVault: exchange-pages.md §0).
 * No polling timer: a timer is only ever set in answer to a mutation.
 * Every listener, observer, frame and timer is tied to the content-script context (style.md §4.5).
 * Frames and timers are cancelled through one `ctx.onInvalidated` registration each rather than
 * `ctx.requestAnimationFrame`/`ctx.setTimeout`, which add an abort listener per call: on a page
 * ticking 10 times a second that list would grow without bound.
 */

/** The subset of WXT's ContentScriptContext used here (a fake is passed in unit tests). */
export interface WatchContext {
  readonly isValid: boolean;
  onInvalidated(callback: () => void): () => void;
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
}

export interface WatchOptions {
  /**
   * Read the page and render: called at most once per animation frame after a relevant change.
   * `changes`: the area's relevant mutations since the last read when only mutations caused this
   * one (for an incremental read), else null (start, navigation, visibility, refresh: read all).
   * With reason 'continue' (go on with the read cut short last frame): the mutations since that
   * read began, null when too many to keep (a read in full follows it).
   */
  readonly read: (reason: WatchReason, changes: readonly MutationRecord[] | null) => ReadPass;
  /** Called before the read that follows a navigation, with the new URL. */
  readonly onNavigate: (url: URL) => void;
  /** True for nodes that are ours (the panel host): their changes never trigger a read. */
  readonly isOwnNode: (node: Node) => boolean;
  /** Receives anything thrown while reading, instead of the page's console. */
  readonly onError: (error: unknown) => void;
  /** While no area is found, look again at most this often (ms), and only when the page mutates. */
  readonly searchIntervalMs?: number;
}

export type WatchReason =
  | 'start'
  | 'mutation'
  | 'area-changed'
  | 'navigation'
  | 'visible'
  | 'manual'
  /** The last read was cut at its slice's end (read-incremental.ts readSlice): read on. */
  | 'continue';

/** What one read did. */
export interface ReadPass {
  /** The positions area it read from (null while the page has none): observed from now on. */
  readonly area: Element | null;
  /**
   * It stopped at its slice's end: the next frame reads on ('continue'). Mutations meanwhile wait
   * for it and are handed to it; a navigation or structural change starts over instead.
   */
  readonly unfinished: boolean;
}

export interface Watcher {
  /** Schedule a read now (settings changed, for instance). */
  refresh(): void;
  /** Disconnect everything; idempotent. Also runs when the context is invalidated. */
  stop(): void;
  /** The positions area currently observed (null while none is found). */
  readonly area: Element | null;
}

const DEFAULT_SEARCH_INTERVAL_MS = 250;

/** Attributes whose change can change what the reader reads (read-table.ts, adapters' side hints). */
const READ_ATTRIBUTES = ['class', 'hidden', 'aria-hidden', 'aria-selected', 'role'];

/** A mutation matters unless it only concerns our own nodes. */
export function isRelevantMutation(
  record: MutationRecord,
  isOwnNode: (node: Node) => boolean,
): boolean {
  if (isOwnNode(record.target)) return false;
  if (record.type !== 'childList') return true;
  const changed = [...record.addedNodes, ...record.removedNodes];
  return changed.length === 0 || changed.some((node) => !isOwnNode(node));
}

/**
 * @param ctx the content-script context (listeners and frames end with it)
 * @param options what to find, what to call, what to ignore
 * @returns a handle to refresh or stop watching; the first read is scheduled at once
 */
export function watchPositions(ctx: WatchContext, options: WatchOptions): Watcher {
  const searchIntervalMs = options.searchIntervalMs ?? DEFAULT_SEARCH_INTERVAL_MS;
  let area: Element | null = null;
  let stopped = false;
  let frameRequested = false;
  let searchTimerSet = false;
  let pendingReason: WatchReason | null = null;
  let pendingWhileHidden = false;
  /** The area's relevant mutations since the last read; null once any other reason is pending. */
  let pendingRecords: MutationRecord[] | null = [];
  /** Beyond this many records in one frame the page re-rendered: a full read is cheaper anyway. */
  const MAX_PENDING_RECORDS = 2000;

  function collect(records: readonly MutationRecord[]): boolean {
    const relevant = records.filter((record) => isRelevantMutation(record, options.isOwnNode));
    if (relevant.length === 0) return false;
    if (pendingRecords !== null) {
      if (pendingRecords.length + relevant.length > MAX_PENDING_RECORDS) pendingRecords = null;
      else pendingRecords.push(...relevant);
    }
    return true;
  }
  let frameId = 0;
  let searchTimerId: ReturnType<typeof setTimeout> | undefined;

  const areaObserver = new MutationObserver((records) => {
    if (collect(records)) schedule('mutation');
  });
  const bodyObserver = new MutationObserver((records) => {
    if (area?.isConnected === true) return; // the common case on a ticking page: O(1) and done
    if (!records.some((record) => isRelevantMutation(record, options.isOwnNode))) return;
    if (area !== null) {
      schedule('area-changed'); // our area was removed: re-find and re-read in the next frame
      return;
    }
    // No area yet: read again, but not on every mutation of a busy page.
    if (searchTimerSet) return;
    searchTimerSet = true;
    searchTimerId = setTimeout(() => {
      searchTimerSet = false;
      if (!stopped && ctx.isValid) schedule('area-changed');
    }, searchIntervalMs);
  });

  function attach(found: Element | null): void {
    if (found === area) return;
    areaObserver.disconnect();
    area = found;
    if (area !== null) {
      areaObserver.observe(area, {
        childList: true,
        subtree: true,
        characterData: true,
        // Only attributes the reader looks at (hidden rows, side classes, tabs): hover effects and
        // animated inline styles on a trading page must not cost a read each.
        attributeFilter: READ_ATTRIBUTES,
      });
    }
  }

  function run(): void {
    frameRequested = false;
    const reason = pendingReason ?? 'manual';
    pendingReason = null;
    if (stopped || !ctx.isValid) return;
    if (document.hidden) {
      pendingWhileHidden = true;
      pendingRecords = null; // the catch-up read after the tab is shown reads everything
      return;
    }
    // Records not yet delivered to the callback belong to this read too.
    collect(areaObserver.takeRecords());
    // A read going on is handed every record since it began, each time (it applies them when it
    // finishes): they may have changed rows it read already.
    const continuing = reason === 'continue';
    const changes = reason === 'mutation' || continuing ? pendingRecords : null;
    if (!continuing) pendingRecords = [];
    let pass: ReadPass | null = null;
    try {
      pass = options.read(reason, changes);
      attach(pass.area);
    } catch (error) {
      // Contained: a failure here must never surface as an uncaught error in the page's console.
      options.onError(error);
    }
    if (pass?.unfinished === true) {
      schedule('continue');
    } else if (continuing) {
      // Done: it read the records. Too many to keep, they are not known: read everything again.
      if (pendingRecords === null) schedule('mutation');
      else pendingRecords = [];
    }
  }

  /** Which pending reason wins: structural ones over a read going on, which waits for no tick. */
  function outranks(reason: WatchReason, pending: WatchReason | null): boolean {
    if (pending === null || pending === 'mutation') return true;
    return pending === 'continue' && reason !== 'mutation';
  }

  function schedule(reason: WatchReason): void {
    if (stopped) return;
    // A navigation or structural change outranks a plain tick that is already queued.
    if (outranks(reason, pendingReason)) pendingReason = reason;
    if (reason !== 'mutation' && reason !== 'continue') pendingRecords = null;
    if (document.hidden) {
      pendingWhileHidden = true;
      return;
    }
    if (frameRequested) return;
    frameRequested = true;
    frameId = requestAnimationFrame(run);
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    areaObserver.disconnect();
    bodyObserver.disconnect();
    cancelAnimationFrame(frameId);
    clearTimeout(searchTimerId);
  }

  ctx.addEventListener(document, 'visibilitychange', () => {
    if (!document.hidden && pendingWhileHidden) {
      pendingWhileHidden = false;
      schedule('visible');
    }
  });
  const navigate = (url: URL) => {
    if (stopped) return;
    try {
      options.onNavigate(url);
    } catch (error) {
      options.onError(error);
    }
    schedule('navigation');
  };
  // Must go through ctx: WXT starts its location watcher and renames the event per script there.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    // WXT's event carries the destination; the Navigation API fires before location updates.
    const { newUrl } = event as Event & { newUrl?: unknown };
    navigate(newUrl instanceof URL ? newUrl : new URL(location.href));
  });
  ctx.addEventListener(window, 'hashchange', () => {
    navigate(new URL(location.href));
  });

  bodyObserver.observe(document.body, { childList: true, subtree: true });
  ctx.onInvalidated(stop);
  schedule('start');

  return {
    refresh: () => {
      schedule('manual');
    },
    stop,
    get area() {
      return area;
    },
  };
}
