/**
 * Where the panel sits on each site (storage.local key `panelPlacement`, shared interface): site id →
 * {x, y, collapsed}. Whatever storage holds is repaired on read, so a corrupt entry only costs the
 * remembered position, never the panel.
 */
import type { PanelPlacement } from '../../components/panel/panel';
import { readLocal, writeLocal } from './local-storage';

export const PLACEMENT_KEY = 'panelPlacement';

/** Every site's stored placement, as stored (each entry is checked by readPlacement). */
export async function readPlacements(): Promise<unknown> {
  return (await readLocal(PLACEMENT_KEY)) ?? {};
}

function isCoordinate(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0);
}

/** A stored placement, or null when the entry is missing or malformed. */
export function readPlacement(stored: unknown, siteId: string): PanelPlacement | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const entry: unknown = (stored as Record<string, unknown>)[siteId];
  if (typeof entry !== 'object' || entry === null) return null;
  const { x, y, collapsed } = entry as Record<string, unknown>;
  if (!isCoordinate(x) || !isCoordinate(y) || typeof collapsed !== 'boolean') return null;
  return { x, y, collapsed };
}

/** Remember one site's placement, keeping the others. */
export async function savePlacement(siteId: string, placement: PanelPlacement): Promise<void> {
  const stored = await readLocal(PLACEMENT_KEY);
  const others = typeof stored === 'object' && stored !== null ? stored : {};
  await writeLocal(PLACEMENT_KEY, { ...others, [siteId]: placement });
}
