/**
 * A settings number field that keeps what the user types as a draft and saves only a valid value.
 * An invalid draft shows its problem on the field and leaves the stored setting unchanged.
 */
import { useEffect, useState } from 'preact/hooks';
import { NumberField } from '../../../components/number-field';

export interface DraftFieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly stored: string;
  readonly unit?: string;
  readonly placeholder?: string;
  readonly testId: string;
  /** A translated problem, or null when the draft can be saved. */
  readonly validate: (draft: string) => string | null;
  readonly save: (draft: string) => void;
}

export function DraftField(props: DraftFieldProps) {
  const [draft, setDraft] = useState(props.stored);
  const [error, setError] = useState<string | null>(null);
  // Another window (or a sanitize on load) may change the stored value: follow it unless editing.
  useEffect(() => {
    if (error === null) setDraft(props.stored);
  }, [props.stored]);
  return (
    <NumberField
      id={props.id}
      label={props.label}
      value={draft}
      testId={props.testId}
      onInput={(text) => {
        setDraft(text);
        const problem = props.validate(text);
        setError(problem);
        if (problem === null) props.save(text);
      }}
      {...(props.hint === undefined ? {} : { hint: props.hint })}
      {...(props.unit === undefined ? {} : { unit: props.unit })}
      {...(props.placeholder === undefined ? {} : { placeholder: props.placeholder })}
      {...(error === null ? {} : { error })}
    />
  );
}
