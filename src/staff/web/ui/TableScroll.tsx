import type { JSX } from 'solid-js';

/**
 * A wide table scrolls sideways inside this box on a narrow screen (WCAG 1.4.10); the box can
 * take keyboard focus so it can be scrolled without a mouse (WCAG 2.1.1), and is named for it.
 */
export function TableScroll(props: { label: string; children: JSX.Element }) {
  return (
    <div class="sw-table-scroll" tabIndex={0} role="group" aria-label={props.label}>
      {props.children}
    </div>
  );
}
