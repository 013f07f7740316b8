import { Show } from 'solid-js';
import { languageInfo } from '../../../survey/languages.ts';
import { FieldProblems } from './FieldProblems.tsx';
import type { PlacedProblem } from './problemPlaces.ts';

/**
 * One text of the survey in one language: written in that language's direction, with the
 * server's problems beside it. Every keystroke is an edit (the editor saves after a pause).
 */
export function TextInput(props: {
  id: string;
  label: string;
  value: string;
  language: string;
  onInput: (value: string) => void;
  problems?: PlacedProblem[];
  multiline?: boolean;
  hint?: string;
}) {
  const problems = () => props.problems ?? [];
  const described = () => [props.hint ? `${props.id}-hint` : '', problems().length ? `${props.id}-problems` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="sw-field ed-text-field">
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <span class="sw-note" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      </Show>
      <Show
        when={props.multiline}
        fallback={
          <input
            id={props.id}
            type="text"
            lang={props.language}
            dir={languageInfo(props.language).dir}
            value={props.value}
            aria-invalid={problems().length > 0 ? 'true' : undefined}
            aria-describedby={described()}
            onInput={(event) => props.onInput(event.currentTarget.value)}
          />
        }
      >
        <textarea
          id={props.id}
          rows={2}
          lang={props.language}
          dir={languageInfo(props.language).dir}
          value={props.value}
          aria-invalid={problems().length > 0 ? 'true' : undefined}
          aria-describedby={described()}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      </Show>
      <FieldProblems problems={problems()} id={`${props.id}-problems`} />
    </div>
  );
}
