import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { createStaff } from '../../../src/server/queries/staff.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { call, errorCode, openStaffApp, signIn, type StaffSession } from './staffClient.ts';

const PASSWORD = 'correct horse battery';
const HOUR = 60 * 60_000;

for (const kind of testDatabaseKinds()) {
  describe(`staff sessions on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    const start = new Date('2026-07-01T08:00:00Z');
    let clock = start;
    let organisationId: string;
    let facilityId: string;
    let n = 0;

    beforeAll(async () => {
      ({ database, dispose, app, organisationId, facilityId } = await openStaffApp(kind, () => clock));
    });
    afterAll(() => dispose?.());

    async function signedInAdmin(): Promise<StaffSession> {
      clock = start;
      const email = `admin${n++}@example.org`;
      await createStaff(database.db, { organisationId, email, password: PASSWORD, role: 'admin' });
      return signIn(app, email, PASSWORD);
    }

    const at = (ms: number) => { clock = new Date(start.getTime() + ms); };
    const rename = (session: StaffSession, options: Parameters<typeof call>[4] = {}) =>
      call(app, session, 'PATCH', `/staff/facilities/${facilityId}`, { body: { name: 'Centre A' }, ...options });

    it('gives a reloaded page the staff member and the same CSRF token again from /auth/me', async () => {
      const session = await signedInAdmin();
      const response = await call(app, session, 'GET', '/auth/me');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ staff: session.staff, csrfToken: session.csrfToken });
    });

    it('ends a session after 2 hours without a request, and keeps one that is used', async () => {
      const idle = await signedInAdmin();
      const busy = await signedInAdmin();
      for (const ms of [0.5, 1.4, 2.3, 3.2]) {
        at(ms * HOUR);
        expect((await call(app, busy, 'GET', '/auth/me')).status).toBe(200);
      }
      const response = await call(app, idle, 'GET', '/auth/me');
      expect([response.status, await errorCode(response)]).toEqual([401, 'session_expired']);
      // Once ended it stays ended, even if the clock went back.
      at(0);
      expect((await call(app, idle, 'GET', '/auth/me')).status).toBe(401);
    });

    it('ends a session 12 hours after sign-in however busy it is', async () => {
      const session = await signedInAdmin();
      for (let h = 1; h < 12; h += 1.5) {
        at(h * HOUR);
        expect((await call(app, session, 'GET', '/staff/facilities')).status).toBe(200);
      }
      at(12 * HOUR);
      const response = await call(app, session, 'GET', '/staff/facilities');
      expect([response.status, await errorCode(response)]).toEqual([401, 'session_expired']);
    });

    it('signs out: 204, the cookie cleared, and the session no longer works', async () => {
      const session = await signedInAdmin();
      const other = await signedInAdmin();
      const response = await call(app, session, 'POST', '/auth/logout');
      expect(response.status).toBe(204);
      expect(response.headers.get('set-cookie')).toMatch(/sayso_session=;.*Max-Age=0/);
      expect(await errorCode(await call(app, session, 'GET', '/auth/me'))).toBe('not_signed_in');
      expect((await call(app, other, 'GET', '/auth/me')).status).toBe(200);
      // Signing out again, or without a session, is harmless.
      expect((await call(app, session, 'POST', '/auth/logout')).status).toBe(204);
    });

    it('does not sign out on a request without the CSRF token', async () => {
      const session = await signedInAdmin();
      const response = await call(app, session, 'POST', '/auth/logout', { csrf: false });
      expect([response.status, await errorCode(response)]).toEqual([403, 'csrf_failed']);
      expect((await call(app, session, 'GET', '/auth/me')).status).toBe(200);
    });

    it('refuses a state change with no CSRF token, a wrong one, or another session\'s', async () => {
      const session = await signedInAdmin();
      const other = await signedInAdmin();
      for (const csrf of [false, '', 'x'.repeat(43), other.csrfToken] as const) {
        const response = await rename(session, { csrf });
        expect([response.status, await errorCode(response)], `csrf ${String(csrf)}`).toEqual([403, 'csrf_failed']);
      }
      expect((await rename(session)).status).toBe(200);
    });

    it('refuses a state change from a foreign Origin even with the right token, and accepts our own', async () => {
      const session = await signedInAdmin();
      for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example', 'http://localhost:8081']) {
        const response = await rename(session, { headers: { origin } });
        expect([response.status, await errorCode(response)], origin).toEqual([403, 'csrf_failed']);
      }
      expect((await rename(session, { headers: { origin: 'http://localhost' } })).status).toBe(200);
      // Behind a TLS proxy the browser's origin is the proxy's https one.
      expect((await rename(session, { headers: { origin: 'https://sayso.example.org', host: 'sayso.example.org', 'x-forwarded-proto': 'https' } })).status).toBe(200);
    });

    it('asks no CSRF token for reading', async () => {
      const session = await signedInAdmin();
      const response = await app.request('/api/v1/staff/facilities', { headers: { cookie: session.cookie, origin: 'https://evil.example' } });
      expect(response.status).toBe(200);
    });

    it('stops a disabled account\'s sessions at once, even one disabled behind the API\'s back', async () => {
      const session = await signedInAdmin();
      await database.db.updateTable('staff').set({ disabled_at: clock.toISOString() }).where('id', '=', session.staff.id).execute();
      const response = await call(app, session, 'GET', '/staff/facilities');
      expect([response.status, await errorCode(response)]).toEqual([401, 'not_signed_in']);
      const left = await database.db.selectFrom('staff_sessions').select('token_hash').where('staff_id', '=', session.staff.id).execute();
      expect(left).toEqual([]);
    });

    it('sees a role change on the next request, without signing in again', async () => {
      const session = await signedInAdmin();
      expect((await call(app, session, 'GET', '/staff/accounts')).status).toBe(200);
      await database.db.updateTable('staff').set({ role: 'analyst' }).where('id', '=', session.staff.id).execute();
      const response = await call(app, session, 'GET', '/staff/accounts');
      expect([response.status, await errorCode(response)]).toEqual([403, 'forbidden']);
    });
  });
}
