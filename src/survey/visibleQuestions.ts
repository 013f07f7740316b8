import type { Answers } from './answers.ts';
import { evaluateCondition } from './evaluateCondition.ts';
import type { Item, SurveyDefinition } from './schema.ts';
import { listQuestions, type PlacedQuestion } from './walkItems.ts';

function isShown(placed: PlacedQuestion, answers: Answers): boolean {
  const conditions = [...placed.groups.map((g) => g.relevant), placed.question.relevant];
  return conditions.every((c) => c === undefined || evaluateCondition(c, answers));
}

/** The questions a respondent sees, in order, given the answers so far. */
export function visibleQuestions(survey: Pick<SurveyDefinition, 'items'>, answers: Answers): PlacedQuestion[] {
  return listQuestions(survey.items as Item[]).filter((placed) => isShown(placed, answers));
}

/**
 * The answers that count: those to questions still shown. An answer to a follow-up
 * that a later change made irrelevant (reasons, after "no" became "yes") is dropped.
 */
export function relevantAnswers(survey: Pick<SurveyDefinition, 'items'>, answers: Answers): Answers {
  const kept: Answers = {};
  for (const { question } of visibleQuestions(survey, answers)) {
    const value = answers[question.id];
    if (value !== undefined) kept[question.id] = value;
  }
  return kept;
}
