/** The value stored when a respondent taps "I prefer not to answer". */
export const PREFER_NOT_TO_ANSWER = 'prefer-not-to-answer';

/** What a respondent gave for one question. */
export type AnswerValue = boolean | number | string | string[];

/** Answers by question id: the folded state of a response. */
export type Answers = Record<string, AnswerValue>;

export function isPreferNot(value: AnswerValue | undefined): boolean {
  return value === PREFER_NOT_TO_ANSWER;
}
