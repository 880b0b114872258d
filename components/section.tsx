/**
 * A collapsible section built on <details>/<summary>: keyboard-operable and announced as
 * expandable without any script.
 */
import type { ComponentChildren } from 'preact';

export interface SectionProps {
  readonly title: string;
  readonly open?: boolean;
  readonly testId?: string;
  /** A short note shown next to the title (e.g. "2 filled"). */
  readonly badge?: string;
  readonly children: ComponentChildren;
}

export function Section(props: SectionProps) {
  return (
    <details class="section" open={props.open} data-testid={props.testId}>
      <summary>
        <span class="section-title">{props.title}</span>
        {props.badge === undefined ? null : <span class="section-badge">{props.badge}</span>}
      </summary>
      <div class="section-body">{props.children}</div>
    </details>
  );
}
