/**
 * The adapter registry: a literal array sorted by id (style.md §4.2; the convention test checks the
 * order and that every adapter file is listed here).
 */
import binance from './binance';
import bitget from './bitget';
import bybit from './bybit';
import { GENERIC_ADAPTER } from './generic';
import gate from './gate';
import htx from './htx';
import hyperliquid from './hyperliquid';
import jaspervault from './jaspervault';
import mexc from './mexc';
import okx from './okx';
import type { Adapter } from './types';
import { matchesPattern } from '../match-pattern';

export const ADAPTERS: readonly Adapter[] = [
  binance,
  bitget,
  bybit,
  gate,
  htx,
  hyperliquid,
  jaspervault,
  mexc,
  okx,
];

export { GENERIC_ADAPTER };

/** Every adapter's host patterns, de-duplicated and sorted: the content script's `matches`. */
export const ALL_MATCH_PATTERNS: readonly string[] = [
  ...new Set(ADAPTERS.flatMap((adapter) => adapter.matches)),
].sort();

/** True when the URL is on one of the adapter's hosts and its path (+ hash route) is a futures page. */
export function adapterAccepts(adapter: Adapter, url: URL): boolean {
  const onHost = adapter.matches.some((pattern) => matchesPattern(pattern, url));
  if (!onHost) return false;
  const route = `${url.pathname}${url.hash}`;
  return adapter.paths.some((rule) =>
    rule instanceof RegExp ? rule.test(route) : url.hostname === rule.host && rule.path.test(route),
  );
}

/**
 * The adapter for a page URL: the first whose matches and path rules accept it.
 *
 * @returns the adapter, or null for pages we do not read (other pages of a listed site, bad URLs).
 */
export function findAdapter(url: string | URL): Adapter | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  return ADAPTERS.find((adapter) => adapterAccepts(adapter, parsed)) ?? null; // no adapter: not a futures page
}
