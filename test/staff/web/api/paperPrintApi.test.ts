import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StaffApiError } from '../../../../src/staff/web/api/makeStaffApi.ts';
import { makePaperPrintApi } from '../../../../src/staff/web/api/paperPrintApi.ts';
import { fakeServer, json } from './fakeStaffServer.ts';

const resident = JSON.parse(readFileSync('public/surveys/resident-satisfaction.json', 'utf8')) as { id: string; version: number };
const batch = { id: 'b1', facilityId: 'f1', surveyId: 'resident-satisfaction', surveyVersion: resident.version, language: 'fr', firstSerial: 1, count: 3, createdAt: '2026-12-01T16:00:00.000Z' };

describe('the print screen\'s calls for paper batches', () => {
  it('reads the workspace, keeping the definitions that parse and dropping one that does not', async () => {
    const { fetcher } = fakeServer(() =>
      json({ doubleEntry: false, staffId: 's1', facilities: [{ id: 'f1', name: 'Centre Arendonk', timeZone: 'Europe/Brussels' }], surveys: [resident, { id: 'broken' }], batches: [batch] }),
    );
    const workspace = await makePaperPrintApi({ fetch: fetcher }).workspace();
    expect(workspace.facilities.map((f) => f.name)).toEqual(['Centre Arendonk']);
    expect(workspace.surveys.map((s) => s.id)).toEqual(['resident-satisfaction']);
    expect(workspace.batches).toEqual([batch]);
  });

  it('asks for a survey\'s versions and one version\'s definition by the contract\'s paths', async () => {
    const { calls, fetcher } = fakeServer((call) =>
      call.url.endsWith('/versions') ? json({ versions: [{ version: 1, title: { en: 'How is life here?' } }] }) : json({ definition: resident }),
    );
    const api = makePaperPrintApi({ fetch: fetcher });
    expect(await api.versions('resident-satisfaction')).toEqual([{ version: 1, title: { en: 'How is life here?' } }]);
    expect((await api.definition('resident-satisfaction', 1)).id).toBe('resident-satisfaction');
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/paper/surveys/resident-satisfaction/versions', '/api/v1/paper/surveys/resident-satisfaction/versions/1']);
  });

  it('reserves a batch with the CSRF token of GET /auth/me and says the server\'s refusal as it is', async () => {
    const { calls, fetcher } = fakeServer((call) => {
      if (call.url.endsWith('/auth/me')) return json({ staff: {}, csrfToken: 't1' });
      if (call.headers['X-CSRF-Token'] !== 't1') return json({ error: { code: 'csrf_failed', message: 'send the X-CSRF-Token' } }, 403);
      const body = JSON.parse(call.body!) as { language: string };
      return body.language === 'xx' ? json({ error: { code: 'unknown_language', message: 'not in xx' } }, 400) : json({ batch }, 201);
    });
    const api = makePaperPrintApi({ fetch: fetcher });
    const request = { facilityId: 'f1', surveyId: 'resident-satisfaction', surveyVersion: resident.version, language: 'fr', count: 3 };
    expect(await api.createBatch(request)).toEqual(batch);
    expect(JSON.parse(calls[1]!.body!)).toEqual(request);
    const refused = await api.createBatch({ ...request, language: 'xx' }).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(StaffApiError);
    expect(refused).toMatchObject({ status: 400, code: 'unknown_language' });
  });
});
