/**
 * The printed sheet's own words, in the sheet's language (not the staff member's):
 * paper:paperForm.* (a namespace of its own, so tablets never download it) and the words
 * the sheet shares with the kiosk (kiosk:answer.*, kiosk:consent.*, kiosk:compliance.*...),
 * both loaded for that language before printing (loadNamespace, loadSecondLanguage).
 */
import { answerOptions } from '../../kiosk/answerOptions.ts';
import { tIn } from '../../i18n/i18n.ts';
import type { Question, SurveyDefinition } from '../../survey/schema.ts';
import type { RelevanceContext } from './describeRelevance.ts';

export type SheetTranslate = (key: string, vars?: Record<string, string | number>) => string;

/** paper:paperForm.* or kiosk:<key>, in the sheet's language. */
export function sheetTranslate(language: string): SheetTranslate {
  return (key, vars) => tIn(language, `${key.startsWith('paperForm.') ? 'paper' : 'kiosk'}:${key}`, vars);
}

/** What describeRelevance needs for one sheet: printed numbers, labels as printed, words in the sheet's language. */
export function sheetRelevanceContext(survey: SurveyDefinition, language: string, numbers: Map<string, number>, questions: Map<string, Question>): RelevanceContext {
  const word = sheetTranslate(language);
  return {
    numberOf: (id) => numbers.get(id),
    question: (id) => questions.get(id),
    valueLabel: (question, value) => {
      if (!question) return String(value);
      const option = answerOptions(question, language, survey.defaultLanguage, (key, options) => word(key, options as Record<string, string | number>)).find((o) => o.value === value);
      // A rating's label is its number; the others read as the option's words.
      return question.kind === 'rating' || !option ? String(value) : option.label;
    },
    translate: (key, vars) => word(`paperForm.relevance.${key}`, vars),
  };
}
