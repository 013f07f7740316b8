import { describe, expect, it } from 'vitest';
import { foldAnswerEvents } from '../../src/survey/foldAnswerEvents.ts';

const at = '2026-11-23T10:00:00.000Z';

describe('foldAnswerEvents', () => {
  it('keeps the last answer per question, by sequence not by arrival order', () => {
    const answers = foldAnswerEvents([
      { questionId: 'q1', value: 3, at, seq: 2 },
      { questionId: 'q1', value: 7, at, seq: 0 },
      { questionId: 'q2', value: ['a'], at, seq: 1 },
    ]);
    expect(answers).toEqual({ q1: 3, q2: ['a'] });
  });

  it('removes an answer that was cleared, and brings it back if answered again', () => {
    expect(foldAnswerEvents([
      { questionId: 'q1', value: true, at, seq: 0 },
      { questionId: 'q1', value: null, at, seq: 1 },
    ])).toEqual({});
    expect(foldAnswerEvents([
      { questionId: 'q1', value: true, at, seq: 0 },
      { questionId: 'q1', value: null, at, seq: 1 },
      { questionId: 'q1', value: false, at, seq: 2 },
    ])).toEqual({ q1: false });
  });

  it('folds no events to no answers', () => {
    expect(foldAnswerEvents([])).toEqual({});
  });
});
