/**
 * Where the panel sits on each site (storage key local:panelPlacement, shared interface): site id →
 * {x, y, collapsed}. Whatever storage holds is repaired on read, so a corrupt entry only costs the
 * remembered position, never the panel.
 */
import { storage } from '#imports';
import type { PanelPlacement } from '../../components/panel/panel';

export type PlacementsBySite = Readonly<Record<string, PanelPlacement>>;

export const placementItem = storage.defineItem<PlacementsBySite>('local:panelPlacement', {
  fallback: {},
  version: 1,
});

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
  const stored = await placementItem.getValue();
  await placementItem.setValue({ ...stored, [siteId]: placement });
}
