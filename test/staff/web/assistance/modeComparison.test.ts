import { describe, expect, it } from 'vitest';
import { answeredCount, chartShare, modeComparison } from '../../../../src/staff/web/assistance/modeComparison.ts';
import type { BreakdownReport, QuestionFigures } from '../../../../src/survey/reportTypes.ts';

const figures = (n: number, share: number | null | undefined, extra: Partial<QuestionFigures> = {}): QuestionFigures => ({
  n,
  hidden: false,
  distribution: [],
  declined: 0,
  ...(share !== undefined ? { satisfiedShare: share } : {}),
  ...extra,
});
const hidden: QuestionFigures = { n: 0, hidden: true, distribution: [], declined: 0, satisfiedShare: null };

function report(questions: BreakdownReport['questions'], dimension = 'mode'): BreakdownReport {
  return {
    survey: { id: 's', version: 1, title: { en: 'S' }, languages: ['en'], defaultLanguage: 'en' },
    period: { kind: 'quarter', id: '2026-Q3', from: '2026-07-01', to: '2026-09-30' },
    facilityId: 'f1',
    dimension: { id: dimension, label: { en: 'Mode' } },
    minCellSize: 5,
    questions,
  };
}

const room = { id: 'room', title: { en: 'Room' }, pictogram: 'room' };

describe('the comparison of responses answered alone and with help', () => {
  it('puts each indicator\'s self and assisted groups side by side, and leaves out what is not an indicator', () => {
    const rows = modeComparison(report([
      { questionId: 'room.satisfied', kind: 'yesno', text: { en: 'Room ok?' }, topic: room, overall: figures(20, 0.6), groups: [{ value: 'assisted', label: { en: 'With help' }, figures: figures(8, 0.5) }, { value: 'self', label: { en: 'Alone' }, figures: figures(12, 0.75) }] },
      { questionId: 'room.score', kind: 'rating', text: { en: 'Score' }, topic: room, overall: figures(20, undefined, { mean: 6 }), groups: [] },
    ]));
    expect(rows).toEqual([{ questionId: 'room.satisfied', text: { en: 'Room ok?' }, topic: room, self: figures(12, 0.75), assisted: figures(8, 0.5) }]);
  });

  it('keeps a hidden group as hidden and a mode nobody used as null', () => {
    const [row] = modeComparison(report([
      { questionId: 'food.satisfied', kind: 'yesno', text: { en: 'Food ok?' }, overall: figures(9, 0.4), groups: [{ value: 'self', label: { en: 'Alone' }, figures: hidden }] },
    ]));
    expect(row!.self).toEqual(hidden);
    expect(row!.assisted).toBeNull();
    expect(chartShare(row!.self)).toBeNull();
    expect(chartShare(row!.assisted)).toBeNull();
  });

  it('draws no bar for a group whose answers all declined, and counts answers without the declines', () => {
    expect(chartShare(figures(6, null, { declined: 6 }))).toBeNull();
    expect(chartShare(figures(6, 0))).toBe(0);
    expect(answeredCount(figures(9, 0.5, { declined: 3 }))).toBe(6);
  });

  it('refuses a breakdown by another dimension', () => {
    expect(() => modeComparison(report([], 'language'))).toThrow(/dimension=mode/);
  });
});
