/** A labelled native <select>: keyboard and screen-reader behaviour come from the browser. */
export interface SelectOption<T extends string> {
  readonly value: T;
  readonly label: string;
}

export interface SelectFieldProps<T extends string> {
  readonly id: string;
  readonly label: string;
  readonly value: T;
  readonly options: readonly SelectOption<T>[];
  readonly onChange: (value: T) => void;
  readonly testId?: string;
  readonly hint?: string;
}

export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const hintId = `${props.id}-hint`;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        data-testid={props.testId}
        aria-describedby={props.hint ? hintId : undefined}
        onChange={(event) => {
          const chosen = props.options.find((option) => option.value === event.currentTarget.value);
          if (chosen) props.onChange(chosen.value);
        }}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {props.hint ? (
        <p class="field-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}
