import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { hashToken } from '../../../src/server/hashToken.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { localDay } from '../../../src/server/rollupCells.ts';
import { formatInvitationCode, makeInvitationCode } from '../../../src/survey/invitations/invitationCode.ts';
import type { InvitationOffer } from '../../../src/survey/invitations/invitationResponse.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { invitationResponseFor } from './invitationResponseFor.ts';
import { seedInvitationWave } from './seedInvitationWave.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));
const goodAnswers = { 'room.satisfied': false, 'room.reasons': ['noise', 'cold'], 'room.score': 3, overall: 4, comment: 'Too loud at night' };
const ZONE = 'Europe/Brussels';
const dayPlus = (days: number) => localDay(new Date(Date.now() + days * 86_400_000).toISOString(), ZONE);

for (const kind of testDatabaseKinds()) {
  describe(`answering by invitation on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    let organisationId: string;
    let facilityId: string;
    let wave: { waveId: string; codes: string[] };

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      app = createApp({ staticRoot: 'dist', db: database.db });
      organisationId = (await createOrganisation(database.db, { name: 'Fedasil test' })).id;
      facilityId = (await createFacility(database.db, { organisationId, name: 'Centre Petit-Château', timeZone: ZONE })).id;
      await database.db.updateTable('facilities').set({ languages: JSON.stringify(['ar', 'ti', 'fr']) }).where('id', '=', facilityId).execute();
      await publishSurveyVersion(database.db, { organisationId, definition: mini });
      wave = await seedInvitationWave(database.db, { organisationId, facilityId, surveyId: 'mini', surveyVersion: 1, startsOn: dayPlus(-10), endsOn: dayPlus(10), count: 12 });
    });
    afterAll(() => dispose?.());

    const get = (code: string) => app.request(`/api/v1/invitations/${encodeURIComponent(code)}`);
    const post = (code: string, body: unknown, target: Hono = app) =>
      target.request(`/api/v1/invitations/${encodeURIComponent(code)}/response`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const offer = async (code: string) => (await (await get(code)).json()) as InvitationOffer;
    const usedOn = async (code: string) => (await database.db.selectFrom('invitation_codes').select('used_on').where('code_hash', '=', hashToken(code)).executeTakeFirstOrThrow()).used_on;

    it("gives the wave's survey version, the facility's languages it has, the sealing key and the last day, and nothing that says where", async () => {
      const response = await get(wave.codes[0]!);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const text = await response.text();
      const body = JSON.parse(text) as InvitationOffer;
      expect([body.survey.id, body.survey.version]).toEqual(['mini', 1]);
      expect(body.languages).toEqual(['ar']);
      expect(body.sealing).toMatchObject({ keyId: expect.any(String), publicKey: { kty: 'EC', crv: 'P-256' } });
      expect(body.closesOn).toBe(dayPlus(10));
      expect(text).not.toContain('Petit-Château');
      expect(text).not.toContain('Quarter test wave');
      expect(text).not.toContain(facilityId);
      expect(text).not.toContain(wave.waveId);
    });

    it('reads a code as printed or typed: dashes, spaces, small letters and O for 0 do not matter', async () => {
      const code = wave.codes[1]!;
      expect((await get(formatInvitationCode(code).toLowerCase())).status).toBe(200);
      expect((await get(formatInvitationCode(code).replace(/-/g, ' '))).status).toBe(200);
      expect((await get(code.replace(/0/g, 'O'))).status).toBe(200);
    });

    it('says a mistyped code is not a code (400) and a forged one, with a valid check symbol, was never issued (404)', async () => {
      const code = wave.codes[2]!;
      const last = code.at(-1)!;
      const mistyped = code.slice(0, -1) + (last === 'A' ? 'B' : 'A');
      const typo = await get(mistyped);
      expect([typo.status, (await typo.json()).error.code]).toEqual([400, 'invalid_code']);
      const forged = await get(makeInvitationCode());
      expect([forged.status, (await forged.json()).error.code]).toEqual([404, 'unknown_code']);
      const forgedPost = await post(makeInvitationCode(), { response: await invitationResponseFor(goodAnswers) });
      expect([forgedPost.status, (await forgedPost.json()).error.code]).toEqual([404, 'unknown_code']);
    });

    it('accepts one sealed response for a code: source invitation, wave and facility of the code, no enrollment, the code spent on the local day', async () => {
      const code = wave.codes[3]!;
      const { sealing } = await offer(code);
      const sent = await invitationResponseFor(goodAnswers, { sealing });
      const result = await post(code, { response: sent });
      expect([result.status, await result.json()]).toEqual([200, { status: 'accepted' }]);
      const row = await database.db.selectFrom('responses').selectAll().where('id', '=', sent.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ source: 'invitation', mode: 'self', status: 'complete', wave_id: wave.waveId, facility_id: facilityId, organisation_id: organisationId, enrollment_id: null, language: 'ar' });
      expect(JSON.parse(row.answers)).toEqual(goodAnswers);
      expect(row.sealed_key).not.toBeNull();
      expect(await usedOn(code)).toBe(dayPlus(0));

      const again = await get(code);
      expect([again.status, (await again.json()).error.code]).toEqual([410, 'code_used']);
      const retry = await post(code, { response: sent });
      expect([retry.status, await retry.json()]).toEqual([200, { status: 'duplicate' }]);
      const other = await post(code, { response: await invitationResponseFor(goodAnswers, { sealing }) });
      expect([other.status, (await other.json()).error.code]).toEqual([409, 'code_used']);
    });

    it('refuses answers that break the definition (422) and leaves the code unused', async () => {
      const code = wave.codes[4]!;
      const { 'room.score': _dropped, ...missingRequired } = goodAnswers;
      const result = await post(code, { response: await invitationResponseFor(missingRequired) });
      expect([result.status, (await result.json()).error.code]).toEqual([422, 'answers_invalid']);
      const otherVersion = await post(code, { response: await invitationResponseFor(goodAnswers, { surveyVersion: 2 }) });
      expect([otherVersion.status, (await otherVersion.json()).error.code]).toEqual([422, 'answers_invalid']);
      expect(await usedOn(code)).toBeNull();
      expect((await get(code)).status).toBe(200);
    });

    it('refuses what is not a finished, self-answered invitation response (400), or carries both sealed and plain answers (422)', async () => {
      const code = wave.codes[5]!;
      const good = await invitationResponseFor(goodAnswers);
      for (const bad of [{ ...good, status: 'partial' }, { ...good, source: 'tablet' }, { ...good, enrollmentId: 'e1' }, { ...good, id: 'nope' }, { ...good, mode: 'assisted' }]) {
        const result = await post(code, { response: bad });
        expect([result.status, (await result.json()).error.code]).toEqual([400, 'invalid_response']);
      }
      expect((await post(code, good.answers)).status).toBe(400);
      const { sealing } = await offer(code);
      const sealed = await invitationResponseFor(goodAnswers, { sealing, id: good.id });
      const both = await post(code, { response: { ...sealed, answers: goodAnswers } });
      expect([both.status, (await both.json()).error.code]).toEqual([422, 'answers_invalid']);
      const tampered = { ...sealed, sealed: { ...sealed.sealed!, final: { ...sealed.sealed!.final!, ct: sealed.sealed!.final!.ct.slice(0, -2) + (sealed.sealed!.final!.ct.endsWith('AA') ? 'BB' : 'AA') } } };
      const broken = await post(code, { response: tampered });
      expect([broken.status, (await broken.json()).error.code]).toEqual([422, 'answers_invalid']);
      expect(await usedOn(code)).toBeNull();
    });

    it('says a wave not running today is closed (410), before it opens, after it ends and once cancelled, and spends no code', async () => {
      // Each in a facility of its own: waves of one survey may not overlap in a facility.
      const elsewhere = async () => (await createFacility(database.db, { organisationId, name: 'Centre B', timeZone: ZONE })).id;
      const planned = await seedInvitationWave(database.db, { organisationId, facilityId: await elsewhere(), surveyId: 'mini', surveyVersion: 1, startsOn: dayPlus(5), endsOn: dayPlus(30), count: 1 });
      const ended = await seedInvitationWave(database.db, { organisationId, facilityId: await elsewhere(), surveyId: 'mini', surveyVersion: 1, startsOn: dayPlus(-30), endsOn: dayPlus(-1), count: 1 });
      const cancelled = await seedInvitationWave(database.db, { organisationId, facilityId: await elsewhere(), surveyId: 'mini', surveyVersion: 1, startsOn: dayPlus(-3), endsOn: dayPlus(3), count: 1, cancelled: true });
      for (const closed of [planned, ended, cancelled]) {
        const code = closed.codes[0]!;
        const read = await get(code);
        expect([read.status, (await read.json()).error.code]).toEqual([410, 'wave_closed']);
        const sent = await post(code, { response: await invitationResponseFor(goodAnswers) });
        expect([sent.status, (await sent.json()).error.code]).toEqual([410, 'wave_closed']);
        expect(await usedOn(code)).toBeNull();
      }
    });

    it('still answers duplicate to a retry of an accepted response after the wave has ended', async () => {
      const code = wave.codes[6]!;
      const sent = await invitationResponseFor(goodAnswers);
      expect((await post(code, { response: sent })).status).toBe(200);
      const later = createApp({ staticRoot: 'dist', db: database.db, device: { now: () => new Date(Date.now() + 40 * 86_400_000) } });
      const retry = await post(code, { response: sent }, later);
      expect([retry.status, await retry.json()]).toEqual([200, { status: 'duplicate' }]);
    });

    it('keeps no plain code anywhere in the database', async () => {
      const tables = ['invitation_codes', 'invitation_batches', 'waves', 'wave_facilities', 'responses', 'quarantine', 'rollup_counts', 'report_cells'] as const;
      const dump = JSON.stringify(await Promise.all(tables.map((table) => database.db.selectFrom(table).selectAll().execute())));
      for (const code of wave.codes) {
        expect(dump).not.toContain(code);
        expect(dump).not.toContain(formatInvitationCode(code));
      }
    });
  });
}

describe('invitation rate limits', () => {
  it('shuts out an address that sends many codes never issued, for a minute', async () => {
    const [kind] = testDatabaseKinds();
    const { handle, dispose } = await kind!.open();
    try {
      let clock = Date.now();
      const app = createApp({ staticRoot: 'dist', db: handle.db, device: { now: () => new Date(clock) } });
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++) statuses.push((await app.request(`/api/v1/invitations/${makeInvitationCode()}`)).status);
      expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
      expect(statuses.slice(30)).toEqual([429, 429]);
      clock += 61_000;
      expect((await app.request(`/api/v1/invitations/${makeInvitationCode()}`)).status).toBe(404);
    } finally {
      await dispose();
    }
  });
});
