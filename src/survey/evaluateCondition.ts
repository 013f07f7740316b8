import type { Answers, AnswerValue } from './answers.ts';
import { isPreferNot } from './answers.ts';
import type { Condition } from './schema.ts';

/**
 * Evaluates a relevance condition against the answers given so far. A question that
 * was not answered, or declined ("prefer not to answer"), satisfies no comparison:
 * follow-ups such as "why not satisfied?" appear only after a real "no".
 */
export function evaluateCondition(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, answers));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, answers));
  if ('not' in condition) return !evaluateCondition(condition.not, answers);

  const given: AnswerValue | undefined = answers[condition.q];
  const answered = given !== undefined && !isPreferNot(given) && !(Array.isArray(given) && given.length === 0);
  if ('answered' in condition) return answered === condition.answered;
  if (!answered) return false;

  if ('equals' in condition) return given === condition.equals;
  if ('notEquals' in condition) return given !== condition.notEquals;
  if ('includes' in condition) return Array.isArray(given) ? given.includes(condition.includes) : given === condition.includes;
  if (typeof given !== 'number') return false;
  if ('lt' in condition) return given < condition.lt;
  if ('lte' in condition) return given <= condition.lte;
  if ('gt' in condition) return given > condition.gt;
  return given >= condition.gte;
}

/** Question ids a condition reads. */
export function conditionReferences(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionReferences);
  if ('any' in condition) return condition.any.flatMap(conditionReferences);
  if ('not' in condition) return conditionReferences(condition.not);
  return [condition.q];
}
