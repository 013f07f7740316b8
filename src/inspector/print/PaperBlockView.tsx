import { For, Match, Show, Switch } from 'solid-js';
import { localize } from '../../survey/localize.ts';
import type { SurveyDefinition } from '../../survey/schema.ts';
import { Pictogram } from '../../ui/Pictogram.tsx';
import { describeRelevance, type RelevanceContext } from './describeRelevance.ts';
import type { PaperBlock } from './makePaperBlocks.ts';
import { answerInstruction, PaperAnswerArea } from './PaperAnswerArea.tsx';
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

function SheetHeader(props: { sheet: SheetContext }) {
  const s = props.sheet;
  return (
    <div class="pp-header">
      <div class="pp-header__main">
        <p class="pp-title">{localize(s.survey.title, s.language, s.survey.defaultLanguage)}</p>
        <p class="pp-facility">{s.facilityName}</p>
        <DateBox word={s.word} />
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

function Intro(props: { sheet: SheetContext }) {
  const s = props.sheet;
  const description = () => localize(s.survey.description, s.language, s.survey.defaultLanguage);
  return (
    <div class="pp-intro">
      <Show when={description()}>
        <p>{description()}</p>
      </Show>
      <ul class="pp-consent">
        <li>{s.word('consent.anonymous')}</li>
        <li>{s.word('consent.voluntary')}</li>
        <li>{s.word('consent.procedure')}</li>
        <Show when={s.survey.estimatedMinutes}>{(minutes) => <li>{s.word('consent.duration', { minutes: minutes() })}</li>}</Show>
      </ul>
      <p class="pp-howto">
        <span class="pp-box pp-box--crossed" aria-hidden="true" /> {s.word('paperForm.howTo')}
      </p>
      <p class="pp-howto">{s.word('paperForm.noName')}</p>
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
        <Match when={props.block.kind === 'intro'}>
          <Intro sheet={s} />
        </Match>
        <Match when={props.block.kind === 'section' && props.block}>
          {(block) => (
            <div class={`pp-section${block().depth > 0 ? ' pp-section--sub' : ''}`}>
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
        <Match when={props.block.kind === 'question' && props.block}>
          {(block) => (
            <div class="pp-question">
              <Show when={only('question')}>{(line) => <p class="pp-only">{line()}</p>}</Show>
              <div class="pp-question__head">
                <span class="pp-number">{block().number}</span>
                <Pictogram name={block().question.pictogram} class="pp-question__pictogram" />
                <div class="pp-question__words">
                  <p class="pp-question__text">{text(block().question.text)}</p>
                  <Show when={block().question.hint}>{(hint) => <p class="pp-question__hint">{text(hint())}</p>}</Show>
                  <p class="pp-instruction">{answerInstruction(block().question, s.word)}</p>
                </div>
              </div>
              <PaperAnswerArea question={block().question} survey={s.survey} language={s.language} word={s.word} />
            </div>
          )}
        </Match>
        <Match when={props.block.kind === 'info' && props.block}>
          {(block) => (
            <div class="pp-info">
              <Show when={only('question')}>{(line) => <p class="pp-only">{line()}</p>}</Show>
              <div class="pp-question__head">
                <Pictogram name={block().question.pictogram} class="pp-question__pictogram" />
                <div class="pp-question__words">
                  <p class="pp-question__text">{text(block().question.text)}</p>
                  <Show when={block().question.hint}>{(hint) => <p class="pp-question__hint">{text(hint())}</p>}</Show>
                </div>
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
              <p class="pp-end__thanks">{s.word('paperForm.thanks')}</p>
            </div>
          )}
        </Match>
      </Switch>
    </div>
  );
}
