/**
 * A relevance condition as a plain instruction a respondent can follow on paper
 * ("Answer only if you answered “No” to question 3."): paper cannot hide a question,
 * so it says when to answer it. Pure: words come through `translate`
 * (kiosk:paperForm.relevance.* in the sheet's language), labels through `valueLabel`.
 */
import type { Condition, Question } from '../../survey/schema.ts';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface RelevanceContext {
  /** The printed number of a question; undefined when it is not on the sheet. */
  numberOf: (questionId: string) => number | undefined;
  question: (questionId: string) => Question | undefined;
  /** How a stored value reads on the sheet: "No", a choice's label, "7". */
  valueLabel: (question: Question | undefined, value: string | number | boolean) => string;
  /** Translates a key under paperForm.relevance (e.g. "equals"). */
  translate: Translate;
}

type Leaf = Exclude<Condition, { all: Condition[] } | { any: Condition[] } | { not: Condition }>;
/** A leaf or its negation; negation is pushed down to the leaves (De Morgan) so no "not (...)" is ever printed. */
type Clause = { leaf: Leaf; negated: boolean } | { join: 'and' | 'or'; parts: Clause[] };

function normalise(condition: Condition, negated = false): Clause {
  if ('not' in condition) return normalise(condition.not, !negated);
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    const isAll = 'all' in condition;
    const join = isAll !== negated ? 'and' : 'or';
    const clauses = parts.map((part) => normalise(part, negated));
    return clauses.length === 1 ? clauses[0]! : { join, parts: clauses };
  }
  return { leaf: condition, negated };
}

function questionRef(id: string, context: RelevanceContext): string {
  const number = context.numberOf(id);
  if (number !== undefined) return context.translate('questionNumber', { number });
  return context.translate('questionUnknown');
}

function leafText(leaf: Leaf, negated: boolean, context: RelevanceContext): string {
  const question = questionRef(leaf.q, context);
  const asked = context.question(leaf.q);
  const label = (value: string | number | boolean) => context.valueLabel(asked, value);
  if ('equals' in leaf) return context.translate(negated ? 'notEquals' : 'equals', { question, answer: label(leaf.equals) });
  if ('notEquals' in leaf) return context.translate(negated ? 'equals' : 'notEquals', { question, answer: label(leaf.notEquals) });
  if ('includes' in leaf) return context.translate(negated ? 'notIncludes' : 'includes', { question, answer: label(leaf.includes) });
  if ('answered' in leaf) return context.translate(leaf.answered !== negated ? 'answered' : 'notAnswered', { question });
  // Numbers: the opposite of "less than 5" is "5 or more".
  if ('lt' in leaf) return context.translate(negated ? 'gte' : 'lt', { question, value: leaf.lt });
  if ('lte' in leaf) return context.translate(negated ? 'gt' : 'lte', { question, value: leaf.lte });
  if ('gt' in leaf) return context.translate(negated ? 'lte' : 'gt', { question, value: leaf.gt });
  return context.translate(negated ? 'lt' : 'gte', { question, value: leaf.gte });
}

function clauseText(clause: Clause, context: RelevanceContext, nested: boolean): string {
  if ('leaf' in clause) return leafText(clause.leaf, clause.negated, context);
  const joined = clause.parts
    .map((part) => clauseText(part, context, true))
    .reduce((left, right) => context.translate(clause.join, { left, right }));
  // "(A and B) or C": brackets only where a reader could group the words two ways.
  return nested ? context.translate('bracket', { inner: joined }) : joined;
}

/** The instruction printed above a question ('question') or under a section heading ('section'). */
export function describeRelevance(condition: Condition, context: RelevanceContext, scope: 'question' | 'section' = 'question'): string {
  const condition_ = clauseText(normalise(condition), context, false);
  return context.translate(scope === 'section' ? 'sectionOnlyIf' : 'onlyIf', { condition: condition_ });
}
