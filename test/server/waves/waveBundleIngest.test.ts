import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceBundle } from '../../../src/server/queries/deviceBundle.ts';
import { ingestBatch } from '../../../src/server/queries/ingestBatch.ts';
import { createWave } from '../../../src/server/waves/createWave.ts';
import { enrollTablet, tabletResponse, type Tablet } from '../reports/support/reportFixture.ts';
import { call } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { ANSWERS, waveWorld, type WaveWorld } from './support/waveWorld.ts';

type Bundle = { surveys: Array<{ id: string; version: number }>; waves: Array<{ id: string; surveyId: string; surveyVersion: number; startsOn: string; endsOn: string }> };

for (const kind of testDatabaseKinds()) {
  // Several sign-ins (scrypt) per test: slow on a busy machine.
  describe(`waves on tablets on ${kind.name}`, { timeout: 30_000 }, () => {
    let dispose: () => Promise<void>;
    let w: WaveWorld;
    let tabletA: Tablet;
    let tabletB: Tablet;
    const clock = new Date('2027-01-10T12:00:00Z');
    let waveId: string;
    beforeAll(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      w = await waveWorld(opened.handle.db, () => clock);
      tabletA = await enrollTablet(w.db, w.A);
      tabletB = await enrollTablet(w.db, w.B);
      // Version 1 runs in A from January to March, while version 2 is the current one.
      const made = await createWave(w.db, {
        organisationId: w.organisationId, name: 'Q1', surveyId: 'mini', surveyVersion: 1, startsOn: '2027-01-01', endsOn: '2027-03-31',
        eligibility: 'Residents staying two months or more', facilities: [{ facilityId: w.A, eligibleResidents: 8 }], createdBy: w.admin.id,
      });
      if (!made.ok) throw new Error(made.message);
      waveId = made.waveId;
    });
    afterAll(() => dispose?.());

    const bundleOf = async (tablet: Tablet, at: Date) => JSON.parse((await deviceBundle(w.db, tablet.device, at)).json) as Bundle;

    it('gives a wave facility\'s tablet the wave\'s version while the wave runs, and the current one before and after', async () => {
      const during = await bundleOf(tabletA, new Date('2027-01-10T12:00:00Z'));
      expect(during.surveys.map((s) => [s.id, s.version])).toEqual([['mini', 1]]);
      expect(during.waves).toEqual([{ id: waveId, surveyId: 'mini', surveyVersion: 1, startsOn: '2027-01-01', endsOn: '2027-03-31' }]);
      // 2026-12-31 23:30 UTC is already January 1 in Brussels.
      expect((await bundleOf(tabletA, new Date('2026-12-31T23:30:00Z'))).surveys.map((s) => s.version)).toEqual([1]);
      for (const at of ['2026-12-31T22:30:00Z', '2027-03-31T22:30:00Z']) {
        const outside = await bundleOf(tabletA, new Date(at));
        expect([outside.surveys.map((s) => s.version), outside.waves], at).toEqual([[2], []]);
      }
      const elsewhere = await bundleOf(tabletB, new Date('2027-01-10T12:00:00Z'));
      expect([elsewhere.surveys.map((s) => s.version), elsewhere.waves]).toEqual([[2], []]);
    });

    it('changes the bundle\'s ETag when a wave starts, so a tablet asking "anything new?" gets it', async () => {
      const before = await deviceBundle(w.db, tabletA.device, new Date('2026-12-31T12:00:00Z'));
      const after = await deviceBundle(w.db, tabletA.device, new Date('2027-01-01T12:00:00Z'));
      expect(before.etag).not.toBe(after.etag);
    });

    it('puts a tablet response in the wave by facility, survey version and local day, whatever wave the tablet claims', async () => {
      const send = async (tablet: Tablet, at: string, surveyVersion: number, status: 'complete' | 'partial' = 'complete') => {
        const now = new Date(Date.parse(at) + 60_000);
        const item = await tabletResponse(tablet, 'mini', { answers: ANSWERS, at, surveyVersion, status }, now, { waveId: 'made-up' } as never);
        const [result] = await ingestBatch(w.db, { device: tablet.device, items: [item] }, now);
        expect(result?.status, JSON.stringify(result)).toBe('accepted');
        return (await w.db.selectFrom('responses').select('wave_id').where('id', '=', item.id).executeTakeFirstOrThrow()).wave_id;
      };
      expect(await send(tabletA, '2027-01-15T10:00:00Z', 1)).toBe(waveId);
      // January 1, 00:30 in Brussels: the first day of the wave.
      expect(await send(tabletA, '2026-12-31T23:30:00Z', 1)).toBe(waveId);
      expect(await send(tabletA, '2026-12-31T22:30:00Z', 1)).toBeNull();
      expect(await send(tabletA, '2027-01-15T10:00:00Z', 2)).toBeNull();
      expect(await send(tabletB, '2027-01-15T10:00:00Z', 1)).toBeNull();
      expect(await send(tabletA, '2027-01-16T10:00:00Z', 1, 'partial')).toBe(waveId);
    });

    it('counts complete responses of the wave per facility, from any source, against the eligible residents', async () => {
      // Three in the wave so far (two complete on tablet A, one partial): plus one answered by invitation.
      await w.db.insertInto('responses').values({
        id: '0190f000-0000-7000-8000-000000000001', organisation_id: w.organisationId, facility_id: w.A, enrollment_id: null, survey_id: 'mini', survey_version: 1,
        language: 'ar', status: 'complete', source: 'invitation', mode: 'self', started_at: '2027-01-20T10:00:00Z', completed_at: '2027-01-20T10:05:00Z',
        received_at: '2027-01-20T10:05:00Z', reported_at: '2027-01-20T10:05:00Z', clock_flagged: 0, answers: JSON.stringify(ANSWERS), assistance: null,
        content_hash: 'x', meta: null, sealed_key: null, wave_id: waveId,
      } as never).execute();
      const [wave] = (await w.listWaves()).filter((x) => x.id === waveId);
      expect(wave?.facilities).toEqual([{
        facilityId: w.A, name: 'Centre A', eligibleResidents: 8, invitationsPrinted: 0, invitationsUsed: 0, responses: 3, participationPercent: 37.5, slipLanguages: ['en', 'ar'],
      }]);
      await call(w.app, w.admin.session, 'PUT', `/staff/waves/${waveId}/facilities/${w.A}`, { body: { eligibleResidents: null } });
      expect((await w.listWaves()).find((x) => x.id === waveId)?.facilities[0]?.participationPercent).toBeNull();
    });
  });
}
