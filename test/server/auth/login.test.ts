import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { hashToken } from '../../../src/server/hashToken.ts';
import { createStaff } from '../../../src/server/queries/staff.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { call, errorCode, jsonRequest, login, openStaffApp, sessionCookieOf } from './staffClient.ts';

const PASSWORD = 'correct horse battery';

for (const kind of testDatabaseKinds()) {
  describe(`staff sign-in on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    let clock = new Date('2026-07-01T08:00:00Z');
    let organisationId: string;
    let facilityId: string;
    let n = 0;

    beforeAll(async () => {
      ({ database, dispose, app, organisationId, facilityId } = await openStaffApp(kind, () => clock));
    });
    afterAll(() => dispose?.());

    async function account(role: 'admin' | 'manager' = 'manager') {
      const email = `person${n++}@example.org`;
      const created = await createStaff(database.db, { organisationId, email, password: PASSWORD, role, facilityIds: role === 'manager' ? [facilityId] : [] });
      return { ...created, email };
    }

    it('signs in with the right password: the staff member, a CSRF token and an HttpOnly, SameSite=Strict cookie for /api', async () => {
      const { id, email } = await account();
      const response = await login(app, email.toUpperCase(), PASSWORD);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toEqual({ staff: { id, email, role: 'manager', organisationId, facilityIds: [facilityId] }, csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/) });
      const cookie = response.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^sayso_session=[A-Za-z0-9_-]{40,};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      expect(cookie).toContain('Path=/api');
      expect(cookie).not.toContain('Secure');
    });

    it('stores only the hash of the session token', async () => {
      const { id, email } = await account();
      const token = sessionCookieOf(await login(app, email, PASSWORD)).split('=')[1]!;
      const rows = await database.db.selectFrom('staff_sessions').select('token_hash').where('staff_id', '=', id).execute();
      expect(rows.map((r) => r.token_hash)).toEqual([hashToken(token)]);
    });

    it('marks the cookie Secure when the request came over HTTPS, directly or through a proxy', async () => {
      const { email } = await account();
      const direct = await app.request('https://sayso.example.org/api/v1/auth/login', jsonRequest('POST', { email, password: PASSWORD }));
      expect(direct.headers.get('set-cookie')).toContain('Secure');
      const proxied = await login(app, email, PASSWORD, { 'x-forwarded-proto': 'https' });
      expect(proxied.headers.get('set-cookie')).toContain('Secure');
    });

    it('answers an unknown email and a wrong password with the same 401, after similar work', async () => {
      const { email } = await account();
      await login(app, 'warm-up@example.org', 'x'); // the dummy hash is made on first use
      // The fastest of three, so one slow moment on a shared machine does not decide.
      const time = async (e: string) => {
        let best = { ms: Infinity, status: 0, body: undefined as unknown as { error: { code: string } } };
        for (let i = 0; i < 3; i++) {
          const start = performance.now();
          const response = await login(app, e, 'not the password');
          const ms = performance.now() - start;
          if (ms < best.ms) best = { ms, status: response.status, body: await response.json() };
        }
        return best;
      };
      const unknown = await time('nobody@example.org');
      const wrong = await time(email);
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(unknown.body.error.code).toBe('invalid_credentials');
      // Both run one scrypt: neither is several times faster than the other.
      expect(unknown.ms).toBeGreaterThan(wrong.ms / 4);
      expect(wrong.ms).toBeGreaterThan(unknown.ms / 4);
    });

    it('locks an account for 15 minutes after 5 wrong passwords in a row, even against the right one, then lets it in', async () => {
      const { email } = await account();
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await login(app, email, `wrong ${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
      const locked = await login(app, email, PASSWORD);
      expect(locked.status).toBe(423);
      const body = await locked.json();
      expect(body.error.code).toBe('account_locked');
      expect(body.error.message).toContain('2026-07-01T08:15:00.000Z');
      const start = clock;
      try {
        clock = new Date(start.getTime() + 14 * 60_000);
        expect((await login(app, email, PASSWORD)).status).toBe(423);
        clock = new Date(start.getTime() + 15 * 60_000 + 1);
        expect((await login(app, email, PASSWORD)).status).toBe(200);
      } finally {
        clock = start;
      }
    });

    it('resets the count of wrong passwords after a good one', async () => {
      const { email } = await account();
      for (let i = 0; i < 4; i++) expect((await login(app, email, 'wrong')).status).toBe(401);
      expect((await login(app, email, PASSWORD)).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await login(app, email, 'wrong')).status).toBe(401);
      expect((await login(app, email, PASSWORD)).status).toBe(200);
    });

    it('never signs in a disabled account, even with the right password', async () => {
      const { id, email } = await account();
      await database.db.updateTable('staff').set({ disabled_at: clock.toISOString() }).where('id', '=', id).execute();
      const response = await login(app, email, PASSWORD);
      expect([response.status, await errorCode(response)]).toEqual([401, 'invalid_credentials']);
      expect(response.headers.get('set-cookie')).toBeNull();
    });

    it('refuses a sign-in posted from another site', async () => {
      const { email } = await account();
      const response = await login(app, email, PASSWORD, { origin: 'https://evil.example' });
      expect([response.status, await errorCode(response)]).toEqual([403, 'csrf_failed']);
      expect((await login(app, email, PASSWORD, { origin: 'http://localhost' })).status).toBe(200);
    });

    it('answers malformed sign-in bodies with a 4xx JSON error and never a session', async () => {
      const bodies: Array<[RequestInit, number, string]> = [
        [jsonRequest('POST', '{"email": '), 400, 'malformed_json'],
        [jsonRequest('POST', { email: 'a@example.org' }), 400, 'invalid_request'],
        [jsonRequest('POST', { email: 'a@example.org', password: 12345678901234 }), 400, 'invalid_request'],
        [jsonRequest('POST', { email: 'a@example.org', password: 'x', admin: true }), 400, 'invalid_request'],
        [jsonRequest('POST', [1, 2]), 400, 'invalid_request'],
        [jsonRequest('POST', { email: 'a@example.org', password: 'x'.repeat(5000) }), 400, 'invalid_request'],
        [{ method: 'POST', body: 'email=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
      ];
      for (const [init, status, code] of bodies) {
        const response = await app.request('/api/v1/auth/login', init);
        expect([response.status, await errorCode(response)]).toEqual([status, code]);
      }
    });

    it('answers /auth/me without a session with 401 not_signed_in, and with a made-up cookie the same', async () => {
      expect(await errorCode(await call(app, undefined, 'GET', '/auth/me'))).toBe('not_signed_in');
      const fake = { cookie: 'sayso_session=' + 'A'.repeat(43), csrfToken: 'x', staff: { id: '', role: '', organisationId: '', facilityIds: [] } };
      const response = await call(app, fake, 'GET', '/auth/me');
      expect([response.status, await errorCode(response)]).toEqual([401, 'not_signed_in']);
    });
  });
}

describe('the sign-in rate limit', () => {
  it('answers 429 too_many_attempts to an address trying too often, whatever the account', async () => {
    const { handle, dispose } = await testDatabaseKinds()[0]!.open();
    try {
      const app = createApp({ staticRoot: 'dist', db: handle.db, staff: { loginPerMinute: 3 } });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await login(app, `guess${i}@example.org`, 'password guess')).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const response = await login(app, 'x@example.org', 'y');
      expect(await errorCode(response)).toBe('too_many_attempts');
    } finally {
      await dispose();
    }
  });
});
