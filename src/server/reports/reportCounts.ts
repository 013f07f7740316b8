import type { ResponseCounts } from '../../survey/reportTypes.ts';
import { RESPONSE_STATUS } from '../rollupCells.ts';
import type { ValueCounts } from './questionFigures.ts';

/** Counts by question id, then answer value, for one group of responses. */
export type QuestionCounts = Map<string, Map<string, number>>;

export function addCount(counts: QuestionCounts, questionId: string, answerValue: string, count: number): void {
  let values = counts.get(questionId);
  if (!values) counts.set(questionId, (values = new Map()));
  values.set(answerValue, (values.get(answerValue) ?? 0) + count);
}

/** Complete and partial responses, from the `_response.status` cells. */
export function responseCounts(status: ValueCounts | undefined): ResponseCounts {
  const complete = status?.get('complete') ?? 0;
  const partial = status?.get('partial') ?? 0;
  return { complete, partial, total: complete + partial };
}

export function responseCountsOf(counts: QuestionCounts | undefined): ResponseCounts {
  return responseCounts(counts?.get(RESPONSE_STATUS));
}

/** Complete responses over the residents staff counted; null when not entered (or zero). */
export function participation(responses: ResponseCounts, residents: number | null | undefined): { residents: number | null; rate: number | null } {
  if (residents === null || residents === undefined) return { residents: null, rate: null };
  return { residents, rate: residents > 0 ? responses.complete / residents : null };
}
