import { createMemo, lazy, Match, Show, Suspense, Switch, type JSX } from 'solid-js';
import { t, tIn } from '../../i18n/i18n.ts';
import { languageInfo } from '../../survey/languages.ts';
import { PREFER_NOT_TO_ANSWER, type AnswerValue } from '../../survey/answers.ts';
import { localize } from '../../survey/localize.ts';
import type { Question } from '../../survey/schema.ts';
import type { PlacedQuestion } from '../../survey/walkItems.ts';
import { OptionGrid } from '../../ui/OptionGrid.tsx';
import { Pictogram } from '../../ui/Pictogram.tsx';
import { answerOptions } from '../answerOptions.ts';
import { NavBar } from '../NavBar.tsx';
import { usePromptAudio } from '../createPromptAudio.ts';
import { PromptReplay } from '../PromptReplay.tsx';
import { TextAnswer } from '../TextAnswer.tsx';

// The recorder is needed by one question at most: a chunk of its own, off the first screen.
const SpokenAnswer = lazy(() => import('../SpokenAnswer.tsx').then((module) => ({ default: module.SpokenAnswer })));

export interface QuestionScreenProps {
  placed: PlacedQuestion;
  position: number;
  total: number;
  language: string;
  fallbackLanguage: string;
  answer: AnswerValue | undefined;
  busy: boolean;
  onAnswer: (value: AnswerValue | null) => void;
  onNext: () => void;
  onBack: (() => void) | undefined;
  onStartOver: (() => void) | undefined;
  /** Mediator mode: the mediator's language, shown beside the respondent's, and the help marks. */
  secondLanguage?: string | undefined;
  mediatorTools?: JSX.Element;
}

function toggled(question: Question, current: AnswerValue | undefined, value: AnswerValue): AnswerValue | null {
  if (question.kind !== 'multi') return current === value ? null : value;
  const list = Array.isArray(current) ? current : [];
  const next = list.includes(value as string) ? list.filter((v) => v !== value) : [...list, value as string];
  return next.length ? next : null;
}

