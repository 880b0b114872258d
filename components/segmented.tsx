/**
 * A segmented control: a native radio group (arrow keys move the choice, Tab leaves the group)
 * styled as one row of buttons. Option values are the words the core uses.
 */
export interface SegmentedProps<T extends string> {
  readonly name: string;
  readonly legend: string;
  readonly value: T;
  readonly options: readonly { readonly value: T; readonly label: string }[];
  readonly onChange: (value: T) => void;
  readonly testId?: string;
}

export function Segmented<T extends string>(props: SegmentedProps<T>) {
  return (
    <fieldset class="segmented" data-testid={props.testId}>
      <legend>{props.legend}</legend>
      <div class="segmented-options">
        {props.options.map((option) => (
          <label key={option.value} class={option.value === props.value ? 'checked' : undefined}>
            <input
              type="radio"
              name={props.name}
              value={option.value}
              checked={option.value === props.value}
              onChange={() => {
                props.onChange(option.value);
              }}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
