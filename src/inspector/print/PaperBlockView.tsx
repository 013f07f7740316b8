import { For, Match, Show, Switch } from 'solid-js';
import { localize } from '../../survey/localize.ts';
import { isForInspectors, type SurveyDefinition } from '../../survey/schema.ts';
import { Pictogram } from '../../ui/Pictogram.tsx';
import { describeRelevance, type RelevanceContext } from './describeRelevance.ts';
import type { PaperBlock } from './makePaperBlocks.ts';
import { answerInstruction, answersBeside, PaperAnswerArea, PreferNot, preferNotBeside } from './PaperAnswerArea.tsx';
import { ItemRowView } from './PaperItemRow.tsx';
import { SheetQr } from './SheetQr.tsx';
import type { SheetTranslate } from './sheetWords.ts';

/** What every block of one sheet shares. */
export interface SheetContext {
  survey: SurveyDefinition;
  language: string;
  word: SheetTranslate;
  relevance: RelevanceContext;
  facilityName: string;
  /** "000123-4"; a preview before serials are reserved shows a blank one. */
  serialText: string;
  /** What the QR carries; null in a preview before serials are reserved. */
  qrText: string | null;
}

function DateBox(props: { word: SheetTranslate }) {
  const cells = (n: number) => <For each={Array.from({ length: n })}>{() => <span class="pp-digit" />}</For>;
  return (
    <div class="pp-date">
      <span class="pp-date__label">{props.word('paperForm.dateFilled')}</span>
      {/* Day, month, year in that order whatever the script: one order for every sheet to transcribe. */}
      <span class="pp-date__fields" dir="ltr">
        <span class="pp-date__part">
          <span class="pp-date__cells">{cells(2)}</span>
          <span class="pp-date__caption">{props.word('paperForm.day')}</span>
        </span>
        <span class="pp-date__part">
          <span class="pp-date__cells">{cells(2)}</span>
          <span class="pp-date__caption">{props.word('paperForm.month')}</span>
        </span>
        <span class="pp-date__part">
          <span class="pp-date__cells">{cells(4)}</span>
          <span class="pp-date__caption">{props.word('paperForm.year')}</span>
        </span>
      </span>
    </div>
  );
}

/** Page 1's top: title, facility and date beside the sheet number and QR code, the consent in one paragraph under them. */
function SheetHeader(props: { sheet: SheetContext }) {
  const s = props.sheet;
  const text = (value: Parameters<typeof localize>[0]) => localize(value, s.language, s.survey.defaultLanguage);
  // An inspector fills in a monitoring visit: the residents' consent words do not apply to it.
  const consent = () =>
    isForInspectors(s.survey)
      ? []
      : [
          s.word('consent.anonymous'),
          s.word('consent.voluntary'),
          s.word('consent.procedure'),
          ...(s.survey.estimatedMinutes ? [s.word('consent.duration', { minutes: s.survey.estimatedMinutes })] : []),
          s.word('paperForm.noName'),
        ];
  const intro = () => [text(s.survey.description), ...consent()].filter(Boolean).join(' ');
  return (
    <div class="pp-header">
      <div class="pp-header__main">
        <p class="pp-title">{text(s.survey.title)}</p>
        <div class="pp-header__where">
          <p class="pp-facility">{s.facilityName}</p>
          <DateBox word={s.word} />
        </div>
        <Show when={intro()}>
          <p class="pp-intro">{intro()}</p>
        </Show>
        <p class="pp-howto">
          <span class="pp-box pp-box--crossed" aria-hidden="true" />
          <span>{s.word('paperForm.howTo')}</span>
        </p>
      </div>
      <div class="pp-header__id">
        <span class="pp-serial__label">{s.word('paperForm.sheetNumber')}</span>
        <bdi class="pp-serial" dir="ltr">
          {s.serialText}
        </bdi>
        <Show when={s.qrText} fallback={<span class="pp-qr pp-qr--blank" />}>
          {(text) => <SheetQr text={text()} label={s.word('paperForm.qrLabel', { serial: s.serialText })} />}
        </Show>
      </div>
    </div>
  );
}

