import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/survey/evaluateCondition.ts';
import { PREFER_NOT_TO_ANSWER } from '../../src/survey/answers.ts';

describe('evaluateCondition', () => {
  it('shows reasons only after a real "no"', () => {
    const whenNotSatisfied = { q: 'room.satisfied', equals: false };
    expect(evaluateCondition(whenNotSatisfied, { 'room.satisfied': false })).toBe(true);
    expect(evaluateCondition(whenNotSatisfied, { 'room.satisfied': true })).toBe(false);
    expect(evaluateCondition(whenNotSatisfied, {})).toBe(false);
    expect(evaluateCondition(whenNotSatisfied, { 'room.satisfied': PREFER_NOT_TO_ANSWER })).toBe(false);
  });

  it('compares numbers, and an unanswered question satisfies no comparison', () => {
    expect(evaluateCondition({ q: 'score', lte: 4 }, { score: 4 })).toBe(true);
    expect(evaluateCondition({ q: 'score', lt: 4 }, { score: 4 })).toBe(false);
    expect(evaluateCondition({ q: 'score', gt: 7 }, { score: 9 })).toBe(true);
    expect(evaluateCondition({ q: 'score', gte: 7 }, {})).toBe(false);
    expect(evaluateCondition({ q: 'score', notEquals: 3 }, {})).toBe(false);
    expect(evaluateCondition({ q: 'score', lt: 4 }, { score: 'x' })).toBe(false);
  });

  it('checks membership in multiple choice answers', () => {
    expect(evaluateCondition({ q: 'r', includes: 'noise' }, { r: ['cold', 'noise'] })).toBe(true);
    expect(evaluateCondition({ q: 'r', includes: 'noise' }, { r: ['cold'] })).toBe(false);
  });

  it('combines with all, any and not', () => {
    const answers = { a: true, b: 2 };
    expect(evaluateCondition({ all: [{ q: 'a', equals: true }, { q: 'b', gt: 1 }] }, answers)).toBe(true);
    expect(evaluateCondition({ any: [{ q: 'a', equals: false }, { q: 'b', equals: 2 }] }, answers)).toBe(true);
    expect(evaluateCondition({ not: { q: 'a', equals: true } }, answers)).toBe(false);
  });

  it('tells answered from unanswered, counting "prefer not" and an empty list as unanswered', () => {
    expect(evaluateCondition({ q: 'a', answered: true }, { a: 0 })).toBe(true);
    expect(evaluateCondition({ q: 'a', answered: true }, { a: [] })).toBe(false);
    expect(evaluateCondition({ q: 'a', answered: false }, { a: PREFER_NOT_TO_ANSWER })).toBe(true);
  });
});
