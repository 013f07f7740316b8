import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeviceStore } from '../../src/device/deviceStore.ts';
import { runAdmin } from '../../src/server/admin/runAdmin.ts';
import { createApp } from '../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../src/server/db/createDatabase.ts';
import { createEnrollmentCode } from '../../src/server/queries/enrollments.ts';
import { createFacility, createOrganisation } from '../../src/server/queries/organisations.ts';
import { currentSealingKey } from '../../src/server/queries/organisationKeys.ts';
import { publishSurveyVersion } from '../../src/server/queries/surveyVersions.ts';
import { makeDeviceApi, type Enrollment } from '../../src/sync/deviceApi.ts';
import { importRescueFile, makeRescueFile, parseRescueFile } from '../../src/sync/rescueFile.ts';
import { syncOutbox } from '../../src/sync/syncOutbox.ts';
import { makeUuidV7 } from '../../src/survey/makeUuidV7.ts';
import { makeResponseSealer } from '../../src/survey/sealing.ts';
import { makeTestDatabase } from '../device/makeTestDatabase.ts';
import { testDatabaseKinds } from '../server/support/testDatabases.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));

describe('rescuing unsent answers from a tablet that cannot reach the server', () => {
  let server: DatabaseHandle;
  let dispose: () => Promise<void>;
  let app: ReturnType<typeof createApp>;
  let facilityId: string;
  let organisationId: string;
  beforeAll(async () => {
    ({ handle: server, dispose } = await testDatabaseKinds()[0]!.open());
    app = createApp({ staticRoot: 'dist', db: server.db });
    organisationId = (await createOrganisation(server.db, { name: 'Org' })).id;
    facilityId = (await createFacility(server.db, { organisationId, name: 'C', timeZone: 'Europe/Rome' })).id;
    await publishSurveyVersion(server.db, { organisationId, definition: mini });
  });
  afterAll(() => dispose?.());

  const api = makeDeviceApi('http://sayso.test', async (input, init) => app.request(String(input), init));
  async function enrolledTablet() {
    const { code } = await createEnrollmentCode(server.db, { facilityId });
    const enrolled = await api.enroll(code, 'Tablet');
    if (!enrolled.ok) throw new Error('enroll failed');
    return { store: makeDeviceStore(makeTestDatabase()), enrollment: enrolled.value as Enrollment };
  }
  const serverCount = async () => Number((await server.db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('exports sealed, signed responses that the admin command imports once, and a later sync finds them already there', async () => {
    const { store, enrollment } = await enrolledTablet();
    const key = await currentSealingKey(server.db, organisationId);
    for (const comment of ['first', 'second', 'third']) {
      const ref = { responseId: makeUuidV7(), surveyId: 'mini', surveyVersion: 1, language: 'it' };
      const sealer = await makeResponseSealer(ref.responseId, key);
      await store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: true }, { questionId: 'room.score', value: 7 }, { questionId: 'comment', value: `${comment} comment` }], new Date(), sealer);
      await store.completeResponse(ref.responseId, new Date(), await sealer.sealFinal({ 'room.satisfied': true, 'room.score': 7, comment: `${comment} comment` }));
    }
    const file = await makeRescueFile(store, enrollment);
    expect(file.responses).toHaveLength(3);
    expect(JSON.stringify(file)).not.toContain('comment"');
    expect(JSON.stringify(file)).not.toContain('first comment');

    const path = join(mkdtempSync(join(tmpdir(), 'sayso-rescue-')), 'rescue.json');
    writeFileSync(path, JSON.stringify(file));
    const lines: string[] = [];
    const before = await serverCount();
    await runAdmin(['import-rescue', path], server, { log: (l) => lines.push(l) });
    expect(lines[0]).toContain('3 new, 0 already received, 0 refused');
    await runAdmin(['import-rescue', path], server, { log: (l) => lines.push(l) });
    expect(lines[1]).toContain('0 new, 3 already received');
    expect(await serverCount()).toBe(before + 3);

    expect(await syncOutbox({ store, api, enrollment })).toMatchObject({ ok: true, accepted: 0, duplicate: 3 });
    expect(await serverCount()).toBe(before + 3);
  });

  it('imports on another, online tablet through its own sync', async () => {
    const broken = await enrolledTablet();
    const ref = { responseId: makeUuidV7(), surveyId: 'mini', surveyVersion: 1, language: 'en' };
    await broken.store.recordAnswers(ref, [{ questionId: 'room.satisfied', value: true }, { questionId: 'room.score', value: 2 }]);
    await broken.store.completeResponse(ref.responseId);
    const text = JSON.stringify(await makeRescueFile(broken.store, broken.enrollment));

    const online = await enrolledTablet();
    const parsed = parseRescueFile(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(await importRescueFile(parsed.file, api, online.enrollment.token)).toEqual({ ok: true, accepted: 1, duplicate: 0, rejected: 0 });
    const stored = await server.db.selectFrom('responses').select('enrollment_id').where('id', '=', ref.responseId).executeTakeFirstOrThrow();
    expect(stored.enrollment_id).toBe(broken.enrollment.enrollmentId);
  });

  it('says what is wrong with a file that is not a rescue file', () => {
    expect(parseRescueFile('{"format": "something-else"}')).toMatchObject({ ok: false, message: expect.stringContaining('not a Sayso rescue file') });
    expect(parseRescueFile('nope')).toEqual({ ok: false, message: 'the file is not JSON' });
  });
});
