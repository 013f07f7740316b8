import { createEffect, createMemo, For, onMount, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { localize } from '../../survey/localize.ts';
import { paperOptions } from '../../survey/paper/paperAnswers.ts';
import type { Question, SurveyDefinition } from '../../survey/schema.ts';
import { keyableQuestions, questionsToKey, type KeyInput, type KeyProblem, type SheetState } from './keySheet.ts';
import { keyedText, optionLabel } from './paperValueText.ts';

function problemText(problem: KeyProblem): string {
  switch (problem.kind) {
    case 'not-an-option': return t('results:paperEntry.keyProblems.notAnOption', { typed: problem.typed });
    case 'too-many': return t('results:paperEntry.keyProblems.tooMany', { max: problem.max });
    case 'too-long': return t('results:paperEntry.keyProblems.tooLong', { max: problem.max });
    default: return t(`results:paperEntry.keyProblems.${problem.kind === 'no-prefer-not' ? 'noPreferNot' : problem.kind === 'mark-needed' ? 'markNeeded' : 'formula'}`);
  }
}

/**
 * The open sheet: one field that takes every key (the codes printed on the form, the marks,
 * Enter, Backspace, ArrowUp; a text question's words), the current question's codes, and the
 * sheet as a compact list with the current row marked.
 */
export function SheetKeying(props: { survey: SurveyDefinition; state: SheetState | undefined; language: string; onKey: (input: KeyInput) => void }) {
  let field: HTMLInputElement | undefined;
  const list = createMemo(() => keyableQuestions(props.survey));
  // The printed number: questions that take an answer, 1, 2, 3... in definition order (as paperQuestionNumbers in print/makePaperBlocks.ts).
  const number = (id: string) => list().findIndex((q) => q.id === id) + 1;
  const shown = createMemo(() => (props.state ? questionsToKey(props.survey, props.state.answers) : []));
  const current = createMemo(() => list().find((q) => q.id === props.state?.current));
  const text = (question: Question) => localize(question.text, props.language, props.survey.defaultLanguage);
  const rows = new Map<string, HTMLLIElement>();

  onMount(() => field?.focus());
  createEffect(() => {
    const id = props.state?.current;
    if (id) rows.get(id)?.scrollIntoView?.({ block: 'nearest' });
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.key === 'Tab' || event.isComposing) return;
    const question = current();
    if (question?.kind === 'text') {
      const own = event.key === 'Enter' || event.key === 'ArrowUp' || event.key === 'Escape' || (event.key === 'Backspace' && (event.currentTarget as HTMLInputElement).value === '');
      if (!own) return; // typing goes through the input event
      event.preventDefault();
      props.onKey({ key: event.key });
      return;
    }
    if (event.key.length > 1 && !['Enter', 'Backspace', 'ArrowUp', 'Escape'].includes(event.key)) return;
    event.preventDefault();
    props.onKey({ key: event.key });
  };

  const codesHint = () => {
    const question = current();
    if (!question) return t('results:paperEntry.endHint');
    const options = paperOptions(question)
      .map((o) => `${o.code} ${optionLabel(question, o, props.language, props.survey)}`.trim())
      .join(' · ');
    const marks = [t('results:paperEntry.marks.blank'), t('results:paperEntry.marks.unreadable'), ...(question.preferNotToAnswer ? [t('results:paperEntry.marks.preferNot')] : [])].join(' · ');
    if (question.kind === 'text') return `${t('results:paperEntry.textHint')} · ${marks}`;
    return `${options} · ${marks}${question.kind === 'multi' ? ` · ${t('results:paperEntry.multiHint')}` : ''}`;
  };

  /** What was keyed for a row: rows past the current one that were never reached show nothing. */
  const rowValue = (question: Question) => {
    const state = props.state;
    if (!state || question.id === state.current) return '';
    const reached = state.current === null || shown().findIndex((q) => q.id === question.id) < shown().findIndex((q) => q.id === state.current);
    const unreadable = state.unreadable.includes(question.id);
    if (!reached && state.answers[question.id] === undefined && !unreadable) return '';
    return keyedText(question, state.answers[question.id], unreadable, props.language, props.survey);
  };

  const label = () => {
    const question = current();
    return question ? t('results:paperEntry.questionLabel', { number: number(question.id), total: list().length, text: text(question) }) : t('results:paperEntry.endLabel');
  };

  return (
    <Show when={props.state}>
      {(state) => (
        <div class="sw-paper-keying">
          <div class="sw-field sw-paper-answer">
            <label for="sw-paper-answer">{label()}</label>
            <input
              id="sw-paper-answer"
              ref={(el) => (field = el)}
              autocomplete="off"
              spellcheck={current()?.kind === 'text'}
              aria-describedby="sw-paper-codes"
              aria-invalid={state().problem ? 'true' : undefined}
              value={state().buffer}
              onKeyDown={onKeyDown}
              onInput={(e) => props.onKey({ text: e.currentTarget.value })}
            />
            <p id="sw-paper-codes" class="sw-note">
              {codesHint()}
            </p>
            <Show when={current()?.kind === 'multi'}>
              <p class="sw-paper-ticked" aria-live="polite">
                {t('results:paperEntry.ticked', { codes: state().selected.join(', ') || '–' })}
              </p>
            </Show>
            <Show when={state().problem}>{(p) => <p class="sw-error" role="alert">{problemText(p())}</p>}</Show>
          </div>
          <ol class="sw-paper-rows" aria-label={t('results:paperEntry.rowsLabel')}>
            <For each={shown()}>
              {(question) => (
                <li
                  ref={(el) => rows.set(question.id, el)}
                  class={question.id === state().current ? 'sw-paper-row sw-paper-row--current' : 'sw-paper-row'}
                  aria-current={question.id === state().current ? 'step' : undefined}
                >
                  <span class="sw-paper-number">{number(question.id)}</span>
                  <span class="sw-paper-text">{text(question)}</span>
                  <span class="sw-paper-value">
                    {rowValue(question)}
                  </span>
                </li>
              )}
            </For>
          </ol>
        </div>
      )}
    </Show>
  );
}
