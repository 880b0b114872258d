/**
 * Stored calculator state: the last inputs (restored when the popup opens) and the one-shot prefill
 * the panel writes for "open in calculator" (read once, then removed).
 */
import { storage } from '#imports';
import type { PositionInput } from '../../../core/contract';
import { EMPTY_FORM, type CalculatorForm } from './form';

export const CALCULATOR_INPUTS_VERSION = 1;

export const calculatorInputsItem = storage.defineItem<CalculatorForm>('local:calculatorInputs', {
  fallback: EMPTY_FORM,
  version: CALCULATOR_INPUTS_VERSION,
});

/** Written by the panel (components/panel, "open in calculator"); agreed shape, see the brief. */
export interface CalculatorPrefill {
  readonly input: Partial<PositionInput>;
  readonly symbol: string;
  readonly site: string;
}

export const calculatorPrefillItem = storage.defineItem<CalculatorPrefill | null>(
  'local:calculatorPrefill',
  { fallback: null },
);
