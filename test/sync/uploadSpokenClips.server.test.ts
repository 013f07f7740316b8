import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeviceStore } from '../../src/device/deviceStore.ts';
import { getSpokenClip, saveSpokenClip } from '../../src/device/spokenClips.ts';
import { createApp } from '../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../src/server/db/createDatabase.ts';
import { createEnrollmentCode } from '../../src/server/queries/enrollments.ts';
import { createFacility, createOrganisation } from '../../src/server/queries/organisations.ts';
import { currentSealingKey } from '../../src/server/queries/organisationKeys.ts';
import { publishSurveyVersion } from '../../src/server/queries/surveyVersions.ts';
import { makeUuidV7 } from '../../src/survey/makeUuidV7.ts';
import { makeResponseSealer, spokenAad } from '../../src/survey/sealing.ts';
import { makeDeviceApi, type Enrollment } from '../../src/sync/deviceApi.ts';
import { makeRescueFile } from '../../src/sync/rescueFile.ts';
import { syncOutbox } from '../../src/sync/syncOutbox.ts';
import { uploadSpokenClips } from '../../src/sync/uploadSpokenClips.ts';
import { makeTestDatabase } from '../device/makeTestDatabase.ts';
import { testDatabaseKinds } from '../server/support/testDatabases.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8')) as { items: unknown[] };
mini.items.push({ kind: 'spoken', id: 'closing.spoken', pictogram: 'microphone', maxSeconds: 60, text: { en: 'Anything else?', ar: 'شيء آخر؟' } });

/** The smallest thing the server's sniffer takes for WebM: the EBML header, then some "sound". */
const WEBM = (() => {
  const bytes = new Uint8Array(3000);
  bytes.set([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d]);
  for (let i = 16; i < bytes.length; i++) bytes[i] = (i * 7) % 256;
  return bytes;
})();

describe('spoken comments from a tablet to the real server routes', () => {
  let server: DatabaseHandle;
  let dispose: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let organisationId: string;
  let facilityId: string;
  beforeAll(async () => {
    ({ handle: server, dispose } = await testDatabaseKinds()[0]!.open());
    app = createApp({ staticRoot: 'dist', db: server.db });
    organisationId = (await createOrganisation(server.db, { name: 'Org' })).id;
    facilityId = (await createFacility(server.db, { organisationId, name: 'C', timeZone: 'Europe/Brussels' })).id;
    await publishSurveyVersion(server.db, { organisationId, definition: mini });
  });
  afterAll(() => dispose?.());

  const api = makeDeviceApi('http://sayso.test', async (input, init) => app.request(String(input), init));

  async function tabletWithSpokenComment() {
    const { code } = await createEnrollmentCode(server.db, { facilityId });
    const enrolled = await api.enroll(code, 'Tablet');
    if (!enrolled.ok) throw new Error('enroll failed');
    const enrollment = enrolled.value as Enrollment;
    const store = makeDeviceStore(makeTestDatabase());
    const key = await currentSealingKey(server.db, organisationId);
    const ref = { responseId: makeUuidV7(), surveyId: 'mini', surveyVersion: 1, language: 'en' };
    const sealer = await makeResponseSealer(ref.responseId, key);
    const clipId = crypto.randomUUID();
    const sealed = await sealer.sealBytes(WEBM.slice().buffer, spokenAad(ref.responseId, 'closing.spoken'));
    await saveSpokenClip(store, { responseId: ref.responseId, questionId: 'closing.spoken', clipId, mime: 'audio/webm;codecs=opus', iv: sealed.iv, ct: sealed.ct, durationMs: 2000 });
    await store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: true }, { questionId: 'room.score', value: 8 }, { questionId: 'closing.spoken', value: clipId }], new Date(), sealer);
    await store.completeResponse(ref.responseId, new Date(), await sealer.sealFinal({ 'room.satisfied': true, 'room.score': 8, 'closing.spoken': clipId }));
    return { store, enrollment, ref, clipId, sealed };
  }

  it('waits for its response, then is stored once and its bytes leave the tablet; a resend is a duplicate', async () => {
    const { store, enrollment, ref, sealed } = await tabletWithSpokenComment();
    // Not acknowledged yet: nothing is sent.
    expect(await uploadSpokenClips(store, api, enrollment.token, () => new Date())).toEqual({ uploaded: 0, failed: 0 });
    expect(await syncOutbox({ store, api, enrollment, sealingKey: await currentSealingKey(server.db, organisationId) })).toMatchObject({ ok: true, accepted: 1 });
    expect(await uploadSpokenClips(store, api, enrollment.token, () => new Date())).toEqual({ uploaded: 1, failed: 0 });
    expect((await getSpokenClip(store, ref.responseId, 'closing.spoken'))?.ct.byteLength).toBe(0);

    const rows = await server.db.selectFrom('spoken_comments').select(['response_id', 'byte_length', 'duration_ms']).where('response_id', '=', ref.responseId).execute();
    expect(rows).toEqual([{ response_id: ref.responseId, byte_length: sealed.ct.byteLength, duration_ms: 2000 }]);

    // The tablet lost the answer and sends again: the server says duplicate, still one comment.
    const again = await api.uploadSpoken(enrollment.token, { responseId: ref.responseId, questionId: 'closing.spoken', clipId: (await getSpokenClip(store, ref.responseId, 'closing.spoken'))!.clipId, mime: 'audio/webm;codecs=opus', iv: sealed.iv, durationMs: 2000, ct: sealed.ct });
    expect(again).toEqual({ ok: true, value: { status: 'duplicate' } });
  });

  it('answers response_not_synced to a clip sent before its response, and the tablet keeps it', async () => {
    const { enrollment, ref, clipId, sealed } = await tabletWithSpokenComment();
    const early = await api.uploadSpoken(enrollment.token, { responseId: ref.responseId, questionId: 'closing.spoken', clipId, mime: 'audio/webm', iv: sealed.iv, durationMs: 2000, ct: sealed.ct });
    expect(early).toMatchObject({ ok: false, failure: { status: 409, code: 'response_not_synced' } });
  });

  it('keeps the sound out of a rescue file', async () => {
    const { store, enrollment, sealed } = await tabletWithSpokenComment();
    const file = JSON.stringify(await makeRescueFile(store, enrollment));
    expect(file).not.toContain(sealed.iv);
    expect(file).not.toContain(Buffer.from(sealed.ct).toString('base64url').slice(0, 40));
    expect(file).not.toContain(Buffer.from(WEBM.subarray(0, 24)).toString('base64url').slice(0, 20));
  });
});
