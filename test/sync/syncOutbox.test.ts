import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeviceStore, type DeviceStore } from '../../src/device/deviceStore.ts';
import { createApp } from '../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../src/server/db/createDatabase.ts';
import { createEnrollmentCode } from '../../src/server/queries/enrollments.ts';
import { createFacility, createOrganisation } from '../../src/server/queries/organisations.ts';
import { publishSurveyVersion } from '../../src/server/queries/surveyVersions.ts';
import { makeDeviceApi, type Enrollment } from '../../src/sync/deviceApi.ts';
import { syncOutbox } from '../../src/sync/syncOutbox.ts';
import { makeUuidV7 } from '../../src/survey/makeUuidV7.ts';
import { makeTestDatabase } from '../device/makeTestDatabase.ts';
import { testDatabaseKinds } from '../server/support/testDatabases.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));
const sqlite = testDatabaseKinds()[0]!;

describe('syncing a tablet outbox to the server', () => {
  let server: DatabaseHandle;
  let dispose: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let facilityId: string;
  let bodyLimitBytes = 1024 * 1024;

  beforeAll(async () => {
    ({ handle: server, dispose } = await sqlite.open());
    const organisationId = (await createOrganisation(server.db, { name: 'Org' })).id;
    facilityId = (await createFacility(server.db, { organisationId, name: 'C', timeZone: 'Europe/Rome' })).id;
    await publishSurveyVersion(server.db, { organisationId, definition: mini });
  });
  afterAll(() => dispose?.());

  /** A fresh tablet, enrolled, with `count` completed responses in its outbox. */
  async function tablet(count: number, answers: Record<string, unknown> = { 'room.satisfied': true, 'room.score': 8 }) {
    app = createApp({ staticRoot: 'dist', db: server.db, device: { bodyLimitBytes } });
    const api = makeDeviceApi('http://sayso.test', async (input, init) => app.request(String(input), init));
    const { code } = await createEnrollmentCode(server.db, { facilityId });
    const enrolled = await api.enroll(code, 'Tablet');
    if (!enrolled.ok) throw new Error('enroll failed');
    const store = makeDeviceStore(makeTestDatabase());
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const ref = { responseId: makeUuidV7(), surveyId: 'mini', surveyVersion: 1, language: 'en' };
      await store.recordAnswers(ref, Object.entries(answers).map(([questionId, value]) => ({ questionId, value: value as never })));
      await store.completeResponse(ref.responseId);
      ids.push(ref.responseId);
    }
    return { store, api, enrollment: enrolled.value as Enrollment, ids };
  }

  const serverCount = async () => Number((await server.db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('empties the outbox only for what the server acknowledged, and sends each response once', async () => {
    const { store, api, enrollment, ids } = await tablet(5);
    const before = await serverCount();
    const outcome = await syncOutbox({ store, api, enrollment, batchSize: 2 });
    expect(outcome).toEqual({ ok: true, sent: 5, accepted: 5, duplicate: 0, rejected: 0 });
    expect(await serverCount()).toBe(before + 5);
    expect(await store.counts()).toMatchObject({ complete: 5, outbox: 0 });
    expect((await store.getResponse(ids[0]!))?.syncedAt).toBeTruthy();
  });

  it('keeps every item in the outbox when the network fails, and sends them later', async () => {
    const { store, enrollment, api } = await tablet(3);
    const offline = makeDeviceApi('http://sayso.test', async () => { throw new TypeError('Failed to fetch'); });
    const failed = await syncOutbox({ store, api: offline, enrollment });
    expect(failed).toMatchObject({ ok: false, retryable: true, failure: { kind: 'network' } });
    expect((await store.counts()).outbox).toBe(3);
    expect(await syncOutbox({ store, api, enrollment })).toMatchObject({ ok: true, accepted: 3 });
  });

  it('is told "duplicate" for a batch the server already has, after a lost acknowledgement', async () => {
    const { store, enrollment } = await tablet(2);
    const loseAnswer = makeDeviceApi('http://sayso.test', async (input, init) => {
      await app.request(String(input), init);
      throw new TypeError('connection reset');
    });
    expect((await syncOutbox({ store, api: loseAnswer, enrollment })).ok).toBe(false);
    const before = await serverCount();
    const api = makeDeviceApi('http://sayso.test', async (input, init) => app.request(String(input), init));
    expect(await syncOutbox({ store, api, enrollment })).toMatchObject({ ok: true, accepted: 0, duplicate: 2 });
    expect(await serverCount()).toBe(before);
  });

  it('moves a rejected response to the local quarantine and sends the others', async () => {
    const { store, api, enrollment } = await tablet(2);
    const bad = { responseId: makeUuidV7(), surveyId: 'mini', surveyVersion: 7, language: 'en' };
    await store.recordAnswers(bad, [{ questionId: 'room.satisfied', value: true }]);
    await store.completeResponse(bad.responseId);
    expect(await syncOutbox({ store, api, enrollment })).toMatchObject({ ok: true, accepted: 2, rejected: 1 });
    expect(await store.listQuarantine()).toMatchObject([{ responseId: bad.responseId, code: 'unknown_survey_version' }]);
    expect((await store.counts()).outbox).toBe(0);
  });

  it('splits a batch the server finds too large instead of giving up', async () => {
    bodyLimitBytes = 4000;
    try {
      const { store, api, enrollment } = await tablet(6, { 'room.satisfied': true, 'room.score': 2, comment: 'x'.repeat(900) });
      expect(await syncOutbox({ store, api, enrollment, batchSize: 6 })).toMatchObject({ ok: true, accepted: 6 });
    } finally {
      bodyLimitBytes = 1024 * 1024;
    }
  });

  it('seals answers given before the tablet had its key, and keeps no answer once the server has them', async () => {
    const { store, api, enrollment, ids } = await tablet(2, { 'room.satisfied': true, 'room.score': 4, comment: 'before enrollment' });
    const { currentSealingKey } = await import('../../src/server/queries/organisationKeys.ts');
    const organisationId = (await server.db.selectFrom('facilities').select('organisation_id').where('id', '=', facilityId).executeTakeFirstOrThrow()).organisation_id;
    const sealingKey = await currentSealingKey(server.db, organisationId);
    let onTheWire = '';
    const watching = makeDeviceApi('http://sayso.test', async (input, init) => {
      onTheWire += String(init?.body ?? '');
      return app.request(String(input), init);
    });
    expect(await syncOutbox({ store, api: watching, enrollment, sealingKey })).toMatchObject({ ok: true, accepted: 2 });
    expect(onTheWire).toContain('"sealed"');
    expect(onTheWire).not.toContain('before enrollment');
    const stored = await server.db.selectFrom('responses').select('answers').where('id', '=', ids[0]!).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.answers)).toEqual({ 'room.satisfied': true, 'room.score': 4, comment: 'before enrollment' });
    const kept = await store.getResponse(ids[0]!);
    expect(kept).toMatchObject({ status: 'complete', syncedAt: expect.any(String) });
    expect(kept?.answers).toBeUndefined();
    void api;
  });

  it('stops without losing anything when the tablet was revoked', async () => {
    const { store, api, enrollment } = await tablet(1);
    await server.db.updateTable('enrollments').set({ revoked_at: new Date().toISOString() }).where('id', '=', enrollment.enrollmentId).execute();
    expect(await syncOutbox({ store, api, enrollment })).toMatchObject({ ok: false, retryable: false, failure: { status: 401, code: 'revoked' } });
    expect((await store.counts()).outbox).toBe(1);
  });
});

describe('a tablet store', () => {
  it('signs a response once, so a resend is byte-for-byte the same', async () => {
    const store: DeviceStore = makeDeviceStore(makeTestDatabase());
    const ref = { responseId: makeUuidV7(), surveyId: 'mini', surveyVersion: 1, language: 'en' };
    await store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: true }]);
    await store.completeResponse(ref.responseId);
    await store.saveSignature(ref.responseId, 'enrollment-1', 'mac-1');
    await store.saveSignature(ref.responseId, 'enrollment-2', 'mac-2');
    expect(await store.getResponse(ref.responseId)).toMatchObject({ enrollmentId: 'enrollment-1', mac: 'mac-1' });
  });
});
