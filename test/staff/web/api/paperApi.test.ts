import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makePaperApi } from '../../../../src/staff/web/api/paperApi.ts';
import type { StaffApiError } from '../../../../src/staff/web/api/makeStaffApi.ts';
import type { PaperEntry } from '../../../../src/survey/paper/paperEntry.ts';
import { fakeServer, json } from './fakeStaffServer.ts';

const survey = JSON.parse(readFileSync('public/surveys/resident-satisfaction.json', 'utf8')) as unknown;
const entry = { entryId: '0190f0a0-0000-7000-8000-000000000001', facilityId: 'f', surveyId: 'resident-satisfaction', surveyVersion: 1, language: 'en', serial: 1, filledOn: '2026-11-24', answers: {}, unreadable: [], keyedAt: '2026-11-24T10:00:00.000Z' } satisfies PaperEntry;

describe('makePaperApi', () => {
  it('reads the workspace with every survey checked, and sends entries with the CSRF token of GET /auth/me', async () => {
    const server = fakeServer((call) => {
      if (call.url.endsWith('/auth/me')) return json({ staff: {}, csrfToken: 'tok' });
      if (call.url.endsWith('/paper/workspace')) return json({ doubleEntry: true, staffId: 's', facilities: [{ id: 'f', name: 'A', timeZone: 'Europe/Rome' }], surveys: [survey], batches: [] });
      return json({ results: [{ entryId: entry.entryId, status: 'awaiting-second-entry', responseId: 'r1' }] });
    });
    const api = makePaperApi({ fetch: server.fetcher });
    const workspace = await api.workspace();
    expect(workspace.doubleEntry).toBe(true);
    expect(workspace.surveys[0]?.id).toBe('resident-satisfaction');
    expect(await api.sendEntries([entry])).toEqual([{ entryId: entry.entryId, status: 'awaiting-second-entry', responseId: 'r1' }]);
    const post = server.calls.find((c) => c.method === 'POST')!;
    expect(post.headers['X-CSRF-Token']).toBe('tok');
    expect(JSON.parse(post.body!)).toEqual({ entries: [entry] });
  });

  it('reports a 401 as the end of the session, and a refused entry with its message', async () => {
    const ended: StaffApiError[] = [];
    const expired = makePaperApi({ fetch: fakeServer(() => json({ error: { code: 'session_expired', message: 'expired' } }, 401)).fetcher, onSessionEnded: (e) => ended.push(e) });
    await expect(expired.workspace()).rejects.toMatchObject({ status: 401, code: 'session_expired' });
    expect(ended.map((e) => e.code)).toEqual(['session_expired']);

    const refusing = makePaperApi({ fetch: fakeServer((call) => (call.url.endsWith('/auth/me') ? json({ csrfToken: 't' }) : json({ results: [{ entryId: entry.entryId, status: 'rejected', error: { code: 'serial_used', message: 'sheet 000001-x was already entered with other answers' } }] }))).fetcher });
    expect(await refusing.sendEntries([entry])).toEqual([{ entryId: entry.entryId, status: 'rejected', error: { code: 'serial_used', message: 'sheet 000001-x was already entered with other answers' } }]);
  });

  it('says "network" when the server cannot be reached (the sheets then wait)', async () => {
    const api = makePaperApi({ fetch: (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch });
    await expect(api.mismatches()).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
