/**
 * The calculator's form state, loaded once from storage (a pending prefill from the panel wins
 * over the last inputs, and is removed once used) and saved on every change.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { calculatorInputsItem, calculatorPrefillItem } from './calculator-items';
import type { CalculatorForm } from './form';
import { formFromPrefill, readPrefill, sanitizeForm } from './sanitize-form';

export interface CalculatorFormState {
  /** null while storage is being read. */
  readonly form: CalculatorForm | null;
  readonly update: (patch: Partial<CalculatorForm>) => void;
  /** Set when the form came from the panel ("open in calculator"): the site and symbol. */
  readonly prefilledFrom: { readonly site: string; readonly symbol: string } | null;
}

async function loadForm(): Promise<{
  form: CalculatorForm;
  prefilledFrom: CalculatorFormState['prefilledFrom'];
}> {
  const prefill = readPrefill(await calculatorPrefillItem.getValue());
  if (prefill !== null) {
    await calculatorPrefillItem.removeValue();
    const form = formFromPrefill(prefill.input, prefill.symbol);
    await calculatorInputsItem.setValue(form);
    return { form, prefilledFrom: { site: prefill.site, symbol: prefill.symbol } };
  }
  return { form: sanitizeForm(await calculatorInputsItem.getValue()), prefilledFrom: null };
}

export function useCalculatorForm(): CalculatorFormState {
  const [form, setForm] = useState<CalculatorForm | null>(null);
  const [prefilledFrom, setPrefilledFrom] = useState<CalculatorFormState['prefilledFrom']>(null);

  useEffect(() => {
    let active = true;
    loadForm()
      .then((loaded) => {
        if (!active) return;
        setForm(loaded.form);
        setPrefilledFrom(loaded.prefilledFrom);
      })
      .catch(() => {
        // Storage unreadable: start from an empty form rather than show nothing.
        if (active) setForm(sanitizeForm(null));
      });
    return () => {
      active = false;
    };
  }, []);

  const update = useCallback((patch: Partial<CalculatorForm>) => {
    setForm((current) => {
      if (current === null) return current;
      const next = { ...current, ...patch };
      // Fire and forget: a failed save only loses the restore, never the calculation.
      calculatorInputsItem.setValue(next).catch(() => undefined);
      return next;
    });
  }, []);

  return { form, update, prefilledFrom };
}
