import './mediator.css';
import { tIn } from '../i18n/i18n.ts';
import { languageInfo } from '../survey/languages.ts';
import { MEDIATOR_NOTES_MAX } from '../survey/responseEnvelope.ts';
import { Pictogram } from '../ui/Pictogram.tsx';

/** At the end, the mediator's own observations (as IOM's interviewers add), kept apart from the answers. */
export function NotesScreen(props: { language: string; busy: boolean; onFinish: (text: string) => void; onBack: () => void }) {
  let notes!: HTMLTextAreaElement;
  const say = (key: string) => tIn(props.language, key);
  return (
    <main class="screen screen--mediator" lang={props.language} dir={languageInfo(props.language).dir}>
      <h1 class="screen__title" id="notes-title">
        <Pictogram name="comment" class="pictogram--title" />
        {say('mediator.notes.title')}
      </h1>
      <p class="mediator-hint" id="notes-hint">
        {say('mediator.notes.hint')}
      </p>
      <textarea
        ref={notes}
        class="text-answer mediator-notes"
        name="mediator-notes"
        aria-labelledby="notes-title"
        aria-describedby="notes-hint"
        maxLength={MEDIATOR_NOTES_MAX}
        rows={6}
        autocomplete="off"
        spellcheck={false}
      />
      <div class="mediator-actions">
        <button type="button" class="big-button" onClick={() => props.onBack()}>
          <Pictogram name="back" mirrorInRtl class="pictogram--inline" />
          {say('mediator.notes.back')}
        </button>
        <button type="button" class="big-button big-button--primary" disabled={props.busy} onClick={() => props.onFinish(notes.value)}>
          <Pictogram name="yes" class="pictogram--inline" />
          {say('mediator.notes.finish')}
        </button>
      </div>
    </main>
  );
}
