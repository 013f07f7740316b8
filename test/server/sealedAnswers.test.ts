import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../src/server/db/createDatabase.ts';
import { createEnrollmentCode } from '../../src/server/queries/enrollments.ts';
import { createFacility, createOrganisation } from '../../src/server/queries/organisations.ts';
import { rotateOrganisationKey } from '../../src/server/queries/organisationKeys.ts';
import { publishSurveyVersion } from '../../src/server/queries/surveyVersions.ts';
import type { Answers } from '../../src/survey/answers.ts';
import { makeUuidV7 } from '../../src/survey/makeUuidV7.ts';
import { makeResponseSealer, type SealedAnswers, type SealingKey } from '../../src/survey/sealing.ts';
import { signedResponse } from './support/signedResponse.ts';
import { testDatabaseKinds } from './support/testDatabases.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));

/** Seals answers the way the kiosk does: one sealed event per tap. */
async function seal(responseId: string, key: SealingKey, taps: Array<[string, unknown]>): Promise<SealedAnswers> {
  const sealer = await makeResponseSealer(responseId, key);
  const events = [];
  for (const [seq, [questionId, value]] of taps.entries()) events.push({ seq, ...(await sealer.sealEvent({ questionId, value, at: new Date().toISOString() })) });
  return { key: sealer.key, events };
}

for (const kind of testDatabaseKinds()) {
  describe(`sealed answers on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: ReturnType<typeof createApp>;
    let organisationId: string;
    let device: { enrollmentId: string; token: string; secret: string };

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      app = createApp({ staticRoot: 'dist', db: database.db });
      organisationId = (await createOrganisation(database.db, { name: 'Org' })).id;
      const facilityId = (await createFacility(database.db, { organisationId, name: 'C', timeZone: 'Europe/Brussels' })).id;
      await publishSurveyVersion(database.db, { organisationId, definition: mini });
      const { code } = await createEnrollmentCode(database.db, { facilityId });
      device = await (await app.request('/api/v1/devices/enroll', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'T' }) })).json();
    });
    afterAll(() => dispose?.());

    const bundleKey = async (): Promise<SealingKey> =>
      (await (await app.request('/api/v1/device/bundle', { headers: { authorization: `Bearer ${device.token}` } })).json()).sealing;

    const send = async (responses: unknown[]) =>
      (await (await app.request('/api/v1/sync', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` }, body: JSON.stringify({ responses }) })).json()).results;

    async function sealedResponse(key: SealingKey, taps: Array<[string, unknown]>, tamper?: (s: SealedAnswers) => SealedAnswers) {
      const id = makeUuidV7();
      const sealed = await seal(id, key, taps);
      return signedResponse(device, { id, surveyId: 'mini', surveyVersion: 1, answers: null, sealed: tamper ? tamper(sealed) : sealed } as never);
    }

    const storedAnswers = async (id: string): Promise<Answers> =>
      JSON.parse((await database.db.selectFrom('responses').select('answers').where('id', '=', id).executeTakeFirstOrThrow()).answers);

    it('gives tablets the public key, and opens what they sealed to it into the answers tapped', async () => {
      const key = await bundleKey();
      expect(key.publicKey).toMatchObject({ kty: 'EC', crv: 'P-256' });
      expect(JSON.stringify(key)).not.toMatch(/"d"/);
      const response = await sealedResponse(key, [['room.satisfied', false], ['room.reasons', ['noise']], ['room.satisfied', true], ['room.reasons', null], ['room.score', 6]]);
      expect(JSON.stringify(response)).not.toContain('noise');
      expect(await send([response])).toEqual([{ id: response.id, status: 'accepted' }]);
      expect(await storedAnswers(response.id)).toEqual({ 'room.satisfied': true, 'room.score': 6 });
    });

    it('rejects tampered ciphertext, an event moved from another response, and an unknown key, and keeps the rest', async () => {
      const key = await bundleKey();
      const flip = (text: string) => (text[5] === 'A' ? `${text.slice(0, 5)}B${text.slice(6)}` : `${text.slice(0, 5)}A${text.slice(6)}`);
      const tampered = await sealedResponse(key, [['room.satisfied', true], ['room.score', 3]], (s) => ({ ...s, events: [s.events[0]!, { ...s.events[1]!, ct: flip(s.events[1]!.ct) }] }));
      const other = await seal(makeUuidV7(), key, [['room.score', 10]]);
      const moved = await sealedResponse(key, [['room.satisfied', true]], (s) => ({ ...s, events: [...s.events, { ...other.events[0]!, seq: 1 }] }));
      const unknown = await sealedResponse(key, [['room.satisfied', true]], (s) => ({ ...s, key: { ...s.key, keyId: 'no-such-key' } }));
      const good = await sealedResponse(key, [['room.satisfied', true], ['room.score', 1]]);
      const results = await send([tampered, moved, unknown, good]);
      expect(results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status)).toEqual(['bad_seal', 'bad_seal', 'unknown_key', 'accepted']);
    });

    it('still opens responses sealed under a key that was rotated since', async () => {
      const oldKey = await bundleKey();
      const sealedEarlier = await sealedResponse(oldKey, [['room.satisfied', true], ['room.score', 9]]);
      await rotateOrganisationKey(database.db, organisationId);
      const newKey = await bundleKey();
      expect(newKey.keyId).not.toBe(oldKey.keyId);
      const sealedLater = await sealedResponse(newKey, [['room.satisfied', true], ['room.score', 2]]);
      expect((await send([sealedEarlier, sealedLater])).map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted']);
      expect(await storedAnswers(sealedEarlier.id)).toEqual({ 'room.satisfied': true, 'room.score': 9 });
    });
  });
}
