import { PREFER_NOT_TO_ANSWER } from '../../survey/answers.ts';
import { localize } from '../../survey/localize.ts';
import type { LocalizedText, Question, SurveyDefinition } from '../../survey/schema.ts';
import { listQuestions } from '../../survey/walkItems.ts';
import { answerValueLabels } from '../reports/answerValueLabels.ts';
import { localeText } from '../reports/localeText.ts';
import type { Cell } from './cell.ts';

/** One question column of the per-response export. */
export interface AnswerColumn {
  questionId: string;
  header: string;
  /** The cell for what a response gave (undefined: not answered). */
  cell: (value: unknown) => Cell;
}

/** Kinds whose values are counts on a scale, written as numbers so they can be averaged. */
const NUMERIC_KINDS = new Set(['rating', 'faces']);

/**
 * The question columns, in the current definition's order (information screens have no
 * answer), with cells in `language`: choices and scale words by their labels (a value only
 * an older version had keeps that version's label), multiple choices joined with "; ",
 * ratings and faces as numbers, "prefer not to answer" as its words, text as given.
 */
export function answerColumns(versions: readonly SurveyDefinition[], language: string): AnswerColumn[] {
  const current = versions[versions.length - 1];
  if (!current) return [];
  const fallback = current.defaultLanguage;
  const say = (text: LocalizedText | undefined) => localize(text, language, fallback);
  const preferNot = say(localeText('kiosk', 'answer.preferNot')) || PREFER_NOT_TO_ANSWER;

  const olderQuestions = new Map<string, Array<{ question: Question; survey: SurveyDefinition }>>();
  for (const survey of versions.slice(0, -1).reverse()) {
    for (const { question } of listQuestions(survey.items)) {
      const list = olderQuestions.get(question.id) ?? [];
      list.push({ question, survey });
      olderQuestions.set(question.id, list);
    }
  }

  return listQuestions(current.items)
    .filter(({ question }) => question.kind !== 'info')
    .map(({ question }) => {
      const labels = new Map<string, string>();
      for (const older of olderQuestions.get(question.id) ?? []) {
        if (older.question.kind !== question.kind) continue;
        for (const entry of answerValueLabels(older.question, older.survey)) labels.set(entry.value, say(entry.label));
      }
      for (const entry of answerValueLabels(question, current)) labels.set(entry.value, say(entry.label));
      const label = (value: string) => labels.get(value) ?? value;
      const numeric = NUMERIC_KINDS.has(question.kind);
      const cell = (value: unknown): Cell => {
        if (value === undefined || value === null) return null;
        if (value === PREFER_NOT_TO_ANSWER) return preferNot;
        if (numeric && typeof value === 'number') return value;
        if (Array.isArray(value)) return value.map((choice) => label(String(choice))).join('; ');
        if (question.kind === 'text' || question.kind === 'spoken') return String(value);
        return label(String(value));
      };
      return { questionId: question.id, header: `${say(question.text)} (${question.id})`, cell };
    });
}