/** One question per screen: pictogram, text, big answers, and a way on. */
export function QuestionScreen(props: QuestionScreenProps) {
  const question = () => props.placed.question;
  const text = (value: Parameters<typeof localize>[0]) => localize(value, props.language, props.fallbackLanguage);
  const second = () => (props.secondLanguage && props.secondLanguage !== props.language ? props.secondLanguage : undefined);
  const secondText = (value: Parameters<typeof localize>[0]) => localize(value, second()!, props.fallbackLanguage);
  const options = createMemo(() => {
    const own = answerOptions(question(), props.language, props.fallbackLanguage);
    const code = second();
    if (!code) return own;
    const theirs = answerOptions(question(), code, props.fallbackLanguage, (key, options) => tIn(code, key, options));
    const dir = languageInfo(code).dir;
    return own.map((option, i) => ({ ...option, second: { label: theirs[i]?.caption || theirs[i]?.label || '', lang: code, dir } }));
  });
  const answered = () => props.answer !== undefined;
  const canGoOn = () => answered() || !question().required || question().kind === 'info';
  const isLast = () => props.position + 1 >= props.total;
  const group = () => props.placed.groups[props.placed.groups.length - 1];
  const textId = () => `q-${question().id}`;
  const audio = usePromptAudio();

  const nextLabel = () => (isLast() ? t('nav.finish') : answered() || question().kind === 'info' ? t('nav.next') : question().required ? t('nav.next') : t('nav.skip'));

  return (
    <main class="screen screen--question">
      <header class="question-header">
        <Show when={group()}>
          {(g) => (
            <p class="question-topic">
              <Pictogram name={g().pictogram} class="pictogram--inline" />
              {text(g().title)}
            </p>
          )}
        </Show>
        <p class="question-progress">{t('question.progress', { current: props.position + 1, total: props.total })}</p>
        <div class="progress-bar" aria-hidden="true">
          <div class="progress-bar__fill" style={{ 'inline-size': `${((props.position + 1) / Math.max(1, props.total)) * 100}%` }} />
        </div>
      </header>

      <section class="question-body">
        <div class="question-prompt">
          <Pictogram name={question().pictogram} class="pictogram--question" />
          <div>
            <h1 class="question-text" id={textId()}>
              {text(question().text)}
            </h1>
            <Show when={question().hint}>{(hint) => <p class="question-hint">{text(hint())}</p>}</Show>
            <Show when={second()}>
              {(code) => (
                <div class="question-second" lang={code()} dir={languageInfo(code()).dir}>
                  <p class="question-text question-text--second">{secondText(question().text)}</p>
                  <Show when={question().hint}>{(hint) => <p class="question-hint">{secondText(hint())}</p>}</Show>
                </div>
              )}
            </Show>
          </div>
          <PromptReplay />
        </div>

        <Switch>
          <Match when={question().kind === 'text'}>
            <TextAnswer
              labelledBy={textId()}
              value={typeof props.answer === 'string' && props.answer !== PREFER_NOT_TO_ANSWER ? props.answer : ''}
              maxLength={question().kind === 'text' ? (question() as Extract<Question, { kind: 'text' }>).maxLength : 1000}
              onChange={(value) => props.onAnswer(value === '' ? null : value)}
            />
          </Match>
          <Match when={question().kind === 'spoken'}>
            <Suspense>
              <SpokenAnswer
                questionId={question().id}
                maxSeconds={(question() as Extract<Question, { kind: 'spoken' }>).maxSeconds}
                answer={typeof props.answer === 'string' && props.answer !== PREFER_NOT_TO_ANSWER ? props.answer : undefined}
              />
            </Suspense>
          </Match>
          <Match when={options().length > 0}>
            <OptionGrid
              options={options()}
              multiple={question().kind === 'multi'}
              layout={question().kind === 'rating' ? 'row' : 'grid'}
              labelledBy={textId()}
              selectedLabel={t('answer.selected')}
              isSelected={(value) => (Array.isArray(props.answer) ? props.answer.includes(value as string) : props.answer === value)}
              onToggle={(value) => props.onAnswer(toggled(question(), props.answer, value))}
              listenFirst={audio?.listenFirst() ?? false}
              speaking={typeof audio?.speaking() === 'number' ? (audio.speaking() as number) : undefined}
              onHear={(index) => audio?.hear(index)}
              confirmLabel={t('audio.confirm')}
            />
          </Match>
        </Switch>

        <Show when={question().preferNotToAnswer}>
          <button
            type="button"
            class="prefer-not"
            aria-pressed={props.answer === PREFER_NOT_TO_ANSWER}
            classList={{ 'is-selected': props.answer === PREFER_NOT_TO_ANSWER, 'is-speaking': audio?.speaking() === 'preferNot' }}
            onClick={() => {
              props.onAnswer(props.answer === PREFER_NOT_TO_ANSWER ? null : PREFER_NOT_TO_ANSWER);
              audio?.hear('preferNot');
            }}
          >
            <Pictogram name="prefer-not" class="pictogram--inline" />
            {t('answer.preferNot')}
          </button>
        </Show>
        <Show when={question().required && !answered()}>
          <p class="question-required">{t('question.required')}</p>
        </Show>
        {props.mediatorTools}
      </section>

      <NavBar
        onBack={props.onBack}
        onStartOver={props.onStartOver}
        next={
          <button
            type="button"
            class="nav-button nav-button--next"
            disabled={!canGoOn() || props.busy}
            onClick={() => props.onNext()}
          >
            {nextLabel()}
            <Pictogram name={isLast() ? 'done' : 'next'} mirrorInRtl={!isLast()} class="pictogram--inline" />
          </button>
        }
      />
    </main>
  );
}
