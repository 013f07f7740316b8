import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeviceStore } from '../../src/device/deviceStore.ts';
import { getBundle, getSyncStatus, hashDevicePin, saveEnrollment, verifyDevicePin } from '../../src/device/enrollmentRecord.ts';
import { loadSurveyForKiosk } from '../../src/device/loadSurveyForKiosk.ts';
import { createApp } from '../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../src/server/db/createDatabase.ts';
import { createEnrollmentCode } from '../../src/server/queries/enrollments.ts';
import { createFacility, createOrganisation } from '../../src/server/queries/organisations.ts';
import { publishSurveyVersion } from '../../src/server/queries/surveyVersions.ts';
import { makeDeviceApi } from '../../src/sync/deviceApi.ts';
import { runDeviceSync } from '../../src/sync/runDeviceSync.ts';
import { makeUuidV7 } from '../../src/survey/makeUuidV7.ts';
import { makeTestDatabase } from '../device/makeTestDatabase.ts';
import { testDatabaseKinds } from '../server/support/testDatabases.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));

describe('a sync pass of an enrolled tablet', () => {
  let server: DatabaseHandle;
  let dispose: () => Promise<void>;
  let organisationId: string;
  let facilityId: string;
  beforeAll(async () => {
    ({ handle: server, dispose } = await testDatabaseKinds()[0]!.open());
    organisationId = (await createOrganisation(server.db, { name: 'Org' })).id;
    facilityId = (await createFacility(server.db, { organisationId, name: 'C', timeZone: 'Europe/Warsaw' })).id;
    await publishSurveyVersion(server.db, { organisationId, definition: mini });
  });
  afterAll(() => dispose?.());

  it('does nothing for a tablet that is not enrolled', async () => {
    const app = createApp({ staticRoot: 'dist', db: server.db });
    const api = makeDeviceApi('http://sayso.test', async (input, init) => app.request(String(input), init));
    expect(await runDeviceSync(makeDeviceStore(makeTestDatabase()), api)).toBeNull();
  });

  it('picks up a new survey version without touching a response answered in the old one', async () => {
    const app = createApp({ staticRoot: 'dist', db: server.db });
    const api = makeDeviceApi('http://sayso.test', async (input, init) => app.request(String(input), init));
    const store = makeDeviceStore(makeTestDatabase());
    const { code } = await createEnrollmentCode(server.db, { facilityId });
    const enrolled = await api.enroll(code, 'Tablet');
    if (!enrolled.ok) throw new Error('enrollment failed');
    await saveEnrollment(store, { ...enrolled.value, deviceName: 'Tablet', enrolledAt: new Date().toISOString(), pin: await hashDevicePin('123456') });

    expect(await runDeviceSync(store, api)).toMatchObject({ ok: true });
    expect((await loadSurveyForKiosk('mini', store)).ok && ((await loadSurveyForKiosk('mini', store)) as { survey: { version: number } }).survey.version).toBe(1);

    const ref = { responseId: makeUuidV7(), surveyId: 'mini', surveyVersion: 1, language: 'pl' };
    await store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: true }, { questionId: 'room.score', value: 9 }]);
    await store.completeResponse(ref.responseId);
    await publishSurveyVersion(server.db, { organisationId, definition: mini });

    expect(await runDeviceSync(store, api)).toMatchObject({ ok: true, accepted: 1 });
    const stored = await server.db.selectFrom('responses').select(['survey_version']).where('id', '=', ref.responseId).executeTakeFirstOrThrow();
    expect(stored.survey_version).toBe(1);
    const bundle = (await getBundle(store))?.bundle as { surveys: Array<{ id: string; version: number }> };
    expect(bundle.surveys).toMatchObject([{ id: 'mini', version: 2 }]);
    const load = await loadSurveyForKiosk('mini', store);
    expect(load.ok && load.survey.version).toBe(2);
    expect(await getSyncStatus(store)).toMatchObject({ lastSuccessAt: expect.any(String) });
  });

  it('sends the tablet\'s withdrawal totals, which the server keeps as counts per survey and quarter', async () => {
    const app = createApp({ staticRoot: 'dist', db: server.db });
    const api = makeDeviceApi('http://sayso.test', async (input, init) => app.request(String(input), init));
    const store = makeDeviceStore(makeTestDatabase());
    const { code } = await createEnrollmentCode(server.db, { facilityId });
    const enrolled = await api.enroll(code, 'Tablet');
    if (!enrolled.ok) throw new Error('enrollment failed');
    await saveEnrollment(store, { ...enrolled.value, deviceName: 'Tablet', enrolledAt: new Date().toISOString(), pin: await hashDevicePin('123456') });
    await store.withdrawDraft(undefined, 'mini|2026-Q4');
    await store.withdrawDraft(undefined, 'mini|2026-Q4');

    expect(await runDeviceSync(store, api)).toMatchObject({ ok: true });
    const counts = () => server.db.selectFrom('withdrawal_counts').select(['survey_id', 'period', 'count', 'facility_id']).where('enrollment_id', '=', enrolled.value.enrollmentId).execute();
    expect(await counts()).toEqual([{ survey_id: 'mini', period: '2026-Q4', count: 2, facility_id: facilityId }]);
    // The next withdrawal reaches the server with the next pass; nothing is counted twice.
    await store.withdrawDraft(undefined, 'mini|2026-Q4');
    await runDeviceSync(store, api);
    await runDeviceSync(store, api);
    expect((await counts()).map((row) => Number(row.count))).toEqual([3]);
  });

  it('records why a pass failed, for the staff screen', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    await saveEnrollment(store, { enrollmentId: 'e', token: 'x'.repeat(43), secret: 'A'.repeat(43), facilityId, organisationId, deviceName: 'T', enrolledAt: '', pin: await hashDevicePin('123456') });
    const ref = { responseId: makeUuidV7(), surveyId: 'mini', surveyVersion: 1, language: 'en' };
    await store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: true }]);
    await store.completeResponse(ref.responseId);
    const offline = makeDeviceApi('http://sayso.test', async () => { throw new TypeError('Failed to fetch'); });
    expect(await runDeviceSync(store, offline)).toMatchObject({ ok: false, retryable: true });
    expect(await getSyncStatus(store)).toMatchObject({ lastError: 'network: Failed to fetch', refused: false });
  });
});

describe('the device PIN', () => {
  it('is stored as a salted slow hash and verified offline', async () => {
    const stored = await hashDevicePin('246810');
    expect(JSON.stringify(stored)).not.toContain('246810');
    expect(stored.iterations).toBeGreaterThanOrEqual(100_000);
    expect(await verifyDevicePin('246810', stored)).toBe(true);
    expect(await verifyDevicePin('246811', stored)).toBe(false);
    expect((await hashDevicePin('246810')).hash).not.toBe(stored.hash);
  });
});
