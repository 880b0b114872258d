/**
 * Liquidation price with the maintenance model of the position: a single rate, a fixed amount, or
 * tiers. For tiers (formulas.md §0 "Tier rule"), solve with each tier's (MMR, cum) and keep the tier
 * whose [floor, cap) contains the notional at that tier's own solution; with maintenance on entry
 * value or size-based tiers the tier is known up front.
 */
import { ZERO, type Decimal } from '../decimal';
import type { Position } from '../position';
import type { Price } from '../units';
import type { FeeTerm, MaintenanceTerm } from './equation';
import type { Model, Solution } from './model';
import { isInTier, lastCap, tierContaining, type Tier } from './tiers';

export interface TierChoice {
  readonly tier: Tier;
  /** The measure (notional or size) that selected the tier. */
  readonly measure: Decimal;
  /** How the choice was made, for the explain view. */
  readonly rule: 'liquidation-notional' | 'entry-notional' | 'size' | 'most-conservative';
}

export type LiquidationSolution =
  | {
      readonly ok: true;
      /** null: no liquidation at any price. */
      readonly price: Price | null;
      readonly maintenance: MaintenanceTerm;
      readonly tier: TierChoice | null;
    }
  | { readonly ok: false; readonly reason: 'bad-slope' }
  | { readonly ok: false; readonly reason: 'tier-table-exceeded'; readonly cap: Decimal };

function termOf(tier: Tier): MaintenanceTerm {
  return {
    kind: 'rate',
    maintenanceMarginRate: tier.maintenanceMarginRate,
    maintenanceAmount: tier.maintenanceAmount,
  };
}

/** Measure that selects a tier when the price is `price` (null = no liquidation → notional 0). */
export function tierMeasure(
  model: Model,
  measure: 'notional' | 'base',
  price: Price | null,
): Decimal {
  const position: Position = model.position;
  if (measure === 'base') return position.exposure;
  if (position.maintenanceBasis === 'entry') return model.valueAt(position.entryPrice);
  return price === null ? ZERO : model.valueAt(price);
}

/**
 * The maintenance term that applies at `price` (used for the "already past liquidation" check,
 * the maintenance shown, and the account view).
 *
 * @returns the term and tier, or null when the position lies beyond a bounded tier table.
 */
export function maintenanceTermAt(
  model: Model,
  price: Price,
): { readonly term: MaintenanceTerm; readonly tier: Tier | null } | null {
  const maintenance = model.position.maintenance;
  if (maintenance.kind === 'rate') return { term: maintenance, tier: null };
  if (maintenance.kind === 'fixed') return { term: maintenance, tier: null };
  const tier = tierContaining(maintenance.tiers, tierMeasure(model, maintenance.measure, price));
  return tier === null ? null : { term: termOf(tier), tier };
}

/**
 * Solve gap = 0 for the position's maintenance model.
 *
 * @param fee - from closing-fee.ts.
 * @returns the price (or null for none), the maintenance term and tier used; or why it failed.
 */
export function solveLiquidation(model: Model, fee: FeeTerm): LiquidationSolution {
  const maintenance = model.position.maintenance;
  if (maintenance.kind !== 'tiers') {
    return fromSolution(model.solve(model.gap(maintenance, fee)), maintenance, null);
  }
  const { tiers } = maintenance;
  const fixedMeasure =
    maintenance.measure === 'base' || model.position.maintenanceBasis === 'entry';
  if (fixedMeasure) {
    const measure = tierMeasure(model, maintenance.measure, null);
    const tier = tierContaining(tiers, measure);
    if (tier === null)
      return { ok: false, reason: 'tier-table-exceeded', cap: lastCap(tiers) ?? measure };
    const rule = maintenance.measure === 'base' ? 'size' : 'entry-notional';
    return fromSolution(model.solve(model.gap(termOf(tier), fee)), termOf(tier), {
      tier,
      measure,
      rule,
    });
  }

  const candidates: {
    readonly tier: Tier;
    readonly price: Price | null;
    readonly measure: Decimal;
  }[] = [];
  for (const tier of searchOrder(model, tiers)) {
    const solution = model.solve(model.gap(termOf(tier), fee));
    if (solution.kind === 'bad-slope') continue;
    const price = solution.kind === 'price' ? solution.price : null;
    const measure = tierMeasure(model, 'notional', price);
    if (isInTier(tier, measure)) {
      return {
        ok: true,
        price,
        maintenance: termOf(tier),
        tier: { tier, measure, rule: 'liquidation-notional' },
      };
    }
    candidates.push({ tier, price, measure });
  }
  if (candidates.length === 0) return { ok: false, reason: 'bad-slope' };
  const cap = lastCap(tiers);
  if (cap !== null && candidates.every((candidate) => candidate.measure.gte(cap))) {
    return { ok: false, reason: 'tier-table-exceeded', cap };
  }
  // No tier is self-consistent: the table's maintenance jumps at a boundary (amounts not continuous).
  // Take the solution closest to the current side of the market, i.e. the earliest liquidation.
  const long = model.position.direction === 1;
  const priced = candidates.filter((candidate) => candidate.price !== null);
  const chosen = priced.reduce<(typeof priced)[number] | null>((best, candidate) => {
    if (best?.price == null || candidate.price === null) return best ?? candidate;
    return (long ? candidate.price.gt(best.price) : candidate.price.lt(best.price))
      ? candidate
      : best;
  }, null);
  if (chosen === null) {
    const first = candidates[0];
    if (first === undefined) return { ok: false, reason: 'bad-slope' };
    return {
      ok: true,
      price: null,
      maintenance: termOf(first.tier),
      tier: { ...first, rule: 'most-conservative' },
    };
  }
  return {
    ok: true,
    price: chosen.price,
    maintenance: termOf(chosen.tier),
    tier: { tier: chosen.tier, measure: chosen.measure, rule: 'most-conservative' },
  };
}

/**
 * Tiers ordered outward from the one holding the current notional (mark, else entry): the liquidation
 * tier is usually that one or a neighbour, so the search mostly stops after one or two solves. With
 * continuous amounts exactly one tier is self-consistent, so the order does not change the result.
 */
function searchOrder(model: Model, tiers: readonly Tier[]): readonly Tier[] {
  const position = model.position;
  const current = tierContaining(tiers, model.valueAt(position.markPrice ?? position.entryPrice));
  const start = current?.index ?? tiers.length - 1;
  const ordered: Tier[] = [];
  for (let distance = 0; ordered.length < tiers.length; distance += 1) {
    const below = tiers[start - distance];
    const above = distance === 0 ? undefined : tiers[start + distance];
    if (below !== undefined) ordered.push(below);
    if (above !== undefined) ordered.push(above);
  }
  return ordered;
}

function fromSolution(
  solution: Solution,
  maintenance: MaintenanceTerm,
  tier: TierChoice | null,
): LiquidationSolution {
  if (solution.kind === 'bad-slope') return { ok: false, reason: 'bad-slope' };
  return { ok: true, price: solution.kind === 'price' ? solution.price : null, maintenance, tier };
}
