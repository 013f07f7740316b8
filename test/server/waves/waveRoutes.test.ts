import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWaves, type WaveView } from '../../../src/server/waves/listWaves.ts';
import { call, errorCode } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { waveWorld, type WaveWorld } from './support/waveWorld.ts';

for (const kind of testDatabaseKinds()) {
  // Several sign-ins (scrypt) per test: slow on a busy machine.
  describe(`wave routes on ${kind.name}`, { timeout: 30_000 }, () => {
    let dispose: () => Promise<void>;
    let w: WaveWorld;
    const clock = new Date('2026-12-01T12:00:00Z');
    beforeAll(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      w = await waveWorld(opened.handle.db, () => clock);
    });
    afterAll(() => dispose?.());

    it('creates a wave an admin plans and lists it with its survey, eligibility and each facility\'s figures', async () => {
      const wave = await w.createWave({ name: 'Autumn check', surveyVersion: 2, startsOn: '2026-09-01', endsOn: '2026-09-30', facilities: [{ facilityId: w.A, eligibleResidents: 25 }] });
      expect(wave).toMatchObject({
        name: 'Autumn check', surveyId: 'mini', surveyVersion: 2, surveyTitle: { en: 'Mini survey, second version' },
        startsOn: '2026-09-01', endsOn: '2026-09-30', eligibility: 'Residents staying two months or more', minStayDays: 60, status: 'ended',
        facilities: [{ facilityId: w.A, name: 'Centre A', eligibleResidents: 25, invitationsPrinted: 0, invitationsUsed: 0, responses: 0, participationPercent: 0 }],
      });
      expect((await w.listWaves()).map((x) => x.id)).toContain(wave.id);
    });

    it('refuses an end before the start, more than 366 days, no facility, an impossible day, and says which field', async () => {
      const outcomes: string[] = [];
      for (const change of [
        { startsOn: '2027-03-01', endsOn: '2027-02-28' },
        { startsOn: '2027-01-01', endsOn: '2028-01-02' },
        { facilities: [] },
        { startsOn: '2027-02-30' },
        { name: '' },
        { eligibility: '   ' },
        { facilities: [{ facilityId: w.A }, { facilityId: w.A }] },
      ]) {
        const response = await call(w.app, w.admin.session, 'POST', '/staff/waves', { body: w.newWave(change) });
        outcomes.push(`${response.status} ${await errorCode(response)}`);
      }
      expect(outcomes).toEqual(['400 invalid_dates', '400 invalid_dates', '400 no_facility', '400 invalid_dates', '400 invalid_request', '400 invalid_request', '400 invalid_request']);
      // A leap year's 366 days are one wave.
      const leap = await call(w.app, w.admin.session, 'POST', '/staff/waves', { body: w.newWave({ surveyId: 'mini', startsOn: '2028-01-01', endsOn: '2028-12-31', facilities: [{ facilityId: w.B }] }) });
      expect(leap.status).toBe(201);
    });

    it('refuses an unknown survey version (404), the inspectors\' survey (400) and another organisation\'s facility (404)', async () => {
      const outcomes: string[] = [];
      for (const change of [{ surveyVersion: 3 }, { surveyId: 'nope' }, { surveyId: 'monitoring-visit' }, { facilities: [{ facilityId: w.elsewhere }] }]) {
        const response = await call(w.app, w.admin.session, 'POST', '/staff/waves', { body: w.newWave({ startsOn: '2030-01-01', endsOn: '2030-01-31', ...change }) });
        outcomes.push(`${response.status} ${await errorCode(response)}`);
      }
      expect(outcomes).toEqual(['404 unknown_survey', '404 unknown_survey', '400 inspectors_survey', '404 unknown_facility']);
    });

    it('refuses a second wave of the same survey in a facility on a shared day, but not the next day, another facility or once the first is cancelled', async () => {
      const first = await w.createWave({ startsOn: '2031-01-01', endsOn: '2031-03-31', facilities: [{ facilityId: w.A }] });
      const overlapping = await call(w.app, w.admin.session, 'POST', '/staff/waves', { body: w.newWave({ startsOn: '2031-03-31', endsOn: '2031-04-30', facilities: [{ facilityId: w.B }, { facilityId: w.A }] }) });
      expect(overlapping.status).toBe(409);
      expect(await errorCode(overlapping)).toBe('wave_overlap');
      await w.createWave({ startsOn: '2031-04-01', endsOn: '2031-06-30', facilities: [{ facilityId: w.A }] });
      await w.createWave({ startsOn: '2031-02-01', endsOn: '2031-02-28', facilities: [{ facilityId: w.B }] });
      const cancel = await call(w.app, w.admin.session, 'PATCH', `/staff/waves/${first.id}`, { body: { cancel: true } });
      expect(((await cancel.json()) as { wave: WaveView }).wave.status).toBe('cancelled');
      await w.createWave({ startsOn: '2031-03-01', endsOn: '2031-03-31', facilities: [{ facilityId: w.A }] });
    });

    it('lets two admins save overlapping waves at once and keeps exactly one', async () => {
      const tries = await Promise.all(Array.from({ length: 6 }, (_, i) => call(w.app, w.admin.session, 'POST', '/staff/waves', {
        body: w.newWave({ name: `Race ${i}`, startsOn: '2032-01-01', endsOn: '2032-01-31', facilities: i % 2 ? [{ facilityId: w.A }, { facilityId: w.B }] : [{ facilityId: w.B }, { facilityId: w.A }] }),
      })));
      expect(tries.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    });

    it('renames, rewords, moves the end (checked for overlap) and cancels; a cancelled wave no longer changes', async () => {
      const wave = await w.createWave({ startsOn: '2033-01-01', endsOn: '2033-01-31', facilities: [{ facilityId: w.A }] });
      await w.createWave({ startsOn: '2033-03-01', endsOn: '2033-03-31', facilities: [{ facilityId: w.A }] });
      const patch = (body: unknown) => call(w.app, w.admin.session, 'PATCH', `/staff/waves/${wave.id}`, { body });
      const renamed = await patch({ name: 'Winter 2033', eligibility: 'Everyone staying a month or more', endsOn: '2033-02-28' });
      expect(renamed.status).toBe(200);
      expect(((await renamed.json()) as { wave: WaveView }).wave).toMatchObject({ name: 'Winter 2033', eligibility: 'Everyone staying a month or more', endsOn: '2033-02-28', status: 'planned' });
      expect(await errorCode(await patch({ endsOn: '2033-03-01' }))).toBe('wave_overlap');
      expect(await errorCode(await patch({ endsOn: '2032-12-31' }))).toBe('invalid_dates');
      expect(await errorCode(await patch({ cancel: false }))).toBe('invalid_request');
      expect((await patch({ cancel: true })).status).toBe(200);
      const again = await patch({ name: 'Revived' });
      expect(`${again.status} ${await errorCode(again)}`).toBe('409 wave_closed');
      expect(`${(await call(w.app, w.admin.session, 'PATCH', '/staff/waves/nope', { body: { name: 'x' } })).status}`).toBe('404');
    });

    it('says planned, running, ended per each facility\'s local day: a wave starting today in Tokyo already runs there', async () => {
      const wave = await w.createWave({ startsOn: '2034-06-02', endsOn: '2034-06-02', facilities: [{ facilityId: w.B }] });
      // The session would not last until 2034: the list is read at those moments directly.
      const statusAt = async (iso: string) => (await listWaves(w.db, { organisationId: w.organisationId, waveIds: [wave.id] }, new Date(iso)))[0]!.status;
      // 2034-06-01 20:00 UTC is already 06-02 05:00 in Tokyo.
      expect([await statusAt('2034-06-01T14:00:00Z'), await statusAt('2034-06-01T20:00:00Z'), await statusAt('2034-06-02T14:59:00Z'), await statusAt('2034-06-02T15:00:00Z')])
        .toEqual(['planned', 'running', 'running', 'ended']);
    });

    it('lets admins and analysts see every wave, managers the waves of their facilities showing only those, and nobody else', async () => {
      const wave = await w.createWave({ startsOn: '2035-01-01', endsOn: '2035-01-31' });
      const analyst = await w.member('analyst');
      const managerA = await w.member('manager', [w.A]);
      const managerOther = await w.member('manager', [w.elsewhere], w.otherOrganisationId);
      expect((await w.listWaves(analyst)).find((x) => x.id === wave.id)?.facilities.map((f) => f.facilityId)).toEqual([w.A, w.B]);
      expect((await w.listWaves(managerA)).find((x) => x.id === wave.id)?.facilities.map((f) => f.facilityId)).toEqual([w.A]);
      const onlyB = await w.createWave({ startsOn: '2035-02-01', endsOn: '2035-02-28', facilities: [{ facilityId: w.B }] });
      expect((await w.listWaves(managerA)).map((x) => x.id)).not.toContain(onlyB.id);
      expect(await w.listWaves(managerOther)).toEqual([]);
      for (const role of ['designer', 'inspector', 'mediator'] as const) {
        const member = await w.member(role, [w.A]);
        expect((await call(w.app, member.session, 'GET', '/staff/waves')).status, role).toBe(403);
      }
      for (const member of [analyst, managerA]) {
        const response = await call(w.app, member.session, 'POST', '/staff/waves', { body: w.newWave({ startsOn: '2036-01-01', endsOn: '2036-01-31' }) });
        expect(response.status).toBe(403);
        expect((await call(w.app, member.session, 'PATCH', `/staff/waves/${wave.id}`, { body: { name: 'x' } })).status).toBe(403);
      }
      expect((await call(w.app, undefined, 'GET', '/staff/waves')).status).toBe(401);
      expect((await call(w.app, w.admin.session, 'POST', '/staff/waves', { body: w.newWave(), csrf: false })).status).toBe(403);
    });

    it('records the eligible residents counted by an admin or the facility\'s manager, and computes the participation base from them', async () => {
      const wave = await w.createWave({ startsOn: '2037-01-01', endsOn: '2037-01-31' });
      const managerA = await w.member('manager', [w.A]);
      const put = (who: typeof managerA, facilityId: string, eligibleResidents: unknown) => call(w.app, who.session, 'PUT', `/staff/waves/${wave.id}/facilities/${facilityId}`, { body: { eligibleResidents } });
      const set = await put(managerA, w.A, 52);
      expect(set.status).toBe(200);
      expect(((await set.json()) as { wave: WaveView }).wave.facilities).toEqual([expect.objectContaining({ facilityId: w.A, eligibleResidents: 52 })]);
      expect((await put(managerA, w.B, 10)).status).toBe(404);
      expect((await put(w.admin, w.B, null)).status).toBe(200);
      expect((await put(w.admin, w.elsewhere, 3)).status).toBe(404);
      expect((await put(w.admin, w.A, -1)).status).toBe(400);
      expect((await put(w.admin, w.A, 1.5)).status).toBe(400);
      expect((await call(w.app, (await w.member('analyst')).session, 'PUT', `/staff/waves/${wave.id}/facilities/${w.A}`, { body: { eligibleResidents: 1 } })).status).toBe(403);
      const other = await w.createWave({ startsOn: '2037-03-01', endsOn: '2037-03-31', facilities: [{ facilityId: w.B }] });
      expect(await errorCode(await call(w.app, w.admin.session, 'PUT', `/staff/waves/${other.id}/facilities/${w.A}`, { body: { eligibleResidents: 5 } }))).toBe('unknown_facility');
    });

    it('lists the residents\' surveys and versions a wave can run, never the inspectors\' one', async () => {
      const response = await call(w.app, w.admin.session, 'GET', '/staff/waves/surveys');
      const { surveys } = (await response.json()) as { surveys: Array<{ id: string; versions: Array<{ version: number; languages: string[] }> }> };
      expect(surveys.map((s) => s.id)).toEqual(['mini']);
      expect(surveys[0]!.versions.map((v) => [v.version, v.languages])).toEqual([[2, ['en', 'ar']], [1, ['en', 'ar']]]);
      expect((await call(w.app, (await w.member('manager', [w.A])).session, 'GET', '/staff/waves/surveys')).status).toBe(403);
    });
  });
}
