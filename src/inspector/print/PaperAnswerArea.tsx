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

/** The code the transcriber types for an option, printed beside its box. */
export function Code(props: { code: string }) {
  return <span class="pp-code">{props.code}</span>;
}

/** Lines to write on: 2 for a comment of up to 1,000 characters, more for longer ones (at most 6). */
function lineCount(question: Extract<Question, { kind: 'text' }>): number {
  return Math.min(6, Math.max(2, Math.ceil((question.maxLength ?? 1000) / 500)));
}

/** How to answer, said after the question: tick one, tick a number, tick all that apply. */
export function answerInstruction(question: Question, word: SheetTranslate): string {
  switch (question.kind) {
    case 'multi': return question.maxSelected ? word('paperForm.tickUpTo', { max: question.maxSelected }) : word('paperForm.tickAll');
    case 'rating': return word('paperForm.tickOneNumber');
    // The ruled lines say it themselves (and take the room the sentence would).
    case 'text':
    case 'info':
    case 'spoken': return '';
    default: return word('paperForm.tickOne');
  }
}

/** Answers on one line (short scales): printed beside the question's words when both fit, else under them. */
function optionsInRow(question: Question): boolean {
  switch (question.kind) {
    case 'yesno':
    case 'faces':
    case 'compliance': return true;
    case 'single':
    case 'multi': return question.choices.length <= 3;
    default: return false;
  }
}

/** Whether the answers may go beside the question's words (the row wraps them under when there is no room). */
export function answersBeside(question: Question): boolean {
  return optionsInRow(question);
}

/**
 * Columns of a longer choice list: as many as the longest label leaves readable
 * (about 16 characters a line in 4 columns at 10 pt), never fewer than 2.
 */
function columnsFor(labels: readonly string[]): number {
  const longest = Math.max(0, ...labels.map((label) => [...label].length));
  return longest <= 16 ? 4 : longest <= 64 ? 3 : 2;
}

/** The "prefer not to answer" box, with its own code, where a question offers it. */
export function PreferNot(props: { word: SheetTranslate }) {
  return (
    <span class="pp-option pp-option--prefer-not">
      <TickBox />
      <Code code={PREFER_NOT_MARK} />
      <Pictogram name="prefer-not" class="pp-option__pictogram" />
      <span class="pp-option__label">{props.word('answer.preferNot')}</span>
    </span>
  );
}

/**
 * Whether "prefer not to answer" prints beside the question's words rather than among the
 * answers: a list of choices or a rating then needs one row less.
 */
export function preferNotBeside(question: Question): boolean {
  return question.preferNotToAnswer && (question.kind === 'rating' || ((question.kind === 'single' || question.kind === 'multi') && !optionsInRow(question)));
}

/**
 * Where the respondent answers one question: tick boxes with the printed codes of
 * paperOptions beside them (short scales on one line, longer lists in columns), a row of
 * numbered boxes between the end labels for a rating, ruled lines for text, and the
 * "prefer not to answer" box where the question offers it (beside the words for longer
 * lists and ratings: PreferNot, placed by the block).
 */
export function PaperAnswerArea(props: { question: Question; survey: SurveyDefinition; language: string; word: SheetTranslate }) {
  const q = props.question;
  const codes = paperOptions(q);
  const labelled = answerOptions(q, props.language, props.survey.defaultLanguage, (key, options) => props.word(key, options as Record<string, string | number>));
  const options = codes.map((option) => ({ ...option, shown: labelled.find((l) => l.value === option.value) }));
  const preferNot = () => <PreferNot word={props.word} />;
  const edge = (text: Parameters<typeof localize>[0]) => localize(text, props.language, props.survey.defaultLanguage);
  // An expectation's three long answers (and "prefer not") side by side in one row of columns.
  const columns = q.kind === 'expectation' ? options.length + (q.preferNotToAnswer ? 1 : 0) : columnsFor(options.map((o) => o.shown?.label ?? ''));
  const preferNotHere = q.preferNotToAnswer && !preferNotBeside(q);
  return (
    <div class={`pp-answer pp-answer--${q.kind}`}>
      <Switch>
        <Match when={q.kind === 'rating' && q}>
          {(rating) => (
            <div class="pp-scale-line">
              <Show when={rating().minLabel}>{(label) => <span class="pp-scale__end pp-scale__end--min">{edge(label())}</span>}</Show>
              <span class="pp-scale">
                <For each={options}>
                  {(option) => (
                    <span class="pp-scale__cell">
                      <span class="pp-scale__number">{option.code}</span>
                      <TickBox />
                    </span>
                  )}
                </For>
              </span>
              <Show when={rating().maxLabel}>{(label) => <span class="pp-scale__end">{edge(label())}</span>}</Show>
              <Show when={preferNotHere}>{preferNot()}</Show>
            </div>
          )}
        </Match>
        <Match when={q.kind === 'text' && q}>
          {(text) => (
            <div class="pp-lines" aria-hidden="true">
              <For each={Array.from({ length: lineCount(text()) })}>{() => <span class="pp-line" />}</For>
            </div>
          )}
        </Match>
        <Match when={options.length > 0}>
          <div class={optionsInRow(q) ? 'pp-options pp-options--row' : 'pp-options pp-options--grid'} style={optionsInRow(q) ? undefined : { '--pp-columns': String(columns) }}>
            <For each={options}>
              {(option) => (
                <span class="pp-option">
                  <TickBox />
                  <Code code={option.code} />
                  <Show when={option.shown?.pictogram}>{(name) => <Pictogram name={name()} class="pp-option__pictogram" />}</Show>
                  <span class="pp-option__label">{option.shown?.label ?? String(option.value)}</span>
                </span>
              )}
            </For>
            {/* Among the options of a short scale, as the kiosk offers it: one more box, with its own code. */}
            <Show when={preferNotHere}>{preferNot()}</Show>
          </div>
        </Match>
      </Switch>
      <Show when={q.preferNotToAnswer && q.kind === 'text'}>
        <div class="pp-options pp-options--row">{preferNot()}</div>
      </Show>
    </div>
  );
}
