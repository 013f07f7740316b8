import { Show } from 'solid-js';

/** What the last action did, on screen and announced (WCAG 4.1.3); nothing while the message is empty. */
export function StatusNote(props: { message: string }) {
  return (
    <Show when={props.message}>
      <p class="sw-success" role="status">
        {props.message}
      </p>
    </Show>
  );
}
