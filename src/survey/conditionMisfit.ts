import { answerProblem } from './validateAnswers.ts';
import { PREFER_NOT_TO_ANSWER, type Condition, type Question } from './schema.ts';

export type ConditionLeaf = Exclude<Condition, { all: Condition[] } | { any: Condition[] } | { not: Condition }>;

/** The comparisons of a condition, without its all / any / not. */
export function conditionLeaves(condition: Condition): ConditionLeaf[] {
  if ('all' in condition) return condition.all.flatMap(conditionLeaves);
  if ('any' in condition) return condition.any.flatMap(conditionLeaves);
  if ('not' in condition) return conditionLeaves(condition.not);
  return [condition];
}

/**
 * Why a comparison can never hold for the answers a question takes (a yes/no compared with
 * a word, a choice that does not exist, a number on a list), or undefined when it can. Such
 * a condition would hide its question from everyone without a word, so it is refused.
 */
export function conditionMisfit(question: Question, leaf: ConditionLeaf): string | undefined {
  if ('answered' in leaf) return undefined;
  const value = 'equals' in leaf ? leaf.equals : 'notEquals' in leaf ? leaf.notEquals : 'includes' in leaf ? leaf.includes : undefined;
  if (value === PREFER_NOT_TO_ANSWER) return 'a declined answer satisfies no comparison (test whether it was answered instead)';
  if ('includes' in leaf) {
    if (question.kind !== 'multi' && question.kind !== 'single') return `"includes" needs a choice question, and this is ${question.kind}`;
    return question.choices.some((choice) => choice.value === leaf.includes) ? undefined : `"${leaf.includes}" is not one of its choices`;
  }
  if ('equals' in leaf || 'notEquals' in leaf) {
    if (question.kind === 'multi') return 'several choices are a list: test one choice with "includes"';
    if (question.kind === 'spoken') return 'a spoken answer is a recording, not a value to compare';
    // Text may hold anything up to its length; every other kind has a fixed set of answers.
    const problem = answerProblem(question, value as never);
    return problem ? `its answer ${problem}` : undefined;
  }
  return question.kind === 'rating' || question.kind === 'faces' ? undefined : `only numbers (ratings, faces) can be compared with < or >, and this is ${question.kind}`;
}
