import { describe, expect, it } from 'vitest';
import { StaffApiError } from '../../../../src/staff/web/api/makeStaffApi.ts';
import { makeSpokenCommentsApi } from '../../../../src/staff/web/api/spokenCommentsApi.ts';

import { fakeServer, json, type Call } from './fakeStaffServer.ts';


describe('the staff calls for spoken comments', () => {
  it('lists a facility\'s quarter with the contract\'s parameter names', async () => {
    const { calls, fetcher } = fakeServer(() => json({ comments: [{ id: 'c1', questionId: 'closing.spoken', durationMs: 2100, audio: true, transcript: null }] }));
    const api = makeSpokenCommentsApi({ fetch: fetcher });
    expect(await api.list({ surveyId: 'resident-satisfaction', facilityId: 'f1', period: '2026-Q4' })).toEqual([{ id: 'c1', questionId: 'closing.spoken', durationMs: 2100, audio: true, transcript: null }]);
    expect(calls[0]!.url).toBe('/api/v1/reports/spoken-comments?surveyId=resident-satisfaction&facilityId=f1&period=2026-Q4');
  });

  it('saves a transcript with the CSRF token GET /auth/me gives, and asks again once after a new sign-in', async () => {
    let token = 'first';
    const { calls, fetcher } = fakeServer((call) => {
      if (call.url.endsWith('/auth/me')) return json({ staff: {}, csrfToken: token });
      if (call.headers['X-CSRF-Token'] !== token) return json({ error: { code: 'csrf_failed', message: 'send the X-CSRF-Token' } }, 403);
      return json({ id: 'c1', transcript: JSON.parse(call.body!).text.trim() || null });
    });
    const api = makeSpokenCommentsApi({ fetch: fetcher });
    expect(await api.saveTranscript('c1', ' The shower is cold ')).toBe('The shower is cold');
    token = 'second';
    expect(await api.saveTranscript('c1', '')).toBeNull();
    expect(calls.map((c) => `${c.method} ${c.url.replace('/api/v1', '')}`)).toEqual([
      'GET /auth/me', 'PUT /reports/spoken-comments/c1/transcript', 'PUT /reports/spoken-comments/c1/transcript', 'GET /auth/me', 'PUT /reports/spoken-comments/c1/transcript',
    ]);
  });

  it('reports "deleted after retention" as the server says it', async () => {
    const { fetcher } = fakeServer(() => json({ error: { code: 'deleted', message: 'the sound of this comment was deleted' } }, 410));
    const error = await makeSpokenCommentsApi({ fetch: fetcher }).audio('c1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StaffApiError);
    expect(error).toMatchObject({ status: 410, code: 'deleted' });
  });
});
