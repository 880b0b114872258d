import { describe, expect, it } from 'vitest';
import type { Estimate, PositionInput } from '../../core/contract';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { INTERNAL_ERROR_CODE, runEstimate } from '../../entrypoints/popup/calculator/run-estimate';

const INPUT: PositionInput = {
  product: 'linear',
  marginMode: 'isolated',
  side: 'long',
  quantity: '1',
  entryPrice: '100',
  margin: '10',
  maintenanceMarginRate: '0.01',
};
const GOOD: Estimate = {
  liquidationPrice: '90.9',
  bankruptcyPrice: '90',
  maintenanceMargin: '0.909',
  margin: '10',
};
const faking = (estimate: Estimate) => () => ({ ok: true as const, estimate });

describe('runEstimate', () => {
  it('passes the settings that shape the answer to the core, with the explain steps', () => {
    const outcome = runEstimate(INPUT, { tolerancePercent: '0.2', targetBufferPercent: '25' });
    expect(outcome.ok && outcome.estimate.remedies?.targetBufferPercent).toBe('25');
    expect(outcome.ok && (outcome.estimate.steps?.length ?? 0) > 0).toBe(true);
  });

  it('turns a thrown core error into an error outcome', () => {
    const outcome = runEstimate(INPUT, DEFAULT_SETTINGS, () => {
      throw new Error('bug');
    });
    expect(outcome).toMatchObject({ ok: false, errors: [{ code: INTERNAL_ERROR_CODE }] });
  });

  it.each([
    ['a negative liquidation price', { ...GOOD, liquidationPrice: '-5' }],
    ['a zero bankruptcy price', { ...GOOD, bankruptcyPrice: '0' }],
    ['NaN maintenance', { ...GOOD, maintenanceMargin: 'NaN' }],
    ['an infinite buffer', { ...GOOD, buffer: { price: '1', percent: 'Infinity' } }],
  ])('refuses to show %s', (_case, estimate) => {
    expect(runEstimate(INPUT, DEFAULT_SETTINGS, faking(estimate))).toMatchObject({
      ok: false,
      errors: [{ code: INTERNAL_ERROR_CODE }],
    });
  });

  it('shows "no liquidation" (null) as it is', () => {
    const none = { ...GOOD, liquidationPrice: null, bankruptcyPrice: null };
    expect(runEstimate(INPUT, DEFAULT_SETTINGS, faking(none))).toEqual({
      ok: true,
      estimate: none,
    });
  });
});
