import { describe, expect, it } from 'vitest';
import { StaffApiError } from '../../../../src/staff/web/api/makeStaffApi.ts';
import { makeVisitsApi } from '../../../../src/staff/web/api/visitsApi.ts';
import { fakeServer, json } from './fakeStaffServer.ts';

const counts = { effective: 1, partial: 0, critical: 1 };
const REPORT = {
  facilityId: 'f1', surveyId: 'monitoring-visit', from: null, to: null,
  survey: { id: 'monitoring-visit', title: { en: 'Monitoring visit' }, defaultLanguage: 'en' },
  visits: [{
    responseId: 'r1', serial: 12, serialText: '000012-7', visitDay: '2026-11-24', surveyVersion: 1, language: 'it',
    centreType: { value: 'cas', label: { en: 'Extraordinary reception centre (CAS)' } },
    areas: [{ id: 'food', title: { en: 'Food' }, disagreements: [], critical: [{
      itemId: 'food.meals', text: { en: 'Meals' }, ratings: { observation: 'critical', 'managing-body-interview': 'effective' }, criticalSources: ['observation'], notes: 'Cold',
    }] }],
    counts: { observation: counts, 'resident-interview': counts, 'managing-body-interview': counts }, itemsRated: 1,
  }],
};

describe('the staff call for monitoring visits', () => {
  it('asks for the facility\'s monitoring visits with the contract\'s parameter names, and gives the report', async () => {
    const { calls, fetcher } = fakeServer(() => json(REPORT));
    expect(await makeVisitsApi({ fetch: fetcher }).report({ facilityId: 'f1' })).toMatchObject({ visits: [{ serialText: '000012-7', areas: [{ critical: [{ notes: 'Cold' }] }] }] });
    expect(calls.map((c) => [c.method, c.url])).toEqual([['GET', '/api/v1/reports/visits?facility=f1&survey=monitoring-visit']]);
  });

  it('passes the server\'s refusal on, and refuses an answer that is not a visit report', async () => {
    const refused = fakeServer(() => json({ error: { code: 'unknown_facility', message: 'no such facility among yours' } }, 404));
    expect(await makeVisitsApi({ fetch: refused.fetcher }).report({ facilityId: 'f2' }).catch((e: unknown) => e)).toMatchObject({ status: 404, code: 'unknown_facility' });
    const odd = fakeServer(() => json({ visits: 'none' }));
    const error = await makeVisitsApi({ fetch: odd.fetcher }).report({ facilityId: 'f1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaffApiError);
    expect(error).toMatchObject({ code: 'unexpected_answer' });
  });
});
