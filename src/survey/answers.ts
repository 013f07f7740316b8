import { PREFER_NOT_TO_ANSWER } from './schema.ts';

/** What a respondent gave for one question. */
export type AnswerValue = boolean | number | string | string[];

/** Answers by question id: the folded state of a response. */
export type Answers = Record<string, AnswerValue>;

export function isPreferNot(value: AnswerValue | undefined): boolean {
  return value === PREFER_NOT_TO_ANSWER;
}
