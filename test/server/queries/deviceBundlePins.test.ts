import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { StaffPinVerifier, verifyTabletPin } from '../../../src/survey/staffPins.ts';
import { call } from '../auth/staffClient.ts';
import { bearer, bundleOf } from '../media/support/audioFixture.ts';
import { mediationWorld, type MediationWorld, type Member } from '../mediation/support/mediationWorld.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`staff PIN verifiers in the device bundle on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let world: MediationWorld;
    const people = {} as Record<'admin' | 'designer' | 'managerA' | 'inspectorA' | 'mediatorA' | 'mediatorB' | 'analyst' | 'noPin' | 'foreignAdmin', Member>;
    const numbers = {} as Record<keyof typeof people, number>;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      world = await mediationWorld(database.db);
      const { A, B, member } = world;
      people.admin = world.admin;
      people.designer = await member('designer');
      people.managerA = await member('manager', [A]);
      people.inspectorA = await member('inspector', [A]);
      people.mediatorA = await member('mediator', [A]);
      people.mediatorB = await member('mediator', [B]);
      people.analyst = await member('analyst');
      people.noPin = await member('mediator', [A]);
      people.foreignAdmin = await member('admin', [], world.otherOrganisationId);
      const pins = ['246813', '135792', '975311', '864200', '192837', '918273', '564738', '', '283746'];
      for (const [i, key] of (Object.keys(people) as Array<keyof typeof people>).entries()) {
        if (pins[i]) numbers[key] = (await world.pin(people[key], pins[i]!)).number;
      }
      // Nine sign-ins (scrypt) and eight PINs (PBKDF2) on two shared cores.
    }, 60_000);
    afterAll(() => dispose?.());

    it('carries the verifiers of everyone who may unlock a facility\'s tablets, by number, with no email and no account id', async () => {
      const { body } = await bundleOf(world.app, world.deviceA);
      const verifiers = body.staffPinVerifiers as StaffPinVerifier[];
      for (const verifier of verifiers) expect(v.safeParse(StaffPinVerifier, verifier).success).toBe(true);
      expect(verifiers.map((x) => [x.number, x.role, x.uses])).toEqual(
        ([['admin', ['mediate', 'staff-screens']], ['designer', ['staff-screens']], ['managerA', ['mediate', 'staff-screens']], ['inspectorA', ['mediate']], ['mediatorA', ['mediate']]] as const)
          .map(([key, uses]) => [numbers[key], people[key].role, uses])
          .sort((a, b) => (a[0] as number) - (b[0] as number)),
      );
      const text = JSON.stringify(body.staffPinVerifiers);
      for (const person of Object.values(people)) {
        expect(text).not.toContain(person.email);
        expect(text).not.toContain(person.id);
      }
      // A tablet checks a PIN against its verifier offline.
      const mediator = verifiers.find((x) => x.number === numbers.mediatorA)!;
      expect(await verifyTabletPin('192837', mediator)).toBe(true);
      expect(await verifyTabletPin('192838', mediator)).toBe(false);
      expect(mediator.ref).toBe(await world.refOf(people.mediatorA));
    });

    it('gives another facility\'s tablets their own mediators and managers, never facility A\'s, and another organisation none of these', async () => {
      const inB = ((await bundleOf(world.app, world.deviceB)).body.staffPinVerifiers as StaffPinVerifier[]).map((x) => x.number);
      expect(inB.sort((a, b) => a - b)).toEqual([numbers.admin, numbers.designer, numbers.mediatorB].sort((a, b) => a - b));
      const elsewhere = (await bundleOf(world.app, world.deviceOther)).body.staffPinVerifiers as StaffPinVerifier[];
      expect(elsewhere.map((x) => x.ref)).toEqual([await world.refOf(people.foreignAdmin)]);
    });

    it('changes the bundle\'s ETag when a PIN changes, so tablets fetch the new verifier', async () => {
      const before = await bundleOf(world.app, world.deviceA);
      const unchanged = await world.app.request('/api/v1/device/bundle', { headers: { ...bearer(world.deviceA), 'if-none-match': before.etag! } });
      expect(unchanged.status).toBe(304);
      await world.pin(people.inspectorA, '314159');
      const after = await world.app.request('/api/v1/device/bundle', { headers: { ...bearer(world.deviceA), 'if-none-match': before.etag! } });
      expect(after.status).toBe(200);
      const verifier = ((await after.json()).staffPinVerifiers as StaffPinVerifier[]).find((x) => x.number === numbers.inspectorA)!;
      expect(await verifyTabletPin('314159', verifier)).toBe(true);
      expect(await verifyTabletPin('864200', verifier)).toBe(false);
    });

    it('drops a disabled account\'s verifier, and a removed PIN, at the next bundle', async () => {
      const before = await bundleOf(world.app, world.deviceA);
      expect((await call(world.app, world.admin.session, 'PATCH', `/staff/accounts/${people.mediatorA.id}`, { body: { disabled: true } })).status).toBe(200);
      const afterDisable = await bundleOf(world.app, world.deviceA);
      expect(afterDisable.etag).not.toBe(before.etag);
      expect((afterDisable.body.staffPinVerifiers as StaffPinVerifier[]).map((x) => x.number)).not.toContain(numbers.mediatorA);

      expect((await call(world.app, world.admin.session, 'DELETE', `/staff/accounts/${people.managerA.id}/tablet-pin`)).status).toBe(204);
      expect((await call(world.app, people.designer.session, 'DELETE', '/staff/me/tablet-pin')).status).toBe(204);
      const numbersLeft = ((await bundleOf(world.app, world.deviceA)).body.staffPinVerifiers as StaffPinVerifier[]).map((x) => x.number);
      expect(numbersLeft.sort((a, b) => a - b)).toEqual([numbers.admin, numbers.inspectorA].sort((a, b) => a - b));
    });

    it('follows a role change: an account made analyst has nothing a PIN could unlock, so it leaves the tablets', async () => {
      expect((await call(world.app, world.admin.session, 'PATCH', `/staff/accounts/${people.inspectorA.id}`, { body: { role: 'analyst' } })).status).toBe(200);
      const left = ((await bundleOf(world.app, world.deviceA)).body.staffPinVerifiers as StaffPinVerifier[]).map((x) => x.number);
      expect(left).toEqual([numbers.admin]);
    });
  });
}
