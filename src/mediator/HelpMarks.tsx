import './mediator.css';
import { For } from 'solid-js';
import { tIn } from '../i18n/i18n.ts';
import { languageInfo } from '../survey/languages.ts';
import { HELP_KINDS, type HelpKind } from '../survey/responseEnvelope.ts';

/** The mediator marks, in their own language, what help this question needed. */
export function HelpMarks(props: { language: string; marked: readonly HelpKind[]; onToggle: (kind: HelpKind) => void }) {
  return (
    <fieldset class="help-marks" lang={props.language} dir={languageInfo(props.language).dir}>
      <legend>{tIn(props.language, 'mediator.help.legend')}</legend>
      <For each={HELP_KINDS}>
        {(kind) => (
          <button type="button" class="help-mark" aria-pressed={props.marked.includes(kind)} onClick={() => props.onToggle(kind)}>
            {tIn(props.language, `mediator.help.${kind}`)}
          </button>
        )}
      </For>
    </fieldset>
  );
}