/** One block of a sheet, exactly as it prints: pagination measured this same markup. */
export function PaperBlockView(props: { block: PaperBlock; sheet: SheetContext }) {
  const s = props.sheet;
  const text = (value: Parameters<typeof localize>[0]) => localize(value, s.language, s.survey.defaultLanguage);
  const only = (scope: 'question' | 'section') => {
    const block = props.block;
    return 'relevant' in block && block.relevant ? describeRelevance(block.relevant, s.relevance, scope) : '';
  };
  return (
    <div class={`pp-block pp-block--${props.block.kind}`}>
      <Switch>
        <Match when={props.block.kind === 'header'}>
          <SheetHeader sheet={s} />
        </Match>
        <Match when={props.block.kind === 'section' && props.block}>
          {(block) => (
            <div class={`pp-section${block().depth > 0 ? ' pp-section--sub' : ''}${block().table ? ' pp-section--table' : ''}`}>
              <Show when={block().depth === 0} fallback={<h4 class="pp-section__title pp-section__title--sub">{text(block().group.title)}</h4>}>
                <h3 class="pp-section__title">
                  <Pictogram name={block().group.pictogram} class="pp-section__pictogram" />
                  {text(block().group.title)}
                </h3>
              </Show>
              <Show when={only('section')}>{(line) => <p class="pp-only">{line()}</p>}</Show>
            </div>
          )}
        </Match>
        <Match when={props.block.kind === 'item' && props.block}>
          {(block) => <ItemRowView row={block().row} only={only('section')} sheet={s} />}
        </Match>
        <Match when={props.block.kind === 'question' && props.block}>
          {(block) => (
            <div class="pp-question">
              <div class="pp-question__mark">
                <span class="pp-number">{block().number}</span>
                <Pictogram name={block().question.pictogram} class="pp-question__pictogram" />
              </div>
              <div class="pp-question__body">
                <div class={`pp-question__row pp-question__row--${answersBeside(block().question) ? 'beside' : block().question.kind === 'text' ? 'lines' : 'under'}`}>
                  <p class="pp-question__words">
                    {/* The condition leads the question's own paragraph: one line less than a line of its own. */}
                    <Show when={only('question')}>{(line) => <span class="pp-only">{line()} </span>}</Show>
                    <span class="pp-question__text">{text(block().question.text)}</span>
                    <Show when={block().question.hint}>{(hint) => <span class="pp-question__hint"> {text(hint())}</span>}</Show>
                    <Show when={answerInstruction(block().question, s.word)}>{(line) => <span class="pp-instruction"> {line()}</span>}</Show>
                  </p>
                  <Show when={preferNotBeside(block().question)}>
                    <span class="pp-question__aside">
                      <PreferNot word={s.word} />
                    </span>
                  </Show>
                  <PaperAnswerArea question={block().question} survey={s.survey} language={s.language} word={s.word} />
                </div>
              </div>
            </div>
          )}
        </Match>
        <Match when={props.block.kind === 'info' && props.block}>
          {(block) => (
            <div class="pp-info">
              <div class="pp-question__mark">
                <Pictogram name={block().question.pictogram} class="pp-question__pictogram" />
              </div>
              <div class="pp-question__body">
                <Show when={only('question')}>{(line) => <p class="pp-only">{line()}</p>}</Show>
                <p class="pp-question__words">
                  <span class="pp-question__text">{text(block().question.text)}</span>
                  <Show when={block().question.hint}>{(hint) => <span class="pp-question__hint"> {text(hint())}</span>}</Show>
                </p>
              </div>
            </div>
          )}
        </Match>
        <Match when={props.block.kind === 'end' && props.block}>
          {(block) => (
            <div class="pp-end">
              <Show when={block().spokenLeftOut}>
                <p class="pp-end__note">
                  <Pictogram name="microphone" class="pp-option__pictogram" /> {s.word('paperForm.spokenOnTablet')}
                </p>
              </Show>
              <Show when={!isForInspectors(s.survey)}>
                <p class="pp-end__thanks">{s.word('paperForm.thanks')}</p>
              </Show>
            </div>
          )}
        </Match>
      </Switch>
    </div>
  );
}
