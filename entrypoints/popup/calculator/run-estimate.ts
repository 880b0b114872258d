/**
 * Calls the core for the calculator, with the settings that shape the answer (tolerance, target
 * buffer) and the explain steps. A core bug must not blank the popup: anything thrown becomes an
 * error outcome the form can show.
 */
import type { EstimateOutcome, PositionInput } from '../../../core/contract';
import { estimatePosition } from '../../../core/index';
import type { Settings } from '../../../core/settings';

export const INTERNAL_ERROR_CODE = 'POPUP_INTERNAL_ERROR';

export function runEstimate(
  input: PositionInput,
  settings: Pick<Settings, 'tolerancePercent' | 'targetBufferPercent'>,
): EstimateOutcome {
  try {
    return estimatePosition(input, {
      tolerancePercent: settings.tolerancePercent,
      targetBufferPercent: settings.targetBufferPercent,
      explain: true,
    });
  } catch {
    return {
      ok: false,
      errors: [{ code: INTERNAL_ERROR_CODE, field: null, message: 'The estimate failed' }],
    };
  }
}
