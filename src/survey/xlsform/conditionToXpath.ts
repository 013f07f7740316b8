/**
 * A Sayso Condition written as an XLSForm `relevant` expression that ODK and Kobo read,
 * and that relevanceToCondition.ts reads back to the same Condition.
 */
import type { Condition, QuestionKind } from '../schema.ts';

/** The kind of the question an id names (yes/no answers are written 'yes'/'no'). */
export type KindOf = (id: string) => QuestionKind | undefined;

function literal(value: string | number | boolean, kind: QuestionKind | undefined): string {
  if (typeof value === 'boolean') return kind === 'yesno' ? (value ? "'yes'" : "'no'") : value ? 'true()' : 'false()';
  if (typeof value === 'number') return String(value);
  return value.includes("'") ? `"${value}"` : `'${value}'`;
}

export function conditionToXpath(condition: Condition, kindOf: KindOf): string {
  if ('all' in condition) return condition.all.map((c) => nested(c, kindOf)).join(' and ');
  if ('any' in condition) return condition.any.map((c) => nested(c, kindOf)).join(' or ');
  if ('not' in condition) return `not(${conditionToXpath(condition.not, kindOf)})`;
  const ref = `\${${condition.q}}`;
  const kind = kindOf(condition.q);
  if ('equals' in condition) return `${ref} = ${literal(condition.equals, kind)}`;
  if ('notEquals' in condition) return `${ref} != ${literal(condition.notEquals, kind)}`;
  if ('includes' in condition) return `selected(${ref}, ${literal(condition.includes, kind)})`;
  if ('lt' in condition) return `${ref} < ${condition.lt}`;
  if ('lte' in condition) return `${ref} <= ${condition.lte}`;
  if ('gt' in condition) return `${ref} > ${condition.gt}`;
  if ('gte' in condition) return `${ref} >= ${condition.gte}`;
  return condition.answered ? `${ref} != ''` : `${ref} = ''`;
}

/** An and/or inside another and/or keeps its brackets, so the structure reads back as written. */
function nested(condition: Condition, kindOf: KindOf): string {
  const text = conditionToXpath(condition, kindOf);
  return 'all' in condition || 'any' in condition ? `(${text})` : text;
}
