import { describe, expect, it } from 'vitest';
import { buildVisitSummary } from '../../../../src/server/reports/visits/buildVisitSummary.ts';
import { complianceAreas } from '../../../../src/server/reports/visits/complianceItems.ts';
import { parseSurvey } from '../../../../src/survey/parseSurvey.ts';
import { monitoringVisit } from './support/visitWorld.ts';

const parsed = parseSurvey(monitoringVisit);
if (!parsed.ok) throw new Error('the monitoring visit survey is invalid');
const survey = parsed.survey;

describe('the compliance items of the monitoring visit', () => {
  it('are grouped in its ten areas, 25 to 35 items, each asked of one to three evidence sources', () => {
    const areas = complianceAreas(survey);
    expect(areas.map((a) => a.id)).toEqual(['accommodation', 'food', 'health', 'legal', 'integration', 'wellbeing', 'safety', 'supplies', 'complaints', 'staff']);
    const items = areas.flatMap((a) => a.items);
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(items.length).toBeLessThanOrEqual(35);
    for (const item of items) {
      expect(Object.keys(item.questions).length, item.id).toBeGreaterThanOrEqual(2);
      expect(item.notesId, item.id).toBe(`${item.id}.notes`);
    }
  });
});

describe('buildVisitSummary', () => {
  const visit = (answers: Record<string, string | boolean>, unreadable: string[] = []) =>
    buildVisitSummary(survey, { responseId: 'r1', serial: 42, visitDay: '2026-11-24', language: 'it', answers, unreadable });

  it('gives the printed serial and the centre type in every language of the survey', () => {
    const summary = visit({ centre_type: 'sai' });
    expect(summary).toMatchObject({ serial: 42, serialText: expect.stringMatching(/^000042-\d$/), centreType: { value: 'sai', label: { it: 'Progetto della rete SAI' } }, areas: [], itemsRated: 0 });
    expect(visit({}).centreType).toBeNull();
    expect(buildVisitSummary(survey, { responseId: 'r2', serial: null, visitDay: '2026-11-24', language: 'en', answers: {}, unreadable: [] })).toMatchObject({ serial: null, serialText: null });
  });

  it('takes one critical rating as a critical issue, and a partial beside an effective as a disagreement', () => {
    const summary = visit({ 'staff.staffing.observation': 'partial', 'staff.staffing.managing_body': 'effective', 'staff.transport.resident_interview': 'critical' });
    expect(summary.areas).toEqual([{
      id: 'staff', title: expect.objectContaining({ en: 'Staff and services' }),
      critical: [expect.objectContaining({ itemId: 'staff.transport', criticalSources: ['resident-interview'], ratings: { 'resident-interview': 'critical', 'managing-body-interview': null } })],
      disagreements: [expect.objectContaining({ itemId: 'staff.staffing', ratings: { observation: 'partial', 'managing-body-interview': 'effective' } })],
    }]);
  });

  it('does not take an unreadable mark or a blank note for a rating or a note', () => {
    const summary = visit({ 'food.hygiene.managing_body': 'critical', 'food.hygiene.notes': '   ' }, ['food.hygiene.observation']);
    expect(summary.areas[0]!.critical).toEqual([expect.objectContaining({ ratings: { observation: 'unreadable', 'managing-body-interview': 'critical' }, notes: null })]);
    expect(summary.areas[0]!.disagreements).toEqual([]);
    expect(summary.counts.observation).toEqual({ effective: 0, partial: 0, critical: 0 });
  });
});
