import { Show } from 'solid-js';

const SAFE_NAME = /^[a-z0-9-]{1,64}$/;

/**
 * A pictogram residents saw (/pictograms/<name>.svg), by a name that comes from the server's
 * report; decorative beside the words that say the same, so hidden from screen readers.
 */
export function PictogramImage(props: { name: string | undefined; class?: string }) {
  return (
    <Show when={props.name && SAFE_NAME.test(props.name) ? props.name : undefined}>
      {(name) => <img src={`/pictograms/${name()}.svg`} alt="" aria-hidden="true" class={`sw-pictogram ${props.class ?? ''}`} draggable={false} />}
    </Show>
  );
}
