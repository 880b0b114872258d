/**
 * "Open in calculator": the panel writes what it read to local:calculatorPrefill (shared
 * interface: entrypoints/popup/calculator/calculator-items.ts; the popup fills its calculator from
 * it and removes it), then asks the background to open the popup page in a tab
 * (OpenCalculatorMessage).
 */
import { browser } from '#imports';
import type { PositionInput } from '../../core/contract';
import { OPEN_CALCULATOR_MESSAGE_TYPE, type OpenCalculatorMessage } from '../../core/protocol';
export interface CalculatorPrefill {
  readonly input: Partial<PositionInput>;
  readonly symbol: string;
  readonly site: string;
}

import { writeLocal } from './local-storage';

/** Best effort: a failure leaves the page and the panel as they were. */
export async function openInCalculator(prefill: CalculatorPrefill): Promise<void> {
  try {
    await writeLocal('calculatorPrefill', prefill);
    const message: OpenCalculatorMessage = { type: OPEN_CALCULATOR_MESSAGE_TYPE };
    await browser.runtime.sendMessage(message);
  } catch {
    // Storage unavailable or no background listener: nothing to undo, nothing to throw at the page.
  }
}
