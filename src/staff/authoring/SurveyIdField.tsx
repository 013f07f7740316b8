import { Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';

/** The id of a new survey: what it may contain said beside it, and what is wrong with it as typed. */
export function SurveyIdField(props: { id: string; value: string; problem: string; onInput: (value: string) => void }) {
  return (
    <div class="sw-field">
      <label for={props.id}>{t('authoring:library.idLabel')}</label>
      <input
        id={props.id}
        type="text"
        dir="ltr"
        spellcheck={false}
        autocomplete="off"
        maxLength={63}
        required
        value={props.value}
        aria-invalid={props.problem ? 'true' : undefined}
        aria-describedby={`${props.id}-hint${props.problem ? ` ${props.id}-problem` : ''}`}
        onInput={(event) => props.onInput(event.currentTarget.value.trim())}
      />
      <p id={`${props.id}-hint`} class="sw-note">{t('authoring:library.idHint')}</p>
      <Show when={props.problem}>
        <p id={`${props.id}-problem`} class="sw-error">{props.problem}</p>
      </Show>
    </div>
  );
}
