/**
 * Prompt keys: the names under which audio is found (ARCHITECTURE.md, "Audio and
 * pictograms"). Every text a respondent meets has one: the kiosk's own screens (`app.…`,
 * from the kiosk namespace of public/locales) and each survey's questions, choices and
 * group titles. The clip generator, the kiosk, the coverage view and the recorder all
 * name prompts through this file, so they always agree.
 */
import { isForInspectors, type Group, type Item, type LocalizedText, type Question, type SurveyDefinition } from './schema.ts';
import { ratingRange } from './scales.ts';

/** Text of a kiosk string in one language, or undefined when that language lacks it. */
export type Translate = (language: string, key: string, params?: Record<string, string | number>) => string | undefined;

export interface Prompt {
  key: string;
  /** What the prompt says, per language it exists in (no fallback: a clip speaks one language). */
  text: Record<string, string>;
  /** Where a staff member finds it in the coverage view. */
  context: 'screen' | 'question' | 'choice' | 'group';
}

/** Kiosk strings a respondent hears, by screen: the order is the order they are spoken. */
export const SCREEN_PROMPT_KEYS = {
  attract: ['attract.title', 'attract.subtitle', 'attract.anonymous'],
  language: ['language.title'],
  consent: ['consent.title', 'consent.anonymous', 'consent.voluntary', 'consent.procedure'],
  consentButtons: ['consent.agree', 'consent.decline'],
  required: ['question.required'],
  preferNot: ['answer.preferNot'],
  yesno: ['answer.yes', 'answer.no'],
  startOver: ['nav.startOverConfirm', 'nav.startOverYes', 'nav.startOverNo', 'nav.withdraw'],
  idle: ['idle.title', 'idle.continue'],
  thanks: ['thanks.title', 'thanks.saved'],
  spoken: ['spoken.consent', 'spoken.agree'],
} as const;

/** Answer words the app supplies for built-in scales (not the survey). */
const SCALE_KEYS = [
  'faces.5.1', 'faces.5.2', 'faces.5.3', 'faces.5.4', 'faces.5.5',
  'faces.3.1', 'faces.3.2', 'faces.3.3',
  'expectation.below', 'expectation.at', 'expectation.above',
  'compliance.effective', 'compliance.partial', 'compliance.critical',
] as const;

export const appPromptKey = (i18nKey: string) => `app.${i18nKey}`;
/** A rating number said on its own ("7"): one clip per number, shared by every survey. */
export const ratingValuePromptKey = (value: number) => `app.answer.ratingValue.${value}`;
/** The language picker says each language's name in that language. */
export const LANGUAGE_NAME_PROMPT_KEY = 'app.language.self';

export const questionPromptKey = (surveyId: string, question: Pick<Question, 'id' | 'promptKey'>) => question.promptKey ?? `${surveyId}.${question.id}`;
export const choicePromptKey = (surveyId: string, question: Pick<Question, 'id'>, choice: { value: string; promptKey?: string | undefined }) =>
  choice.promptKey ?? `${surveyId}.${question.id}.${choice.value}`;
export const ratingEdgePromptKey = (surveyId: string, question: Pick<Question, 'id'>, edge: 'min' | 'max') => `${surveyId}.${question.id}.${edge}`;
export const groupPromptKey = (surveyId: string, group: Pick<Group, 'id'>) => `${surveyId}.group.${group.id}`;
export const durationPromptKey = (surveyId: string) => `${surveyId}.duration`;

/** A question's spoken text: the question, then its hint. */
export function questionSpokenText(question: Pick<Question, 'text' | 'hint'>): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [language, words] of Object.entries(question.text)) {
    const hint = question.hint?.[language];
    text[language] = hint ? `${words} ${hint}` : words;
  }
  return text;
}

function byLanguage(languages: readonly string[], say: (language: string) => string | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const language of languages) {
    const words = say(language);
    if (words) text[language] = words;
  }
  return text;
}

