/**
 * WAI-ARIA tabs: a tablist with roving focus (arrow keys, Home, End) and one visible panel.
 * https://www.w3.org/WAI/ARIA/apg/patterns/tabs/
 */
import type { ComponentChildren } from 'preact';

export interface TabsProps<T extends string> {
  readonly label: string;
  readonly tabs: readonly { readonly id: T; readonly label: string }[];
  readonly selected: T;
  readonly onSelect: (id: T) => void;
  readonly children: ComponentChildren;
}

export function Tabs<T extends string>(props: TabsProps<T>) {
  const index = props.tabs.findIndex((tab) => tab.id === props.selected);
  const focusTab = (next: number) => {
    const tab = props.tabs[(next + props.tabs.length) % props.tabs.length];
    if (tab === undefined) return;
    props.onSelect(tab.id);
    // After the render, move the focus to the newly selected tab (roving tabindex).
    requestAnimationFrame(() => {
      document.getElementById(`tab-${tab.id}`)?.focus();
    });
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={props.label}>
        {props.tabs.map((tab) => {
          const selected = tab.id === props.selected;
          return (
            <button
              key={tab.id}
              id={`tab-${tab.id}`}
              type="button"
              role="tab"
              class="tab"
              aria-selected={selected}
              aria-controls={`panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              data-testid={`tab-${tab.id}`}
              onClick={() => {
                props.onSelect(tab.id);
              }}
              onKeyDown={(event) => {
                if (event.key === 'ArrowRight') focusTab(index + 1);
                else if (event.key === 'ArrowLeft') focusTab(index - 1);
                else if (event.key === 'Home') focusTab(0);
                else if (event.key === 'End') focusTab(props.tabs.length - 1);
                else return;
                event.preventDefault();
              }}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div
        class="tab-panel"
        role="tabpanel"
        id={`panel-${props.selected}`}
        aria-labelledby={`tab-${props.selected}`}
      >
        {props.children}
      </div>
    </>
  );
}
