/**
 * What a screen says aloud, in order: its prompt keys (src/survey/prompts.ts) with the
 * text shown and the language that text is in. Text shown in a fallback language is
 * spoken in that language, so a clip or voice never reads one language's words in another.
 */
import { languageInfo } from '../../survey/languages.ts';
import {
  appPromptKey,
  choicePromptKey,
  durationPromptKey,
  LANGUAGE_NAME_PROMPT_KEY,
  questionPromptKey,
  questionSpokenText,
  ratingEdgePromptKey,
  ratingValuePromptKey,
  SCREEN_PROMPT_KEYS,
  type Translate,
} from '../../survey/prompts.ts';
import { COMPLIANCE_VALUES, EXPECTATION_VALUES, ratingRange, ratingValues } from '../../survey/scales.ts';
import type { LocalizedText, Question, SurveyDefinition } from '../../survey/schema.ts';

/** Which answer control a prompt reads: an option's position, or the "prefer not" button. */
export type PromptTarget = number | 'preferNot';

export interface PlannedPrompt {
  key: string;
  language: string;
  text: string;
  surveyClipUrl?: string | undefined;
  /** Set when the prompt reads one answer control: it is highlighted while it sounds. */
  target?: PromptTarget;
}

/** The screen (or dialog over it) that is showing, with what its prompts depend on. */
export type PromptScreen =
  | { screen: 'attract' | 'idle' | 'startOver' | 'thanks'; language: string }
  | { screen: 'language'; language: string; languages: readonly string[] }
  | { screen: 'consent'; language: string; survey: SurveyDefinition | undefined }
  | { screen: 'question'; language: string; fallbackLanguage: string; survey: SurveyDefinition; question: Question; answered: boolean };

/** The app's fallback for its own words (i18next fallbackLng). */
const APP_FALLBACK = 'en';

/** The language a survey text is shown in: the respondent's, else the survey's default, else any (as localize does). */
function shownLanguage(text: LocalizedText | undefined, language: string, fallback: string): string | undefined {
  if (!text) return undefined;
  if (text[language]) return language;
  if (text[fallback]) return fallback;
  return Object.keys(text)[0];
}

export function makePromptPlanner(translate: Translate) {
  const app = (i18nKey: string, language: string, params?: Record<string, string | number>, target?: PromptTarget): PlannedPrompt | undefined => {
    const own = translate(language, i18nKey, params);
    const spoken = own !== undefined ? language : APP_FALLBACK;
    const text = own ?? translate(APP_FALLBACK, i18nKey, params);
    if (!text) return undefined;
    return { key: appPromptKey(i18nKey), language: spoken, text, ...(target !== undefined ? { target } : {}) };
  };
  const appList = (keys: readonly string[], language: string) => keys.flatMap((key) => app(key, language) ?? []);

  const surveyText = (key: string, value: LocalizedText | undefined, language: string, fallback: string, audio: Record<string, string> | undefined, target?: PromptTarget): PlannedPrompt | undefined => {
    const spoken = shownLanguage(value, language, fallback);
    if (!spoken || !value?.[spoken]) return undefined;
    return { key, language: spoken, text: value[spoken], surveyClipUrl: audio?.[spoken], ...(target !== undefined ? { target } : {}) };
  };

  function options(survey: SurveyDefinition, question: Question, language: string, fallback: string): PlannedPrompt[] {
    switch (question.kind) {
      case 'yesno':
        return [app('answer.yes', language, undefined, 0), app('answer.no', language, undefined, 1)].flatMap((p) => p ?? []);
      case 'single':
      case 'multi':
        return question.choices.flatMap((choice, i) => surveyText(choicePromptKey(survey.id, question, choice), choice.label, language, fallback, choice.audio, i) ?? []);
      case 'rating': {
        const { min, max } = ratingRange(question.scale);
        return ratingValues(question.scale).flatMap((value, i) => {
          const edge = value === min ? question.minLabel : value === max ? question.maxLabel : undefined;
          if (!edge) {
            const number = app('answer.ratingValue', language, { value }, i);
            return number ? [{ ...number, key: ratingValuePromptKey(value) }] : [];
          }
          const spoken = shownLanguage(edge, language, fallback)!;
          const label = edge[spoken]!;
          const text = translate(spoken, 'answer.ratingValueWithLabel', { value, label }) ?? `${value}: ${label}`;
          return [{ key: ratingEdgePromptKey(survey.id, question, value === min ? 'min' : 'max'), language: spoken, text, target: i }];
        });
      }
      case 'faces':
        return Array.from({ length: question.faces }, (_, i) => app(`faces.${question.faces}.${i + 1}`, language, undefined, i)).flatMap((p) => p ?? []);
      case 'expectation':
        return EXPECTATION_VALUES.flatMap((value, i) => app(`expectation.${value}`, language, undefined, i) ?? []);
      case 'compliance':
        return COMPLIANCE_VALUES.flatMap((value, i) => app(`compliance.${value}`, language, undefined, i) ?? []);
      default:
        return [];
    }
  }

  /** Every prompt of a screen, in the order it is read. */
  function plan(screen: PromptScreen): PlannedPrompt[] {
    switch (screen.screen) {
      case 'attract':
        return appList(SCREEN_PROMPT_KEYS.attract, screen.language);
      case 'idle':
        return appList(SCREEN_PROMPT_KEYS.idle, screen.language);
      case 'startOver':
        return appList(SCREEN_PROMPT_KEYS.startOver, screen.language);
      case 'thanks':
        return appList(SCREEN_PROMPT_KEYS.thanks, screen.language);
      case 'language':
        // Each language's name is said in that language, so a resident hears their own.
        return [
          ...appList(SCREEN_PROMPT_KEYS.language, screen.language),
          ...screen.languages.map((code, i) => ({ key: LANGUAGE_NAME_PROMPT_KEY, language: code, text: languageInfo(code).nativeName, target: i })),
        ];
      case 'consent': {
        const minutes = screen.survey?.estimatedMinutes;
        const duration = minutes ? app('consent.duration', screen.language, { minutes }) : undefined;
        return [
          ...appList(SCREEN_PROMPT_KEYS.consent, screen.language),
          ...(duration && screen.survey ? [{ ...duration, key: durationPromptKey(screen.survey.id) }] : []),
          ...appList(SCREEN_PROMPT_KEYS.consentButtons, screen.language),
        ];
      }
      case 'question': {
        const { survey, question, language, fallbackLanguage } = screen;
        const spoken = questionSpokenText(question);
        const head = surveyText(questionPromptKey(survey.id, question), spoken, language, fallbackLanguage, question.audio);
        return [
          ...(head ? [head] : []),
          ...options(survey, question, language, fallbackLanguage),
          ...(question.preferNotToAnswer ? [app('answer.preferNot', language, undefined, 'preferNot')].flatMap((p) => p ?? []) : []),
          ...(question.required && !screen.answered ? appList(SCREEN_PROMPT_KEYS.required, language) : []),
        ];
      }
    }
  }

  return { plan };
}