/** The kiosk's own prompts (screens, scales, rating numbers 0..10, language names). */
export function appPrompts(languages: readonly string[], translate: Translate, nativeName: (language: string) => string): Prompt[] {
  const screenKeys = [...new Set(Object.values(SCREEN_PROMPT_KEYS).flat())];
  const prompts: Prompt[] = [...screenKeys, ...SCALE_KEYS].map((key) => ({
    key: appPromptKey(key),
    text: byLanguage(languages, (language) => translate(language, key)),
    context: 'screen',
  }));
  for (let value = 0; value <= 10; value++) {
    prompts.push({ key: ratingValuePromptKey(value), text: byLanguage(languages, (language) => translate(language, 'answer.ratingValue', { value })), context: 'choice' });
  }
  prompts.push({ key: LANGUAGE_NAME_PROMPT_KEY, text: byLanguage(languages, nativeName), context: 'screen' });
  return prompts;
}

const texts = (value: LocalizedText | undefined): Record<string, string> => ({ ...(value ?? {}) });

/**
 * Every prompt of one survey version: group titles, questions, their choices and rating edges.
 * None for an inspectors' survey: an inspector reads the form, no respondent hears it, so it
 * needs no clips, no recordings and shows no audio gaps.
 */
export function surveyPrompts(definition: SurveyDefinition, translate: Translate): Prompt[] {
  const prompts: Prompt[] = [];
  if (isForInspectors(definition)) return prompts;
  if (definition.estimatedMinutes) {
    const minutes = definition.estimatedMinutes;
    prompts.push({ key: durationPromptKey(definition.id), text: byLanguage(definition.languages, (language) => translate(language, 'consent.duration', { minutes })), context: 'screen' });
  }
  const walk = (items: readonly Item[]) => {
    for (const item of items) {
      if (item.kind === 'group') {
        prompts.push({ key: groupPromptKey(definition.id, item), text: texts(item.title), context: 'group' });
        walk(item.items);
        continue;
      }
      prompts.push({ key: questionPromptKey(definition.id, item), text: questionSpokenText(item), context: 'question' });
      if (item.kind === 'single' || item.kind === 'multi') {
        for (const choice of item.choices) prompts.push({ key: choicePromptKey(definition.id, item, choice), text: texts(choice.label), context: 'choice' });
      }
      if (item.kind === 'rating') {
        const { min, max } = ratingRange(item.scale);
        if (item.minLabel) prompts.push({ key: ratingEdgePromptKey(definition.id, item, 'min'), text: mapText(item.minLabel, (label, language) => translate(language, 'answer.ratingValueWithLabel', { value: min, label }) ?? `${min}: ${label}`), context: 'choice' });
        if (item.maxLabel) prompts.push({ key: ratingEdgePromptKey(definition.id, item, 'max'), text: mapText(item.maxLabel, (label, language) => translate(language, 'answer.ratingValueWithLabel', { value: max, label }) ?? `${max}: ${label}`), context: 'choice' });
      }
    }
  };
  walk(definition.items);
  return prompts;
}

function mapText(value: LocalizedText, say: (text: string, language: string) => string): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [language, words] of Object.entries(value)) text[language] = say(words, language);
  return text;
}

/**
 * A short, stable fingerprint of a prompt's text (cyrb53, 14 hex digits). A clip records
 * the text it speaks; when a survey's wording changes, its old clips no longer match and
 * are not played. Not a security hash: it only tells texts apart.
 */
export function promptTextHash(text: string): string {
  const normalised = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < normalised.length; i++) {
    const ch = normalised.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

type StringTree = { [key: string]: string | StringTree };

/**
 * A Translate over locale files already read (public/locales/<lng>/kiosk.json), with
 * i18next's `{{name}}` interpolation and no escaping, as the kiosk configures i18next: the
 * clip generator and the coverage view get the very text the kiosk shows.
 */
export function translateFromBundles(bundles: Readonly<Record<string, unknown>>): Translate {
  return (language, key, params = {}) => {
    const value = key.split('.').reduce<unknown>((node, part) => (node as StringTree | undefined)?.[part], bundles[language]);
    if (typeof value !== 'string' || value === '') return undefined;
    return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}
