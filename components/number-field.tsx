/**
 * A labelled text input for a number. The label is a real <label for>, the error and the hint are
 * tied to the input with aria-describedby, and an invalid field says so with aria-invalid.
 */
export interface NumberFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (text: string) => void;
  readonly testId?: string;
  /** Shown inside the field, after the number ("USDT", "×"). */
  readonly unit?: string;
  readonly hint?: string;
  /** A translated problem; the field is marked invalid while it is set. */
  readonly error?: string;
  readonly required?: boolean;
  readonly placeholder?: string;
}

export function NumberField(props: NumberFieldProps) {
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  const describedBy = [props.error ? errorId : '', props.hint ? hintId : '']
    .filter((id) => id !== '')
    .join(' ');
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={props.id}>
        {props.label}
        {props.required === true ? (
          <span class="required" aria-hidden="true">
            {' *'}
          </span>
        ) : null}
      </label>
      <div class="input-wrap">
        <input
          id={props.id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellcheck={false}
          value={props.value}
          placeholder={props.placeholder}
          data-testid={props.testId}
          aria-invalid={props.error ? 'true' : undefined}
          aria-required={props.required === true ? 'true' : undefined}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onInput={(event) => {
            props.onInput(event.currentTarget.value);
          }}
        />
        {props.unit === undefined ? null : (
          <span class="input-unit" aria-hidden="true">
            {props.unit}
          </span>
        )}
      </div>
      {props.error ? (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      {props.hint ? (
        <p class="field-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
