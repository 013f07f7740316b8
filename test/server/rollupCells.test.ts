import { describe, expect, it } from 'vitest';
import { localDay, mergeRollupCells, rollupCellsFor } from '../../src/server/rollupCells.ts';

const cell = (questionId: string, answerValue: string, count = 1) => ({ surveyId: 's', surveyVersion: 1, facilityId: 'f', periodDay: '2026-11-23', questionId, answerValue, count });

describe('rollup cells', () => {
  it('adds up equal cells and returns them in one fixed order, whatever order they came in', () => {
    const a = mergeRollupCells([cell('q2', 'x'), cell('q1', 'y'), cell('q2', 'x'), cell('q1', 'a')]);
    const b = mergeRollupCells([cell('q1', 'a'), cell('q2', 'x', 2), cell('q1', 'y')]);
    expect(a).toEqual(b);
    expect(a.map((c) => `${c.questionId}=${c.answerValue}:${c.count}`)).toEqual(['q1=a:1', 'q1=y:1', 'q2=x:2']);
  });

  it('counts a response by day only by its status, mode and language: what it answered is counted per quarter', () => {
    const cells = rollupCellsFor({ surveyId: 's', surveyVersion: 2, facilityId: 'f', timeZone: 'Europe/Brussels', reportedAt: '2026-06-30T22:30:00Z', status: 'partial', mode: 'assisted', language: 'ti' });
    expect(cells.map((c) => `${c.periodDay} ${c.questionId}=${c.answerValue}`)).toEqual([
      '2026-07-01 _response.status=partial', '2026-07-01 _response.mode=assisted', '2026-07-01 _response.language=ti',
    ]);
  });

  it('dates a response in its facility time zone', () => {
    expect(localDay('2026-12-31T23:30:00.000Z', 'Europe/Brussels')).toBe('2027-01-01');
    expect(localDay('2026-12-31T23:30:00.000Z', 'UTC')).toBe('2026-12-31');
  });
});
