import { For, Show } from 'solid-js';
import type { PlacedProblem } from './problemPlaces.ts';

/** The server's problems with one field, beside it (text only: the message is the checker's plain words). */
export function FieldProblems(props: { problems: PlacedProblem[]; id?: string }) {
  return (
    <Show when={props.problems.length > 0}>
      <ul class="ed-field-problems" id={props.id}>
        <For each={props.problems}>{(problem) => <li>{problem.message}</li>}</For>
      </ul>
    </Show>
  );
}
