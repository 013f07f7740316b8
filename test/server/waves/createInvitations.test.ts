import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../../src/server/hashToken.ts';
import { createInvitations } from '../../../src/server/waves/createInvitations.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { readFileSync } from 'node:fs';
import { formatInvitationCode, parseInvitationCode } from '../../../src/survey/invitations/invitationCode.ts';
import { call, errorCode } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { waveWorld, type WaveWorld } from './support/waveWorld.ts';

for (const kind of testDatabaseKinds()) {
  // Several sign-ins (scrypt) per test: slow on a busy machine.
  describe(`invitation codes of a wave on ${kind.name}`, { timeout: 30_000 }, () => {
    let dispose: () => Promise<void>;
    let w: WaveWorld;
    const clock = new Date('2026-12-01T12:00:00Z');
    beforeAll(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      w = await waveWorld(opened.handle.db, () => clock);
    });
    afterAll(() => dispose?.());

    it('gives a facility\'s manager fresh valid codes once, and keeps only their hashes: no table holds a code in any form', async () => {
      const wave = await w.createWave({ startsOn: '2026-12-01', endsOn: '2027-02-28' });
      const manager = await w.member('manager', [w.A]);
      const printed = await w.printInvitations(wave.id, w.A, 120, manager);
      expect(printed.codes).toHaveLength(120);
      expect(new Set(printed.codes).size).toBe(120);
      expect(printed.codes.every((code) => { const read = parseInvitationCode(code); return read.ok && read.code === code; })).toBe(true);
      expect(printed.languages).toEqual(['en', 'ar']);

      const stored = await w.db.selectFrom('invitation_codes').selectAll().where('batch_id', '=', printed.batchId).execute();
      expect(stored.map((row) => row.code_hash).sort()).toEqual(printed.codes.map(hashToken).sort());
      expect(stored.every((row) => row.used_on === null && row.facility_id === w.A && row.wave_id === wave.id)).toBe(true);

      const forms = printed.codes.flatMap((code) => [code, formatInvitationCode(code), code.toLowerCase()]);
      const tables = (await w.db.introspection.getTables()).map((t) => t.name).filter((name) => !name.startsWith('kysely_'));
      expect(tables).toContain('invitation_codes');
      for (const table of tables) {
        const rows = await w.db.selectFrom(table as 'waves').selectAll().execute();
        const text = JSON.stringify(rows);
        expect(forms.filter((form) => text.includes(form)), table).toEqual([]);
      }
    });

    it('refuses codes for a survey that needs a mediator (the children\'s): a code is answered alone on a phone', async () => {
      const children = JSON.parse(readFileSync('public/surveys/children-satisfaction.json', 'utf8'));
      const published = await publishSurveyVersion(w.db, { organisationId: w.organisationId, definition: children });
      const wave = await w.createWave({ surveyId: published.id, surveyVersion: published.version, startsOn: '2028-01-01', endsOn: '2028-01-31' });
      const refused = await createInvitations(w.db, { organisationId: w.organisationId, waveId: wave.id, facilityId: w.A, count: 3, createdBy: 'test' }, clock);
      expect(refused).toMatchObject({ ok: false, status: 409, code: 'needs_mediator' });
      expect(await w.db.selectFrom('invitation_codes').select('code_hash').where('wave_id', '=', wave.id).execute()).toEqual([]);
    });

    it('counts printed and used codes per facility in the wave list', async () => {
      const wave = await w.createWave({ startsOn: '2027-03-01', endsOn: '2027-05-31' });
      const first = await w.printInvitations(wave.id, w.A, 10);
      await w.printInvitations(wave.id, w.A, 5);
      await w.printInvitations(wave.id, w.B, 3);
      await w.db.updateTable('invitation_codes').set({ used_on: '2027-03-02' }).where('code_hash', 'in', first.codes.slice(0, 4).map(hashToken)).execute();
      const listed = (await w.listWaves()).find((x) => x.id === wave.id)!;
      expect(listed.facilities.map((f) => [f.facilityId, f.invitationsPrinted, f.invitationsUsed])).toEqual([[w.A, 15, 4], [w.B, 3, 0]]);
    });

    it('refuses a count outside 1 to 500, a facility outside the wave or the manager\'s, and roles that do not hand out slips', async () => {
      const wave = await w.createWave({ startsOn: '2027-06-01', endsOn: '2027-06-30', facilities: [{ facilityId: w.A }] });
      const managerB = await w.member('manager', [w.B]);
      const analyst = await w.member('analyst');
      const post = (who: { session: typeof w.admin.session }, facilityId: string, count: unknown, waveId = wave.id) => call(w.app, who.session, 'POST', `/staff/waves/${waveId}/facilities/${facilityId}/invitations`, { body: { count } });
      const outcomes: string[] = [];
      for (const response of [
        await post(w.admin, w.A, 0), await post(w.admin, w.A, 501), await post(w.admin, w.A, 2.5),
        await post(w.admin, w.B, 1), await post(managerB, w.A, 1), await post(w.admin, w.elsewhere, 1),
        await post(w.admin, w.A, 1, 'no-such-wave'), await post(analyst, w.A, 1),
      ]) outcomes.push(`${response.status} ${await errorCode(response)}`);
      expect(outcomes).toEqual([
        '400 invalid_request', '400 invalid_request', '400 invalid_request',
        '404 unknown_facility', '404 unknown_facility', '404 unknown_facility', '404 unknown_wave', '403 forbidden',
      ]);
      expect(await w.db.selectFrom('invitation_batches').select('id').where('wave_id', '=', wave.id).execute()).toEqual([]);
    });

    it('refuses codes for a wave that has ended in the facility\'s time zone or was cancelled (409 wave_closed), not for a planned one', async () => {
      const ended = await w.createWave({ startsOn: '2026-09-01', endsOn: '2026-09-30', facilities: [{ facilityId: w.A }] });
      const response = await call(w.app, w.admin.session, 'POST', `/staff/waves/${ended.id}/facilities/${w.A}/invitations`, { body: { count: 2 } });
      expect(`${response.status} ${await errorCode(response)}`).toBe('409 wave_closed');
      const planned = await w.createWave({ startsOn: '2027-09-01', endsOn: '2027-09-30', facilities: [{ facilityId: w.A }] });
      await w.printInvitations(planned.id, w.A, 2);
      await call(w.app, w.admin.session, 'PATCH', `/staff/waves/${planned.id}`, { body: { cancel: true } });
      const cancelled = await call(w.app, w.admin.session, 'POST', `/staff/waves/${planned.id}/facilities/${w.A}/invitations`, { body: { count: 2 } });
      expect(`${cancelled.status} ${await errorCode(cancelled)}`).toBe('409 wave_closed');
      // The last day in Tokyo is over while it is still that day in Brussels.
      const tokyo = await w.createWave({ startsOn: '2026-11-01', endsOn: '2026-11-30', facilities: [{ facilityId: w.A }, { facilityId: w.B }], surveyVersion: 2, name: 'Tokyo' });
      const late = new Date('2026-11-30T16:00:00Z');
      expect(await createInvitations(w.db, { organisationId: w.organisationId, waveId: tokyo.id, facilityId: w.B, count: 1, createdBy: w.admin.id }, late)).toMatchObject({ ok: false, code: 'wave_closed' });
      expect(await createInvitations(w.db, { organisationId: w.organisationId, waveId: tokyo.id, facilityId: w.A, count: 1, createdBy: w.admin.id }, late)).toMatchObject({ ok: true });
    });
  });
}
