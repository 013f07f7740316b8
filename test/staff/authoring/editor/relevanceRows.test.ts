import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Condition, Question } from '../../../../src/survey/schema.ts';
import type { DraftDefinition } from '../../../../src/staff/authoring/editor/draftPaths.ts';
import { comparisonsFor, conditionOfRows, defaultRow, earlierQuestions, fitRow, modelOf, valuesFor } from '../../../../src/staff/authoring/editor/relevanceRows.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8')) as DraftDefinition;
const question = (id: string) => JSON.parse(JSON.stringify(mini.items)).flatMap((i: { items?: Question[] } & Question) => i.items ?? [i]).find((q: Question) => q.id === id) as Question;

describe('the relevance builder', () => {
  it('shows a single condition, or all / any of simple ones, as rows and writes the same condition back', () => {
    for (const condition of [
      { q: 'room.satisfied', equals: false },
      { all: [{ q: 'room.score', lt: 5 }, { q: 'room.reasons', includes: 'noise' }] },
      { any: [{ q: 'overall', gte: 4 }, { q: 'comment', answered: false }] },
    ] satisfies Condition[]) {
      const model = modelOf(condition);
      expect(model.kind).toBe('rows');
      if (model.kind === 'rows') expect(conditionOfRows(model.mode, model.rows)).toEqual(condition);
    }
    expect(modelOf(undefined)).toEqual({ kind: 'rows', mode: 'all', rows: [] });
    expect(conditionOfRows('all', [])).toBeUndefined();
  });

  it('keeps a condition the rows cannot show (a not, nested groups) as it is', () => {
    const nested = { all: [{ q: 'a', equals: 1 }, { any: [{ q: 'b', equals: 2 }] }] };
    expect(modelOf(nested)).toEqual({ kind: 'complex', condition: nested });
    expect(modelOf({ not: { q: 'a', equals: 1 } }).kind).toBe('complex');
  });

  it('offers comparisons and values that fit the answers of the question named', () => {
    expect(comparisonsFor(question('room.satisfied'))).toEqual(['equals', 'answered', 'notAnswered']);
    expect(valuesFor(question('room.satisfied'))).toEqual([true, false]);
    expect(comparisonsFor(question('room.reasons'))).toEqual(['includes', 'answered', 'notAnswered']);
    expect(valuesFor(question('room.reasons'))).toEqual(['noise', 'cold']);
    expect(valuesFor(question('room.score'))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(valuesFor(question('overall'))).toEqual([1, 2, 3, 4, 5]);
    expect(comparisonsFor(question('comment'))).toEqual(['answered', 'notAnswered']);
    expect(defaultRow(question('room.reasons'))).toEqual({ q: 'room.reasons', comparison: 'includes', value: 'noise' });
    // Another question picked: a row that no longer fits is made to fit.
    expect(fitRow({ q: 'room.reasons', comparison: 'includes', value: 'noise' }, question('room.score'))).toEqual({ q: 'room.score', comparison: 'equals', value: 0 });
    expect(fitRow({ q: 'room.score', comparison: 'gt', value: 7 }, question('overall'))).toEqual({ q: 'overall', comparison: 'gt', value: 1 });
  });

  it('names only the questions before the item, never information screens or the item itself', () => {
    expect(earlierQuestions(mini, [0, 0]).map((q) => q.id)).toEqual([]);
    expect(earlierQuestions(mini, [0, 2]).map((q) => q.id)).toEqual(['room.satisfied', 'room.reasons']);
    expect(earlierQuestions(mini, [2]).map((q) => q.id)).toEqual(['room.satisfied', 'room.reasons', 'room.score', 'overall']);
    // A group's condition may not name its own questions.
    expect(earlierQuestions(mini, [0]).map((q) => q.id)).toEqual([]);
    const withInfo = { ...mini, items: [{ kind: 'info', id: 'intro', text: { en: 'Hi' }, pictogram: 'information' }, ...mini.items] } as DraftDefinition;
    expect(earlierQuestions(withInfo, [1, 1]).map((q) => q.id)).toEqual(['room.satisfied']);
  });
});
