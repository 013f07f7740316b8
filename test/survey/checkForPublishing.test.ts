import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkForPublishing } from '../../src/survey/checkForPublishing.ts';
import type { Condition } from '../../src/survey/schema.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));

/** The mini survey with the last question ("comment") shown only under `relevant`. */
function withCondition(relevant: Condition) {
  const copy = structuredClone(mini);
  const comment = copy.items.find((item: { id: string }) => item.id === 'comment');
  comment.relevant = relevant;
  return checkForPublishing(copy);
}

const problemsOf = (relevant: Condition) => {
  const parsed = withCondition(relevant);
  return parsed.ok ? [] : parsed.problems.map((p) => p.message);
};

describe('conditions that can never be true', () => {
  it('accepts comparisons each question can satisfy', () => {
    for (const relevant of [
      { q: 'room.satisfied', equals: false },
      { q: 'room.reasons', includes: 'noise' },
      { q: 'room.score', lte: 4 },
      { q: 'overall', gte: 2 },
      { q: 'overall', equals: 3 },
      { q: 'room.reasons', answered: true },
      { all: [{ q: 'room.satisfied', equals: true }, { not: { q: 'room.score', gt: 8 } }] },
    ] satisfies Condition[]) {
      expect(withCondition(relevant).ok, JSON.stringify(relevant)).toBe(true);
    }
  });

  it('refuses a yes/no compared with a word, an unknown choice, equals on a list, numbers on a choice and a declined answer', () => {
    expect(problemsOf({ q: 'room.satisfied', equals: 'no' })).toEqual(['tests "room.satisfied" in a way that can never be true: its answer must be true or false']);
    expect(problemsOf({ q: 'room.reasons', includes: 'heat' })).toEqual(['tests "room.reasons" in a way that can never be true: "heat" is not one of its choices']);
    expect(problemsOf({ q: 'room.reasons', equals: 'noise' })[0]).toContain('test one choice with "includes"');
    expect(problemsOf({ q: 'room.reasons', gt: 1 })[0]).toContain('only numbers (ratings, faces) can be compared');
    expect(problemsOf({ q: 'room.score', equals: 11 })[0]).toContain('must be a whole number from 0 to 10');
    expect(problemsOf({ any: [{ q: 'room.satisfied', equals: true }, { q: 'room.satisfied', equals: 'prefer-not-to-answer' }] })[0]).toContain('a declined answer satisfies no comparison');
  });

  it('names the field of the condition that is wrong', () => {
    const parsed = withCondition({ q: 'room.satisfied', equals: 'no' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]!.path).toMatch(/^items\[\d+\]\.relevant$/);
  });
});
