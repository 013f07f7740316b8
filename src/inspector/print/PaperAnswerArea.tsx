import { For, Match, Show, Switch } from 'solid-js';
import { answerOptions } from '../../kiosk/answerOptions.ts';
import { localize } from '../../survey/localize.ts';
import { PREFER_NOT_MARK, paperOptions } from '../../survey/paper/paperAnswers.ts';
import type { Question, SurveyDefinition } from '../../survey/schema.ts';
import { Pictogram } from '../../ui/Pictogram.tsx';
import type { SheetTranslate } from './sheetWords.ts';

/** One empty tick box (drawn, so it prints the same everywhere). */
export function TickBox() {
  return <span class="pp-box" aria-hidden="true" />;
}

/** The code the transcriber types for an option, printed small beside its box. */
function Code(props: { code: string }) {
  return <span class="pp-code">{props.code}</span>;
}

/** Lines to write on: 3 for a comment of up to 1,000 characters, more for longer ones (at most 8). */
function lineCount(question: Extract<Question, { kind: 'text' }>): number {
  return Math.min(8, Math.max(2, Math.ceil((question.maxLength ?? 1000) / 350)));
}

/** How to answer, said beside the question: tick one, tick all that apply, write on the lines. */
export function answerInstruction(question: Question, word: SheetTranslate): string {
  switch (question.kind) {
    case 'multi': return question.maxSelected ? word('paperForm.tickUpTo', { max: question.maxSelected }) : word('paperForm.tickAll');
    case 'rating': return word('paperForm.tickOneNumber');
    case 'text': return word('paperForm.writeOnLines');
    case 'info':
    case 'spoken': return '';
    default: return word('paperForm.tickOne');
  }
}

/**
 * Where the respondent answers one question: tick boxes with the printed codes of
 * paperOptions beside them, a row of numbered boxes for a rating, faces for a face scale,
 * ruled lines for text, and the "prefer not to answer" box where the question offers it.
 */
export function PaperAnswerArea(props: { question: Question; survey: SurveyDefinition; language: string; word: SheetTranslate }) {
  const q = props.question;
  const codes = paperOptions(q);
  const labelled = answerOptions(q, props.language, props.survey.defaultLanguage, (key, options) => props.word(key, options as Record<string, string | number>));
  const options = codes.map((option) => ({ ...option, shown: labelled.find((l) => l.value === option.value) }));
  const preferNot = () => (
    <span class="pp-option">
      <TickBox />
      <Pictogram name="prefer-not" class="pp-option__pictogram" />
      <span class="pp-option__label">{props.word('answer.preferNot')}</span>
      <Code code={PREFER_NOT_MARK} />
    </span>
  );
  const edge = (text: Parameters<typeof localize>[0]) => localize(text, props.language, props.survey.defaultLanguage);
  return (
    <div class="pp-answer">
      <Switch>
        <Match when={q.kind === 'rating' && q}>
          {(rating) => (
            <div class="pp-scale-wrap">
              <div class="pp-scale" style={{ '--pp-cells': String(options.length) }}>
                <For each={options}>
                  {(option) => (
                    <span class="pp-scale__cell">
                      <span class="pp-scale__number">{option.code}</span>
                      <TickBox />
                    </span>
                  )}
                </For>
              </div>
              <Show when={rating().minLabel || rating().maxLabel}>
                <div class="pp-scale__ends">
                  <span>{rating().minLabel ? `${options[0]!.code}: ${edge(rating().minLabel)}` : ''}</span>
                  <span>{rating().maxLabel ? `${options.at(-1)!.code}: ${edge(rating().maxLabel)}` : ''}</span>
                </div>
              </Show>
            </div>
          )}
        </Match>
        <Match when={q.kind === 'faces'}>
          <div class="pp-faces">
            <For each={options}>
              {(option) => (
                <span class="pp-faces__cell">
                  <Show when={option.shown?.pictogram}>{(name) => <Pictogram name={name()} class="pp-face" />}</Show>
                  <TickBox />
                  <span class="pp-faces__label">{option.shown?.label}</span>
                  <Code code={option.code} />
                </span>
              )}
            </For>
          </div>
        </Match>
        <Match when={q.kind === 'text' && q}>
          {(text) => (
            <>
              <div class="pp-lines" aria-hidden="true">
                <For each={Array.from({ length: lineCount(text()) })}>{() => <span class="pp-line" />}</For>
              </div>
            </>
          )}
        </Match>
        <Match when={options.length > 0}>
          <div class={`pp-options${options.length > 3 ? ' pp-options--grid' : ''}`}>
            <For each={options}>
              {(option) => (
                <span class="pp-option">
                  <TickBox />
                  <Show when={option.shown?.pictogram}>{(name) => <Pictogram name={name()} class="pp-option__pictogram" />}</Show>
                  <span class="pp-option__label">{option.shown?.label ?? String(option.value)}</span>
                  <Code code={option.code} />
                </span>
              )}
            </For>
            {/* Among the options, as the kiosk offers it: one more box, with its own code. */}
            <Show when={q.preferNotToAnswer}>{preferNot()}</Show>
          </div>
        </Match>
      </Switch>
      <Show when={q.preferNotToAnswer && (q.kind === 'rating' || q.kind === 'faces' || q.kind === 'text')}>
        <div class="pp-options">{preferNot()}</div>
      </Show>
    </div>
  );
}
