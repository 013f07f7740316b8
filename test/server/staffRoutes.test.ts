import { LAUNCH_LANGUAGES } from '../../src/survey/languages.ts';
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../src/server/db/createDatabase.ts';
import { createEnrollmentCode } from '../../src/server/queries/enrollments.ts';
import { createFacility, createOrganisation } from '../../src/server/queries/organisations.ts';
import { createStaff } from '../../src/server/queries/staff.ts';
import { publishSurveyVersion } from '../../src/server/queries/surveyVersions.ts';
import { call, errorCode, login, signIn, type StaffSession } from './auth/staffClient.ts';
import { signedResponse } from './support/signedResponse.ts';
import { testDatabaseKinds } from './support/testDatabases.ts';

const PASSWORD = 'correct horse battery';
const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));

for (const kind of testDatabaseKinds()) {
  describe(`staff management routes on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    let organisationId: string;
    let facilityA: string;
    let facilityB: string;
    let foreignFacility: string;
    let admin: StaffSession;
    let managerA: StaffSession;
    let foreignAdmin: StaffSession;
    let n = 0;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      const db = database.db;
      app = createApp({ staticRoot: 'dist', db, staff: { loginPerMinute: 1000 }, device: { enrollPerMinute: 1000 } });
      organisationId = (await createOrganisation(db, { name: 'Fedasil test' })).id;
      facilityA = (await createFacility(db, { organisationId, name: 'Centre A', timeZone: 'Europe/Brussels' })).id;
      facilityB = (await createFacility(db, { organisationId, name: 'Centre B', timeZone: 'Europe/Warsaw' })).id;
      await publishSurveyVersion(db, { organisationId, definition: mini });
      const foreignOrganisation = (await createOrganisation(db, { name: 'Other agency' })).id;
      foreignFacility = (await createFacility(db, { organisationId: foreignOrganisation, name: 'Elsewhere', timeZone: 'Europe/Rome' })).id;
      await createStaff(db, { organisationId, email: 'admin@example.org', password: PASSWORD, role: 'admin' });
      await createStaff(db, { organisationId, email: 'manager.a@example.org', password: PASSWORD, role: 'manager', facilityIds: [facilityA] });
      await createStaff(db, { organisationId: foreignOrganisation, email: 'admin@other.example', password: PASSWORD, role: 'admin' });
      admin = await signIn(app, 'admin@example.org', PASSWORD);
      managerA = await signIn(app, 'manager.a@example.org', PASSWORD);
      foreignAdmin = await signIn(app, 'admin@other.example', PASSWORD);
    });
    afterAll(() => dispose?.());

    const json = async (response: Response) => ({ status: response.status, body: await response.json() });

    async function enrollTablet(facilityId: string, name = 'Common room tablet') {
      const { code } = await createEnrollmentCode(database.db, { facilityId });
      const response = await app.request('/api/v1/devices/enroll', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) });
      expect(response.status).toBe(201);
      return (await response.json()) as { enrollmentId: string; token: string; secret: string };
    }

    describe('facilities', () => {
      it('lists the whole organisation for an admin, the assigned ones for a manager, and nothing of it to another organisation', async () => {
        const all = await json(await call(app, admin, 'GET', '/staff/facilities'));
        expect(all.body.facilities).toEqual([
          { id: facilityA, name: 'Centre A', timeZone: 'Europe/Brussels', languages: [...LAUNCH_LANGUAGES] },
          { id: facilityB, name: 'Centre B', timeZone: 'Europe/Warsaw', languages: [...LAUNCH_LANGUAGES] },
        ]);
        expect((await json(await call(app, managerA, 'GET', '/staff/facilities'))).body.facilities.map((f: { id: string }) => f.id)).toEqual([facilityA]);
        expect((await json(await call(app, foreignAdmin, 'GET', '/staff/facilities'))).body.facilities.map((f: { id: string }) => f.id)).toEqual([foreignFacility]);
      });

      it('lets an admin create a facility and rename it, with a real time zone', async () => {
        const created = await json(await call(app, admin, 'POST', '/staff/facilities', { body: { name: '  Centre C ', timeZone: 'Europe/Amsterdam' } }));
        expect(created).toEqual({ status: 201, body: { id: expect.any(String), name: 'Centre C', timeZone: 'Europe/Amsterdam', languages: [...LAUNCH_LANGUAGES] } });
        const renamed = await json(await call(app, admin, 'PATCH', `/staff/facilities/${created.body.id}`, { body: { name: 'Centre C-Noord' } }));
        expect(renamed).toEqual({ status: 200, body: { id: created.body.id, name: 'Centre C-Noord', timeZone: 'Europe/Amsterdam', languages: [...LAUNCH_LANGUAGES] } });
        const row = await database.db.selectFrom('facilities').select(['organisation_id', 'name']).where('id', '=', created.body.id).executeTakeFirstOrThrow();
        expect(row).toEqual({ organisation_id: organisationId, name: 'Centre C-Noord' });
        const badZone = await json(await call(app, admin, 'POST', '/staff/facilities', { body: { name: 'X', timeZone: 'Mars/Olympus' } }));
        expect([badZone.status, badZone.body.error.code]).toEqual([400, 'invalid_request']);
        expect(badZone.body.error.message).toContain('timeZone');
      });

      it('answers 404 unknown_facility to an admin renaming another organisation\'s facility, and leaves it alone', async () => {
        const response = await call(app, admin, 'PATCH', `/staff/facilities/${foreignFacility}`, { body: { name: 'Taken over' } });
        expect([response.status, await errorCode(response)]).toEqual([404, 'unknown_facility']);
        expect((await database.db.selectFrom('facilities').select('name').where('id', '=', foreignFacility).executeTakeFirstOrThrow()).name).toBe('Elsewhere');
      });
    });

    describe('accounts', () => {
      it('lists the organisation\'s accounts without any password hash, and none of another organisation', async () => {
        const { status, body } = await json(await call(app, admin, 'GET', '/staff/accounts'));
        expect(status).toBe(200);
        const emails = body.accounts.map((a: { email: string }) => a.email);
        expect(emails).toContain('manager.a@example.org');
        expect(emails).not.toContain('admin@other.example');
        expect(body.accounts.find((a: { email: string }) => a.email === 'manager.a@example.org')).toEqual({
          id: managerA.staff.id, email: 'manager.a@example.org', role: 'manager', facilityIds: [facilityA], disabled: false, locked: false, tabletNumber: null, hasTabletPin: false,
        });
        expect(JSON.stringify(body)).not.toContain('scrypt');
      });

      it('creates an account that can sign in, seeing only its facilities', async () => {
        const created = await json(await call(app, admin, 'POST', '/staff/accounts', { body: { email: 'Inspector.B@Example.org', role: 'inspector', password: 'a long enough pass', facilityIds: [facilityB] } }));
        expect(created).toEqual({ status: 201, body: { id: expect.any(String), email: 'inspector.b@example.org', role: 'inspector', facilityIds: [facilityB], disabled: false, locked: false, tabletNumber: null, hasTabletPin: false } });
        const inspector = await signIn(app, 'inspector.b@example.org', 'a long enough pass');
        expect(inspector.staff).toMatchObject({ role: 'inspector', organisationId, facilityIds: [facilityB] });
      });

      it('refuses a short password, an unknown role, a taken email and a field the contract does not have', async () => {
        const attempts: Array<[unknown, number, string]> = [
          [{ email: 'x1@example.org', role: 'manager', password: 'short', facilityIds: [] }, 400, 'invalid_request'],
          [{ email: 'x2@example.org', role: 'superuser', password: PASSWORD, facilityIds: [] }, 400, 'invalid_request'],
          [{ email: 'not an email', role: 'manager', password: PASSWORD, facilityIds: [] }, 400, 'invalid_request'],
          [{ email: 'x3@example.org', role: 'manager', password: PASSWORD }, 400, 'invalid_request'],
          [{ email: 'x4@example.org', role: 'manager', password: PASSWORD, facilityIds: [], organisationId: 'other' }, 400, 'invalid_request'],
          [{ email: 'ADMIN@example.org', role: 'manager', password: PASSWORD, facilityIds: [] }, 409, 'email_taken'],
        ];
        for (const [body, status, code] of attempts) {
          const response = await call(app, admin, 'POST', '/staff/accounts', { body });
          expect([response.status, await errorCode(response)], JSON.stringify(body)).toEqual([status, code]);
        }
        const short = await json(await call(app, admin, 'POST', '/staff/accounts', { body: { email: 'x5@example.org', role: 'manager', password: 'elevenchars', facilityIds: [] } }));
        expect(short.body.error.message).toContain('12 characters');
      });

      it('will not assign a facility of another organisation, nor one that does not exist (404 unknown_facility)', async () => {
        for (const facilityIds of [[foreignFacility], [facilityA, 'no-such-facility']]) {
          const created = await call(app, admin, 'POST', '/staff/accounts', { body: { email: `forger${n++}@example.org`, role: 'manager', password: PASSWORD, facilityIds } });
          expect([created.status, await errorCode(created)]).toEqual([404, 'unknown_facility']);
          const changed = await call(app, admin, 'PATCH', `/staff/accounts/${managerA.staff.id}`, { body: { facilityIds } });
          expect([changed.status, await errorCode(changed)]).toEqual([404, 'unknown_facility']);
        }
        const rows = await database.db.selectFrom('staff_facilities').select('facility_id').where('staff_id', '=', managerA.staff.id).execute();
        expect(rows.map((r) => r.facility_id)).toEqual([facilityA]);
      });

      it('changes a role and facilities, and the staff member sees the change on their next request', async () => {
        const email = `changing${n++}@example.org`;
        await createStaff(database.db, { organisationId, email, password: PASSWORD, role: 'mediator', facilityIds: [facilityA] });
        const session = await signIn(app, email, PASSWORD);
        const changed = await json(await call(app, admin, 'PATCH', `/staff/accounts/${session.staff.id}`, { body: { role: 'manager', facilityIds: [facilityB, facilityB] } }));
        expect(changed).toEqual({ status: 200, body: { id: session.staff.id, email, role: 'manager', facilityIds: [facilityB], disabled: false, locked: false, tabletNumber: null, hasTabletPin: false } });
        expect((await json(await call(app, session, 'GET', '/auth/me'))).body.staff).toMatchObject({ role: 'manager', facilityIds: [facilityB] });
        expect((await call(app, session, 'GET', '/staff/devices')).status).toBe(200);
      });

      it('disables an account: its sessions stop at once and it cannot sign in until enabled again', async () => {
        const email = `leaving${n++}@example.org`;
        await createStaff(database.db, { organisationId, email, password: PASSWORD, role: 'manager', facilityIds: [facilityA] });
        const session = await signIn(app, email, PASSWORD);
        const disabled = await json(await call(app, admin, 'PATCH', `/staff/accounts/${session.staff.id}`, { body: { disabled: true } }));
        expect(disabled.body.disabled).toBe(true);
        expect((await call(app, session, 'GET', '/staff/facilities')).status).toBe(401);
        expect((await login(app, email, PASSWORD)).status).toBe(401);
        await call(app, admin, 'PATCH', `/staff/accounts/${session.staff.id}`, { body: { disabled: false } });
        expect((await login(app, email, PASSWORD)).status).toBe(200);
      });

      it('resets a password: the old one and its sessions stop working, and a lock is lifted', async () => {
        const email = `forgetful${n++}@example.org`;
        await createStaff(database.db, { organisationId, email, password: PASSWORD, role: 'analyst' });
        const session = await signIn(app, email, PASSWORD);
        for (let i = 0; i < 5; i++) await login(app, email, 'wrong guess');
        expect((await json(await call(app, admin, 'GET', '/staff/accounts'))).body.accounts.find((a: { email: string }) => a.email === email).locked).toBe(true);
        const reset = await json(await call(app, admin, 'PATCH', `/staff/accounts/${session.staff.id}`, { body: { password: 'a brand new password' } }));
        expect(reset.body.locked).toBe(false);
        expect((await call(app, session, 'GET', '/auth/me')).status).toBe(401);
        expect((await login(app, email, PASSWORD)).status).toBe(401);
        expect((await login(app, email, 'a brand new password')).status).toBe(200);
      });

      it('will not let an admin disable or demote themself (400), but lets them change their own password and stay signed in', async () => {
        for (const body of [{ disabled: true }, { role: 'analyst' }]) {
          const response = await json(await call(app, admin, 'PATCH', `/staff/accounts/${admin.staff.id}`, { body }));
          expect([response.status, response.body.error.code]).toEqual([400, 'own_account']);
        }
        const account = await database.db.selectFrom('staff').select(['role', 'disabled_at']).where('id', '=', admin.staff.id).executeTakeFirstOrThrow();
        expect(account).toEqual({ role: 'admin', disabled_at: null });
        expect((await call(app, admin, 'PATCH', `/staff/accounts/${admin.staff.id}`, { body: { password: PASSWORD, role: 'admin' } })).status).toBe(200);
        expect((await call(app, admin, 'GET', '/auth/me')).status).toBe(200);
      });

      it('answers 404 for an account of another organisation and changes nothing', async () => {
        const response = await call(app, foreignAdmin, 'PATCH', `/staff/accounts/${managerA.staff.id}`, { body: { disabled: true } });
        expect([response.status, await errorCode(response)]).toEqual([404, 'unknown_account']);
        expect((await call(app, managerA, 'GET', '/auth/me')).status).toBe(200);
      });
    });

    describe('devices and enrollment codes', () => {
      it('lists devices with their last sync, a manager only those of their facilities', async () => {
        const a = await enrollTablet(facilityA, 'Tablet in A');
        const b = await enrollTablet(facilityB, 'Tablet in B');
        const response = await signedResponse(a, { surveyId: 'mini', surveyVersion: 1, answers: { 'room.satisfied': true, overall: 4 } });
        const sync = await app.request('/api/v1/sync', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` }, body: JSON.stringify({ responses: [response] }) });
        expect(sync.status).toBe(200);
        const all = (await json(await call(app, admin, 'GET', '/staff/devices'))).body.devices;
        expect(all.find((d: { id: string }) => d.id === a.enrollmentId)).toEqual({
          id: a.enrollmentId, name: 'Tablet in A', facilityId: facilityA, facilityName: 'Centre A', createdAt: expect.any(String), lastSyncAt: expect.any(String), revokedAt: null,
        });
        expect(all.find((d: { id: string }) => d.id === b.enrollmentId)).toMatchObject({ facilityId: facilityB, lastSyncAt: null });
        const own = (await json(await call(app, managerA, 'GET', '/staff/devices'))).body.devices;
        expect(own.length).toBeGreaterThan(0);
        expect(own.every((d: { facilityId: string }) => d.facilityId === facilityA)).toBe(true);
        expect((await json(await call(app, foreignAdmin, 'GET', '/staff/devices'))).body.devices).toEqual([]);
      });

      it('lets a manager revoke a tablet of their facility, which then gets 401, but not one of another facility', async () => {
        const a = await enrollTablet(facilityA);
        const b = await enrollTablet(facilityB);
        const revoked = await json(await call(app, managerA, 'POST', `/staff/devices/${a.enrollmentId}/revoke`));
        expect(revoked.status).toBe(200);
        expect(revoked.body).toMatchObject({ id: a.enrollmentId, revokedAt: expect.any(String) });
        const bundle = await app.request('/api/v1/device/bundle', { headers: { authorization: `Bearer ${a.token}` } });
        expect([bundle.status, await errorCode(bundle)]).toEqual([401, 'revoked']);
        for (const [session, id] of [[managerA, b.enrollmentId], [foreignAdmin, b.enrollmentId], [managerA, 'no-such-device']] as const) {
          const response = await call(app, session, 'POST', `/staff/devices/${id}/revoke`);
          expect([response.status, await errorCode(response)]).toEqual([404, 'unknown_device']);
        }
        expect((await app.request('/api/v1/device/bundle', { headers: { authorization: `Bearer ${b.token}` } })).status).toBe(200);
      });

      it('gives a manager an enrollment code that enrolls a tablet into their facility, and 404 for another facility', async () => {
        const created = await json(await call(app, managerA, 'POST', `/facilities/${facilityA}/enrollments`));
        expect(created).toEqual({ status: 201, body: { code: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/), expiresAt: expect.any(String) } });
        const enrolled = await app.request('/api/v1/devices/enroll', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: created.body.code, name: 'New tablet' }) });
        expect((await enrolled.json()).facilityId).toBe(facilityA);
        for (const facility of [facilityB, foreignFacility, 'no-such-facility']) {
          const response = await call(app, managerA, 'POST', `/facilities/${facility}/enrollments`);
          expect([response.status, await errorCode(response)]).toEqual([404, 'unknown_facility']);
        }
        const foreign = await call(app, foreignAdmin, 'POST', `/facilities/${facilityA}/enrollments`);
        expect([foreign.status, await errorCode(foreign)]).toEqual([404, 'unknown_facility']);
      });
    });

    describe('surveys and settings', () => {
      it('lists the current survey versions with their definitions', async () => {
        const { body } = await json(await call(app, managerA, 'GET', '/staff/surveys'));
        expect(body.surveys).toEqual([{ id: 'mini', version: 1, title: mini.title, languages: ['en', 'ar'], defaultLanguage: mini.defaultLanguage, definition: expect.objectContaining({ id: 'mini', items: expect.any(Array) }) }]);
        expect((await json(await call(app, foreignAdmin, 'GET', '/staff/surveys'))).body.surveys).toEqual([]);
      });

      it('sets the small-cell threshold between 5 and 100, for this organisation only', async () => {
        expect((await json(await call(app, managerA, 'GET', '/staff/settings'))).body).toMatchObject({ minCellSize: 5, targets: [] });
        for (const minCellSize of [4, 101, 7.5, '10']) {
          const response = await call(app, admin, 'PATCH', '/staff/settings', { body: { minCellSize } });
          expect([response.status, await errorCode(response)], String(minCellSize)).toEqual([400, 'invalid_request']);
        }
        expect((await json(await call(app, admin, 'PATCH', '/staff/settings', { body: { minCellSize: 10 } }))).body.minCellSize).toBe(10);
        expect((await json(await call(app, managerA, 'GET', '/staff/settings'))).body.minCellSize).toBe(10);
        expect((await json(await call(app, foreignAdmin, 'GET', '/staff/settings'))).body.minCellSize).toBe(5);
        await call(app, admin, 'PATCH', '/staff/settings', { body: { minCellSize: 5 } });
      });

      it('sets a target of 1 to 100 percent on an indicator question of a current survey', async () => {
        const set = await json(await call(app, admin, 'PUT', '/staff/targets/mini/room.satisfied', { body: { percent: 75 } }));
        expect(set).toEqual({ status: 200, body: { surveyId: 'mini', questionId: 'room.satisfied', percent: 75 } });
        await call(app, admin, 'PUT', '/staff/targets/mini/room.satisfied', { body: { percent: 80 } });
        const settings = (await json(await call(app, admin, 'GET', '/staff/settings'))).body;
        expect(settings.targets).toEqual([{ surveyId: 'mini', questionId: 'room.satisfied', percent: 80 }]);
        expect(settings.defaultTargetPercent).toBe(60);
        const refusals: Array<[string, unknown, number, string]> = [
          ['/staff/targets/mini/room.satisfied', { percent: 0 }, 400, 'invalid_request'],
          ['/staff/targets/mini/room.satisfied', { percent: 101 }, 400, 'invalid_request'],
          ['/staff/targets/mini/room.satisfied', { percent: 50, extra: 1 }, 400, 'invalid_request'],
          ['/staff/targets/mini/room.score', { percent: 50 }, 400, 'invalid_request'],
          ['/staff/targets/mini/nothing', { percent: 50 }, 404, 'unknown_question'],
          ['/staff/targets/nothing/room.satisfied', { percent: 50 }, 404, 'unknown_survey'],
        ];
        for (const [path, body, status, code] of refusals) {
          const response = await call(app, admin, 'PUT', path, { body });
          expect([response.status, await errorCode(response)], path).toEqual([status, code]);
        }
        const foreign = await call(app, foreignAdmin, 'PUT', '/staff/targets/mini/room.satisfied', { body: { percent: 10 } });
        expect([foreign.status, await errorCode(foreign)]).toEqual([404, 'unknown_survey']);
      });
    });

    describe('resident counts', () => {
      it('records residents per quarter for a manager\'s own facility, replacing an earlier figure', async () => {
        expect((await json(await call(app, managerA, 'PUT', `/staff/facilities/${facilityA}/residents/2026-Q3`, { body: { residents: 120 } }))).body).toEqual({ period: '2026-Q3', residents: 120 });
        await call(app, managerA, 'PUT', `/staff/facilities/${facilityA}/residents/2026-Q2`, { body: { residents: 0 } });
        await call(app, admin, 'PUT', `/staff/facilities/${facilityA}/residents/2026-Q3`, { body: { residents: 131 } });
        const counts = (await json(await call(app, managerA, 'GET', `/staff/facilities/${facilityA}/residents`))).body.counts;
        expect(counts).toEqual([{ period: '2026-Q2', residents: 0 }, { period: '2026-Q3', residents: 131 }]);
        const row = await database.db.selectFrom('resident_counts').select('updated_by').where('facility_id', '=', facilityA).where('period', '=', '2026-Q3').executeTakeFirstOrThrow();
        expect(row.updated_by).toBe(admin.staff.id);
      });

      it('refuses a period that is not a quarter and a count out of 0..100000', async () => {
        const refusals: Array<[string, unknown]> = [
          ['2026-Q5', { residents: 1 }], ['2026-07', { residents: 1 }], ['2026-q3', { residents: 1 }],
          ['2026-Q3', { residents: -1 }], ['2026-Q3', { residents: 100_001 }], ['2026-Q3', { residents: 2.5 }], ['2026-Q3', { residents: null }], ['2026-Q3', {}],
        ];
        for (const [period, body] of refusals) {
          const response = await call(app, managerA, 'PUT', `/staff/facilities/${facilityA}/residents/${period}`, { body });
          expect([response.status, await errorCode(response)], `${period} ${JSON.stringify(body)}`).toEqual([400, 'invalid_request']);
        }
      });

      it('answers 404 unknown_facility to a manager asking for another facility\'s residents, reading or writing', async () => {
        await call(app, admin, 'PUT', `/staff/facilities/${facilityB}/residents/2026-Q3`, { body: { residents: 77 } });
        for (const [session, facility] of [[managerA, facilityB], [foreignAdmin, facilityB], [admin, foreignFacility]] as const) {
          const read = await call(app, session, 'GET', `/staff/facilities/${facility}/residents`);
          expect([read.status, await errorCode(read)]).toEqual([404, 'unknown_facility']);
          const write = await call(app, session, 'PUT', `/staff/facilities/${facility}/residents/2026-Q3`, { body: { residents: 1 } });
          expect([write.status, await errorCode(write)]).toEqual([404, 'unknown_facility']);
        }
        const row = await database.db.selectFrom('resident_counts').select('residents').where('facility_id', '=', facilityB).where('period', '=', '2026-Q3').executeTakeFirstOrThrow();
        expect(Number(row.residents)).toBe(77);
      });
    });

    it('answers every malformed body with a 4xx JSON error, never a 500', async () => {
      const routes: Array<[string, string]> = [
        ['POST', '/staff/facilities'], ['PATCH', `/staff/facilities/${facilityA}`], ['POST', '/staff/accounts'],
        ['PATCH', `/staff/accounts/${managerA.staff.id}`], ['PATCH', '/staff/settings'], ['PUT', '/staff/targets/mini/room.satisfied'],
        ['PUT', `/staff/facilities/${facilityA}/residents/2026-Q3`],
      ];
      const bodies = ['{"name": ', '[]', 'null', '"text"', '42', JSON.stringify({ unexpected: true }), JSON.stringify({ name: { $gt: '' }, role: ['admin'], minCellSize: 'NaN', percent: 1e309, residents: '1' })];
      for (const [method, path] of routes) {
        for (const body of bodies) {
          const response = await call(app, admin, method, path, { body });
          expect(response.status, `${method} ${path} ${body}`).toBeGreaterThanOrEqual(400);
          expect(response.status, `${method} ${path} ${body}`).toBeLessThan(500);
          expect((await response.json()).error.code).toMatch(/^[a-z_]+$/);
        }
        const noType = await app.request(`/api/v1${path}`, { method, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }, body: 'x=1' });
        expect([noType.status, await errorCode(noType)]).toEqual([415, 'unsupported_media_type']);
      }
      // NUL characters, which PostgreSQL text cannot hold, in bodies, paths and queries.
      const nul = [
        call(app, admin, 'POST', '/staff/facilities', { body: { name: 'Centre\u0000X', timeZone: 'Europe/Brussels' } }),
        call(app, admin, 'POST', '/staff/accounts', { body: { email: 'nul@example.org', role: 'manager', password: PASSWORD, facilityIds: ['a\u0000b'] } }),
        call(app, admin, 'PATCH', `/staff/accounts/${managerA.staff.id}`, { body: { ['role\u0000']: 'admin' } }),
        call(app, admin, 'GET', '/staff/facilities/%00/residents'),
        call(app, admin, 'PATCH', '/staff/accounts/x%00y', { body: { disabled: true } }),
        call(app, admin, 'POST', '/staff/devices/%00/revoke'),
        call(app, admin, 'POST', `/facilities/${'x'.repeat(5000)}/enrollments`),
        call(app, admin, 'GET', '/staff/devices?x=%00'),
        login(app, 'nul\u0000@example.org', PASSWORD),
      ];
      for (const response of await Promise.all(nul)) {
        expect(response.status, response.url).toBeGreaterThanOrEqual(400);
        expect(response.status, response.url).toBeLessThan(500);
        expect((await response.json()).error.code).toMatch(/^[a-z_]+$/);
      }
      // Nothing of that reached the database.
      expect((await database.db.selectFrom('staff').select('role').where('id', '=', managerA.staff.id).executeTakeFirstOrThrow()).role).toBe('manager');
    });
  });
}
