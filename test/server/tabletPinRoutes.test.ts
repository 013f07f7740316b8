import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../src/server/db/createDatabase.ts';
import { createFacility, createOrganisation } from '../../src/server/queries/organisations.ts';
import { createStaff, type StaffRole } from '../../src/server/queries/staff.ts';
import { verifyTabletPin } from '../../src/survey/staffPins.ts';
import { call, errorCode, login, signIn, type StaffSession } from './auth/staffClient.ts';
import { testDatabaseKinds } from './support/testDatabases.ts';

const PASSWORD = 'correct horse battery';
/** The schema's floor: fast enough for tests, and what a real verifier may never go below. */
const ITERATIONS = 100_000;

for (const kind of testDatabaseKinds()) {
  describe(`tablet PIN routes on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    let organisationId: string;
    let otherOrganisationId: string;
    let facilityId: string;
    let admin: StaffSession;
    let n = 0;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      app = createApp({ staticRoot: 'dist', db: database.db, staff: { loginPerMinute: 10_000, tabletPinIterations: ITERATIONS } });
      organisationId = (await createOrganisation(database.db, { name: 'Fedasil test' })).id;
      otherOrganisationId = (await createOrganisation(database.db, { name: 'Other agency' })).id;
      facilityId = (await createFacility(database.db, { organisationId, name: 'Centre A', timeZone: 'Europe/Brussels' })).id;
      admin = await account('admin');
    });
    afterAll(() => dispose?.());

    async function account(role: StaffRole, organisation = organisationId): Promise<StaffSession> {
      const email = `${role}-${n++}@example.org`;
      await createStaff(database.db, { organisationId: organisation, email, password: PASSWORD, role, facilityIds: organisation === organisationId && role === 'mediator' ? [facilityId] : [] });
      return signIn(app, email, PASSWORD);
    }
    const stored = (staffId: string) => database.db.selectFrom('staff').select(['tablet_number', 'tablet_ref', 'pin_verifier', 'pin_set_at', 'failed_logins']).where('id', '=', staffId).executeTakeFirstOrThrow();
    const putPin = (session: StaffSession, pin: string, password = PASSWORD) => call(app, session, 'PUT', '/staff/me/tablet-pin', { body: { pin, password } });

    it('shows no PIN at first, with what a PIN would unlock for the role', async () => {
      const uses: Record<StaffRole, string[]> = {
        admin: ['mediate', 'staff-screens'], manager: ['mediate', 'staff-screens'], designer: ['staff-screens'], inspector: ['mediate'], mediator: ['mediate'], analyst: [],
      };
      for (const role of Object.keys(uses) as StaffRole[]) {
        const response = await call(app, await account(role), 'GET', '/staff/me/tablet-pin');
        expect(response.status).toBe(200);
        expect(await response.json(), role).toEqual({ number: null, setAt: null, uses: uses[role] });
      }
    });

    it('sets a PIN after the password is given again: a tablet number, an opaque reference, and a slow salted verifier of the PIN', async () => {
      const mediator = await account('mediator');
      const response = await putPin(mediator, '20481357');
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toEqual({ number: expect.any(Number), setAt: expect.any(String), uses: ['mediate'] });
      const row = await stored(mediator.staff.id);
      expect(row.tablet_number).toBe(body.number);
      expect(row.tablet_ref).toMatch(/^sr_[A-Za-z0-9_-]{22}$/);
      const verifier = JSON.parse(row.pin_verifier!);
      expect(verifier).toEqual({ salt: expect.any(String), hash: expect.any(String), iterations: ITERATIONS });
      expect(row.pin_verifier).not.toContain('20481357');
      expect(await verifyTabletPin('20481357', verifier)).toBe(true);
      expect(await verifyTabletPin('20481358', verifier)).toBe(false);
    });

    it('refuses weak PINs and anything but 6 to 8 digits, before looking at the password', async () => {
      const mediator = await account('mediator');
      for (const pin of ['111111', '123456', '87654321']) {
        const response = await putPin(mediator, pin, 'not my password');
        expect([response.status, await errorCode(response)], pin).toEqual([400, 'weak_pin']);
      }
      for (const pin of ['12345', '123456789', 'abcdef', '12 3456']) {
        const response = await putPin(mediator, pin, 'not my password');
        expect([response.status, await errorCode(response)], pin).toEqual([400, 'invalid_pin']);
      }
      const missing = await call(app, mediator, 'PUT', '/staff/me/tablet-pin', { body: { pin: '135790' } });
      expect([missing.status, await errorCode(missing)]).toEqual([400, 'invalid_request']);
      expect((await stored(mediator.staff.id)).failed_logins).toBe(0);
      expect((await stored(mediator.staff.id)).pin_verifier).toBeNull();
    });

    it('counts a wrong password as a failed sign-in: five in a row lock the account, for sign-in too', async () => {
      const email = `locked-${n++}@example.org`;
      await createStaff(database.db, { organisationId, email, password: PASSWORD, role: 'mediator', facilityIds: [facilityId] });
      const session = await signIn(app, email, PASSWORD);
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        const response = await putPin(session, '135790', `wrong ${i}`);
        statuses.push(`${response.status} ${await errorCode(response)}`);
      }
      expect(statuses).toEqual([...Array(4).fill('401 invalid_credentials'), '423 account_locked']);
      // Locked: even the right password sets no PIN, and sign-in is refused.
      const right = await putPin(session, '135790');
      expect([right.status, await errorCode(right)]).toEqual([423, 'account_locked']);
      expect((await login(app, email, PASSWORD)).status).toBe(423);
      expect((await stored(session.staff.id)).pin_verifier).toBeNull();
    });

    it('a right password clears the wrong-password count', async () => {
      const mediator = await account('mediator');
      await putPin(mediator, '135790', 'wrong');
      expect((await stored(mediator.staff.id)).failed_logins).toBe(1);
      expect((await putPin(mediator, '135790')).status).toBe(200);
      expect((await stored(mediator.staff.id)).failed_logins).toBe(0);
    });

    it('gives each organisation\'s accounts the smallest free numbers, and keeps number and reference through a change and a removal', async () => {
      const first = await account('mediator');
      const second = await account('inspector');
      const elsewhere = await account('admin', otherOrganisationId);
      expect((await putPin(elsewhere, '246813')).status).toBe(200);
      expect((await stored(elsewhere.staff.id)).tablet_number).toBe(1);
      const taken = (await database.db.selectFrom('staff').select('tablet_number').where('organisation_id', '=', organisationId).where('tablet_number', 'is not', null).execute()).map((r) => r.tablet_number!);
      expect((await putPin(first, '246813')).status).toBe(200);
      const a = await stored(first.staff.id);
      const smallest = [...Array(taken.length + 2).keys()].map((i) => i + 1).find((i) => !taken.includes(i));
      expect(a.tablet_number).toBe(smallest);
      expect((await putPin(second, '975310')).status).toBe(200);
      expect((await stored(second.staff.id)).tablet_number).not.toBe(a.tablet_number);

      expect((await putPin(first, '864202')).status).toBe(200);
      const changed = await stored(first.staff.id);
      expect([changed.tablet_number, changed.tablet_ref]).toEqual([a.tablet_number, a.tablet_ref]);
      expect(changed.pin_verifier).not.toBe(a.pin_verifier);

      const removed = await call(app, first, 'DELETE', '/staff/me/tablet-pin');
      expect(removed.status).toBe(204);
      const after = await stored(first.staff.id);
      expect([after.tablet_number, after.tablet_ref, after.pin_verifier, after.pin_set_at]).toEqual([a.tablet_number, a.tablet_ref, null, null]);
      expect(await (await call(app, first, 'GET', '/staff/me/tablet-pin')).json()).toEqual({ number: a.tablet_number, setAt: null, uses: ['mediate'] });
    });

    it('lets an admin remove anyone\'s PIN in the organisation, and lists who has one', async () => {
      const mediator = await account('mediator');
      expect((await putPin(mediator, '975310')).status).toBe(200);
      const listed = await (await call(app, admin, 'GET', '/staff/accounts')).json();
      const row = listed.accounts.find((x: { id: string }) => x.id === mediator.staff.id);
      expect(row).toMatchObject({ tabletNumber: (await stored(mediator.staff.id)).tablet_number, hasTabletPin: true });
      expect(JSON.stringify(listed)).not.toMatch(/pin_verifier|"salt"|"hash"|sr_/);

      expect((await call(app, admin, 'DELETE', `/staff/accounts/${mediator.staff.id}/tablet-pin`)).status).toBe(204);
      const again = await (await call(app, admin, 'GET', '/staff/accounts')).json();
      expect(again.accounts.find((x: { id: string }) => x.id === mediator.staff.id)).toMatchObject({ hasTabletPin: false, tabletNumber: row.tabletNumber });

      const foreignAdmin = await account('admin', otherOrganisationId);
      const refused = await call(app, foreignAdmin, 'DELETE', `/staff/accounts/${admin.staff.id}/tablet-pin`);
      expect([refused.status, await errorCode(refused)]).toEqual([404, 'unknown_account']);
      const nobody = await call(app, admin, 'DELETE', '/staff/accounts/no-such-account/tablet-pin');
      expect([nobody.status, await errorCode(nobody)]).toEqual([404, 'unknown_account']);
      const notAdmin = await call(app, mediator, 'DELETE', `/staff/accounts/${admin.staff.id}/tablet-pin`);
      expect([notAdmin.status, await errorCode(notAdmin)]).toEqual([403, 'forbidden']);
    });
  });
}
