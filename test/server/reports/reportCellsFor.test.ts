import { describe, expect, it } from 'vitest';
import { countReportCells, reportCellsFor, type ReportCell, type ReportCellInput } from '../../../src/server/reports/reportCellsFor.ts';
import { reportSurvey } from './support/reportSurvey.ts';

const survey = reportSurvey(1);
const base = { survey, facilityId: 'f1', timeZone: 'Europe/Brussels', status: 'complete', mode: 'assisted', language: 'fr', source: 'paper' };
/** The plain way to merge cells, to check countReportCells' fast one against: add up equal keys, sort by the primary key's column order. */
function mergeReportCells(cells: Iterable<ReportCell>): ReportCell[] {
  const key = (c: ReportCell) => [c.surveyId, c.facilityId, c.period, c.dimension, c.dimensionValue, c.questionId, c.answerValue, c.surveyVersion].join('\u0000');
  const merged = new Map<string, ReportCell>();
  for (const cell of cells) {
    const existing = merged.get(key(cell));
    if (existing) existing.count += cell.count;
    else merged.set(key(cell), { ...cell });
  }
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, cell]) => cell);
}
const show = (cells: ReportCell[]) => cells.map((c) => `${c.dimension}=${c.dimensionValue} ${c.questionId}=${c.answerValue}`);

describe('report cells of one response', () => {
  it('counts each answer under every dimension: all, language, mode, source and each demographic', () => {
    const cells = reportCellsFor({ ...base, reportedAt: '2026-08-01T10:00:00Z', answers: { 'room.satisfied': true, 'about.age': 'adult' } });
    const satisfied = show(cells).filter((c) => c.endsWith('room.satisfied=true'));
    expect(satisfied).toEqual([
      '= room.satisfied=true', 'language=fr room.satisfied=true', 'mode=assisted room.satisfied=true', 'source=paper room.satisfied=true',
      'about.age=adult room.satisfied=true', 'about.sex=_none room.satisfied=true',
    ]);
    expect(show(cells).filter((c) => c.includes('_response.status'))).toHaveLength(6);
    expect(new Set(cells.map((c) => `${c.period} ${c.surveyVersion} ${c.count}`))).toEqual(new Set(['2026-Q3 1 1']));
  });

  it('puts a declined demographic in the _none group, and counts prefer-not-to-answer as its own value', () => {
    const cells = reportCellsFor({ ...base, reportedAt: '2026-08-01T10:00:00Z', answers: { 'room.satisfied': 'prefer-not-to-answer', 'about.age': 'prefer-not-to-answer' } });
    const all = show(cells.filter((c) => c.dimension === ''));
    expect(all.sort()).toEqual(['= _response.status=complete', '= about.age=_n', '= about.age=prefer-not-to-answer', '= room.satisfied=_n', '= room.satisfied=prefer-not-to-answer']);
    expect(cells.filter((c) => c.dimension === 'about.age').map((c) => c.dimensionValue)).toEqual(['_none', '_none', '_none']);
  });

  it('counts a multi-select once per choice plus once in _n, free text only as answered, and every question in _n under all responses', () => {
    const cells = reportCellsFor({ ...base, reportedAt: '2026-08-01T10:00:00Z', answers: { 'room.satisfied': false, 'room.reasons': ['noise', 'cold'], comment: 'the heating is broken' } });
    expect(show(cells.filter((c) => c.dimension === '')).sort()).toEqual([
      '= _response.status=complete', '= comment=_answered', '= comment=_n', '= room.reasons=_n', '= room.reasons=cold', '= room.reasons=noise', '= room.satisfied=_n', '= room.satisfied=false',
    ]);
    expect(JSON.stringify(cells)).not.toContain('heating');
  });

  it('counts an assisted response\'s kinds of help, role and the survey\'s questions helped, each once, under all responses only', () => {
    const assistance = { role: 'interpreter' as const, kinds: ['read-aloud' as const, 'translated' as const, 'read-aloud' as const], questions: ['mood', 'mood', 'room.satisfied', 'not.asked', 'about.age'] };
    const cells = reportCellsFor({ ...base, reportedAt: '2026-08-01T10:00:00Z', answers: { 'room.satisfied': true }, assistance });
    const help = show(cells.filter((c) => c.questionId.startsWith('_') && c.questionId !== '_response.status' && c.answerValue !== '_n'));
    expect(help.sort()).toEqual([
      '= _assistance=read-aloud', '= _assistance=translated', '= _assistant=interpreter', '= _helped=about.age', '= _helped=mood', '= _helped=room.satisfied',
    ]);
    // A response alone counts no help, whatever its record says.
    const alone = reportCellsFor({ ...base, mode: 'self', reportedAt: '2026-08-01T10:00:00Z', answers: {}, assistance });
    expect(alone.filter((c) => ['_assistance', '_assistant', '_helped'].includes(c.questionId))).toEqual([]);
  });

  it('dates a response by its quarter in the facility time zone', () => {
    const at = '2026-06-30T23:30:00Z';
    expect(reportCellsFor({ ...base, reportedAt: at, answers: {} })[0]!.period).toBe('2026-Q3');
    expect(reportCellsFor({ ...base, timeZone: 'America/New_York', reportedAt: at, answers: {} })[0]!.period).toBe('2026-Q2');
  });

  it('adds up equal cells of a batch and returns them in one key order, whatever order they came in', () => {
    const one: ReportCellInput = { ...base, reportedAt: '2026-08-01T10:00:00Z', answers: { 'room.satisfied': true } };
    const two: ReportCellInput = { ...base, reportedAt: '2026-08-02T10:00:00Z', answers: { 'room.satisfied': true, mood: 4 } };
    const merged = countReportCells([one, two]);
    expect(merged).toEqual(countReportCells([two, one]));
    expect(merged.find((c) => c.dimension === '' && c.questionId === 'room.satisfied')!.count).toBe(2);
    expect(merged.find((c) => c.dimension === '' && c.questionId === 'mood')!.count).toBe(1);
  });

  it('counts a batch to the same merged cells, in the same order, without a cell object per answer', () => {
    const inputs: ReportCellInput[] = [
      { ...base, reportedAt: '2026-08-01T10:00:00Z', answers: { 'room.satisfied': false, 'room.reasons': ['noise'], 'about.sex': 'male' } },
      { ...base, language: 'ar', reportedAt: '2026-12-31T23:30:00Z', answers: { 'room.satisfied': true, mood: 2 } },
      { ...base, reportedAt: '2026-08-03T10:00:00Z', answers: { 'room.satisfied': false, 'room.reasons': ['noise', 'cold'] } },
    ];
    expect(countReportCells(inputs)).toEqual(mergeReportCells(inputs.flatMap((input) => reportCellsFor(input))));
  });
});
