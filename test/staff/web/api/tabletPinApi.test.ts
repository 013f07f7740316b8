import { describe, expect, it } from 'vitest';
import { makeStaffApi, StaffApiError } from '../../../../src/staff/web/api/makeStaffApi.ts';

import { fakeServer, json, type Call } from './fakeStaffServer.ts';

const staff = { id: 'st1', email: 'm@example.org', role: 'mediator', organisationId: 'o1', facilityIds: ['f1'] };
const pin = { number: 3, setAt: '2026-08-01T10:00:00.000Z', uses: ['mediate'] };

async function signedIn(answer: (call: Call) => Response) {
  const ended: StaffApiError[] = [];
  const server = fakeServer((call) => (call.url.endsWith('/auth/login') ? json({ staff, csrfToken: 'tok' }) : answer(call)));
  const api = makeStaffApi({ fetch: server.fetcher, onSessionEnded: (error) => ended.push(error) });
  await api.login(staff.email, 'pw');
  return { api, calls: server.calls, ended };
}

describe('the staff calls for tablet PINs', () => {
  it('sets a PIN with the CSRF token and reads back the number and uses', async () => {
    const { api, calls } = await signedIn(() => json(pin));
    expect(await api.setTabletPin({ pin: '482913', password: 'pw' })).toEqual(pin);
    expect(calls[1]).toMatchObject({ method: 'PUT', url: '/api/v1/staff/me/tablet-pin', body: JSON.stringify({ pin: '482913', password: 'pw' }) });
    expect(calls[1]!.headers['X-CSRF-Token']).toBe('tok');
  });

  it('treats a wrong password as the form\'s error, not as the end of the session', async () => {
    const { api, ended } = await signedIn(() => json({ error: { code: 'invalid_credentials', message: 'wrong password' } }, 401));
    await expect(api.setTabletPin({ pin: '482913', password: 'nope' })).rejects.toMatchObject({ status: 401, code: 'invalid_credentials' });
    expect(ended).toEqual([]);
  });

  it('still reports a session that ended while the form was open', async () => {
    const { api, ended } = await signedIn(() => json({ error: { code: 'unauthenticated', message: 'sign in again' } }, 401));
    await expect(api.setTabletPin({ pin: '482913', password: 'pw' })).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(ended.map((e) => e.code)).toEqual(['unauthenticated']);
  });

  it('removes the caller\'s PIN and an account\'s PIN with the CSRF token', async () => {
    const { api, calls } = await signedIn(() => new Response(null, { status: 204 }));
    await api.removeTabletPin();
    await api.removeAccountTabletPin('st/2');
    expect(calls.slice(1).map((c) => `${c.method} ${c.url} ${c.headers['X-CSRF-Token']}`)).toEqual([
      'DELETE /api/v1/staff/me/tablet-pin tok',
      'DELETE /api/v1/staff/accounts/st%2F2/tablet-pin tok',
    ]);
  });

  it('reads accounts with their tablet number and PIN state, and those of a server that sends neither as none', async () => {
    const account = { id: 'a1', email: 'x@example.org', role: 'mediator', facilityIds: [], disabled: false, locked: false };
    const { api } = await signedIn(() => json({ accounts: [{ ...account, tabletNumber: 4, hasTabletPin: true }, account] }));
    expect((await api.accounts()).map((a) => [a.tabletNumber, a.hasTabletPin])).toEqual([[4, true], [null, false]]);
  });

  it('asks for the assistance report and the mediator notes with the contract\'s parameters', async () => {
    const report = {
      surveyId: 's', facilityId: 'f1', period: '2026-Q3', minCellSize: 5, modes: { self: 12, assisted: null },
      kinds: [{ kind: 'read-aloud', responses: 7 }], roles: [{ role: 'interpreter', responses: null }],
      questionsHelped: [{ questionId: 'room.satisfied', text: { en: 'Room?' }, responses: 6 }], withdrawals: 2,
    };
    const { api, calls } = await signedIn((call) => (call.url.includes('/assistance') ? json(report) : json({ notes: [], hidden: true })));
    expect(await api.assistance({ survey: 's', facility: 'f1', period: '2026-Q3' })).toEqual(report);
    expect(await api.mediatorNotes({ survey: 's', facility: 'f1', period: '2026-Q3' })).toEqual({ notes: [], hidden: true });
    expect(calls.slice(1).map((c) => c.url)).toEqual(['/api/v1/reports/assistance?survey=s&facility=f1&period=2026-Q3', '/api/v1/reports/mediator-notes?survey=s&facility=f1&period=2026-Q3']);
  });
});
