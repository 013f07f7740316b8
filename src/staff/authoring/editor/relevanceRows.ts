/**
 * The relevance builder's model: a condition as rows (question, comparison, value) joined by
 * "all" or "any", and back. Conditions the rows cannot show (a "not", nested all/any, from an
 * import) are kept as they are and shown as such, never rewritten behind the designer's back.
 */
import { COMPLIANCE_VALUES, EXPECTATION_VALUES, ratingValues } from '../../../survey/scales.ts';
import type { Condition, Question } from '../../../survey/schema.ts';
import { listItemPaths, type DraftDefinition, type ItemPath } from './draftPaths.ts';

export const COMPARISONS = ['equals', 'notEquals', 'includes', 'lt', 'lte', 'gt', 'gte', 'answered', 'notAnswered'] as const;
export type Comparison = (typeof COMPARISONS)[number];
export type RowValue = string | number | boolean;

export interface RelevanceRow {
  q: string;
  comparison: Comparison;
  /** Unused by answered / notAnswered. */
  value: RowValue;
}

export type RelevanceModel = { kind: 'rows'; mode: 'all' | 'any'; rows: RelevanceRow[] } | { kind: 'complex'; condition: Condition };

function rowOf(condition: Condition): RelevanceRow | undefined {
  if (!('q' in condition)) return undefined;
  if ('equals' in condition) return { q: condition.q, comparison: 'equals', value: condition.equals };
  if ('notEquals' in condition) return { q: condition.q, comparison: 'notEquals', value: condition.notEquals };
  if ('includes' in condition) return { q: condition.q, comparison: 'includes', value: condition.includes };
  if ('lt' in condition) return { q: condition.q, comparison: 'lt', value: condition.lt };
  if ('lte' in condition) return { q: condition.q, comparison: 'lte', value: condition.lte };
  if ('gt' in condition) return { q: condition.q, comparison: 'gt', value: condition.gt };
  if ('gte' in condition) return { q: condition.q, comparison: 'gte', value: condition.gte };
  return { q: condition.q, comparison: condition.answered ? 'answered' : 'notAnswered', value: true };
}

export function modelOf(condition: Condition | undefined): RelevanceModel {
  if (!condition) return { kind: 'rows', mode: 'all', rows: [] };
  const single = rowOf(condition);
  if (single) return { kind: 'rows', mode: 'all', rows: [single] };
  const list = 'all' in condition ? condition.all : 'any' in condition ? condition.any : undefined;
  const rows = list?.map(rowOf);
  if (list && rows && rows.every((row): row is RelevanceRow => row !== undefined)) return { kind: 'rows', mode: 'all' in condition ? 'all' : 'any', rows };
  return { kind: 'complex', condition };
}

export function conditionOfRow(row: RelevanceRow): Condition {
  switch (row.comparison) {
    case 'answered':
      return { q: row.q, answered: true };
    case 'notAnswered':
      return { q: row.q, answered: false };
    case 'includes':
      return { q: row.q, includes: String(row.value) };
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return { q: row.q, [row.comparison]: Number(row.value) } as Condition;
    default:
      return { q: row.q, [row.comparison]: row.value } as Condition;
  }
}

/** No rows: no condition (always shown); one row: that row; several: all of them, or any. */
export function conditionOfRows(mode: 'all' | 'any', rows: readonly RelevanceRow[]): Condition | undefined {
  if (rows.length === 0) return undefined;
  if (rows.length === 1) return conditionOfRow(rows[0]!);
  const list = rows.map(conditionOfRow);
  return mode === 'all' ? { all: list } : { any: list };
}

/** The comparisons that make sense for a question's answers. */
export function comparisonsFor(question: Question): Comparison[] {
  switch (question.kind) {
    case 'yesno':
      return ['equals', 'answered', 'notAnswered'];
    case 'single':
    case 'expectation':
    case 'compliance':
      return ['equals', 'notEquals', 'answered', 'notAnswered'];
    case 'multi':
      return ['includes', 'answered', 'notAnswered'];
    case 'rating':
    case 'faces':
      return ['equals', 'notEquals', 'lt', 'lte', 'gt', 'gte', 'answered', 'notAnswered'];
    default:
      return ['answered', 'notAnswered'];
  }
}

/** The values a row may compare with (the answers the question can have). */
export function valuesFor(question: Question): RowValue[] {
  switch (question.kind) {
    case 'yesno':
      return [true, false];
    case 'single':
    case 'multi':
      return question.choices.map((c) => c.value);
    case 'rating':
      return ratingValues(question.scale);
    case 'faces':
      return Array.from({ length: question.faces }, (_, i) => i + 1);
    case 'expectation':
      return [...EXPECTATION_VALUES];
    case 'compliance':
      return [...COMPLIANCE_VALUES];
    default:
      return [];
  }
}

/** A first row for a question: its first comparison and first value. */
export function defaultRow(question: Question): RelevanceRow {
  return { q: question.id, comparison: comparisonsFor(question)[0]!, value: valuesFor(question)[0] ?? true };
}

/** A row made to fit its question again (after the question or its comparison changed). */
export function fitRow(row: RelevanceRow, question: Question): RelevanceRow {
  const comparisons = comparisonsFor(question);
  const comparison = comparisons.includes(row.comparison) ? row.comparison : comparisons[0]!;
  const values = valuesFor(question);
  const value = values.some((v) => v === row.value) ? row.value : (values[0] ?? true);
  return { q: question.id, comparison, value };
}

/**
 * The questions a condition at `path` may name: those before it (the checker refuses later
 * ones), and never an information screen (it has no answer).
 */
export function earlierQuestions(definition: DraftDefinition, path: ItemPath): Question[] {
  return listItemPaths(definition.items).flatMap(({ item, path: at }) =>
    item.kind !== 'group' && item.kind !== 'info' && comesBefore(at, path) ? [item] : []);
}

/** Document order: [1, 2] comes before [2] and [2, 0]; an item does not come before itself or its own items. */
function comesBefore(a: ItemPath, b: ItemPath): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
