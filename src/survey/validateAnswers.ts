import type { Answers, AnswerValue } from './answers.ts';
import { PREFER_NOT_TO_ANSWER, type Question, type SurveyDefinition } from './schema.ts';
import { ratingRange } from './scales.ts';
import { visibleQuestions } from './visibleQuestions.ts';
import { listQuestions } from './walkItems.ts';

/**
 * Why a value cannot answer a question, or null when it can. Shared by the kiosk, the
 * transcription screen and the server's ingest, so all three refuse the same things.
 */
export function answerProblem(question: Question, value: AnswerValue): string | null {
  if (value === PREFER_NOT_TO_ANSWER) {
    return question.preferNotToAnswer ? null : 'does not offer "prefer not to answer"';
  }
  switch (question.kind) {
    case 'yesno':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'single':
      return typeof value === 'string' && question.choices.some((c) => c.value === value)
        ? null
        : `must be one of ${question.choices.map((c) => c.value).join(', ')}`;
    case 'multi': {
      if (!Array.isArray(value)) return 'must be a list of choices';
      const known = new Set(question.choices.map((c) => c.value));
      const unknown = value.filter((x) => !known.has(x));
      if (unknown.length) return `has unknown choices: ${unknown.join(', ')}`;
      if (new Set(value).size !== value.length) return 'lists a choice twice';
      if (question.maxSelected !== undefined && value.length > question.maxSelected) return `allows at most ${question.maxSelected} choices`;
      return null;
    }
    case 'rating': {
      const { min, max } = ratingRange(question.scale);
      return Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? null : `must be a whole number from ${min} to ${max}`;
    }
    case 'faces':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= question.faces ? null : `must be a whole number from 1 to ${question.faces}`;
    case 'expectation':
      return value === 'below' || value === 'at' || value === 'above' ? null : 'must be below, at or above';
    case 'compliance':
      return value === 'effective' || value === 'partial' || value === 'critical' ? null : 'must be effective, partial or critical';
    case 'text':
      if (typeof value !== 'string') return 'must be text';
      return value.length <= question.maxLength ? null : `is longer than ${question.maxLength} characters`;
    case 'spoken':
      return typeof value === 'string' && value.length > 0 ? null : 'must name a recorded clip';
    case 'info':
      return 'is an information screen and takes no answer';
  }
}

export interface AnswerProblem {
  questionId: string;
  message: string;
}

/**
 * Checks a response's answers against its survey version. `complete` responses must
 * answer every shown required question; partial ones need not.
 */
export function validateAnswers(
  survey: Pick<SurveyDefinition, 'items'>,
  answers: Answers,
  status: 'complete' | 'partial',
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const byId = new Map(listQuestions(survey.items).map((p) => [p.question.id, p.question]));
  const shown = new Set(visibleQuestions(survey, answers).map((p) => p.question.id));
  for (const [questionId, value] of Object.entries(answers)) {
    const question = byId.get(questionId);
    if (!question) problems.push({ questionId, message: 'is not a question of this survey version' });
    else if (!shown.has(questionId)) problems.push({ questionId, message: 'is answered but not shown for these answers' });
    else {
      const problem = answerProblem(question, value);
      if (problem) problems.push({ questionId, message: problem });
    }
  }
  if (status === 'complete') {
    for (const id of shown) {
      const question = byId.get(id)!;
      if (question.required && answers[id] === undefined) problems.push({ questionId: id, message: 'is required' });
    }
  }
  return problems;
}
