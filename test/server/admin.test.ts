import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminUsageError, runAdmin } from '../../src/server/admin/runAdmin.ts';
import type { DatabaseHandle } from '../../src/server/db/createDatabase.ts';
import { redeemEnrollmentCode } from '../../src/server/queries/enrollments.ts';
import { verifyPassword } from '../../src/server/hashPassword.ts';
import { testDatabaseKinds } from './support/testDatabases.ts';
import { ingestBatch } from '../../src/server/queries/ingestBatch.ts';
import { publishSurveyVersion } from '../../src/server/queries/surveyVersions.ts';
import { setTabletPin } from '../../src/server/queries/tabletPins.ts';
import { enrollTablet, tabletResponse } from './reports/support/reportFixture.ts';
import { readFileSync } from 'node:fs';

for (const kind of testDatabaseKinds()) {
  describe(`admin command line on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    beforeAll(async () => ({ handle: database, dispose } = await kind.open()));
    afterAll(() => dispose?.());

    async function admin(...argv: string[]): Promise<string[]> {
      const lines: string[] = [];
      await runAdmin(argv, database, { log: (line) => lines.push(line) }, () => 'a long enough password\n');
      return lines;
    }
    const idIn = (line: string | undefined) => /([0-9a-f-]{36})/.exec(line ?? '')![1]!;

    it('sets up an organisation, a facility, staff and a tablet from the command line', async () => {
      const organisationId = idIn((await admin('create-organisation', '--name', 'Office for Foreigners', '--retention-days', '365'))[0]);
      const facilityId = idIn((await admin('create-facility', '--organisation', organisationId, '--name', 'Centre Biała Podlaska', '--time-zone', 'Europe/Warsaw'))[0]);
      const created = await admin('create-staff', '--organisation', organisationId, '--email', 'Manager@Example.org', '--role', 'manager', '--facility', facilityId);
      expect(created[0]).toMatch(/^Created manager manager@example.org/);
      const password = created[1]!.replace('Password (shown once): ', '');
      const stored = await database.db.selectFrom('staff').selectAll().where('email', '=', 'manager@example.org').executeTakeFirstOrThrow();
      expect(await verifyPassword(password, stored.password_hash)).toBe(true);
      expect(stored.password_hash).not.toContain(password);

      const codeLine = (await admin('create-enrollment-code', '--facility', facilityId, '--valid-minutes', '30'))[0]!;
      const code = /code (\S+),/.exec(codeLine)![1]!;
      const enrolled = await redeemEnrollmentCode(database.db, { code, name: 'Common room' });
      expect(enrolled.ok).toBe(true);
      const devices = JSON.parse((await admin('list-devices', '--organisation', organisationId, '--json')).join('\n'));
      expect(devices).toMatchObject([{ name: 'Common room', facility_name: 'Centre Biała Podlaska', revoked_at: null }]);
      expect((await admin('revoke-device', '--device', devices[0].id))[0]).toContain('Revoked');
      await expect(admin('revoke-device', '--device', devices[0].id)).rejects.toBeInstanceOf(AdminUsageError);

      expect((await admin('publish-survey', 'public/surveys/centre-satisfaction.json', '--organisation', organisationId))[0]).toBe('Published centre-satisfaction version 1; tablets get it with their next bundle');
      expect((await admin('publish-survey', 'public/surveys/centre-satisfaction.json', '--organisation', organisationId))[0]).toContain('version 2');
    });

    it('explains a wrong call instead of guessing', async () => {
      await expect(admin('create-facility', '--name', 'X')).rejects.toThrow('--organisation is required');
      await expect(admin('create-organisation', '--name', 'X', '--retention-days', 'soon')).rejects.toThrow('--retention-days must be a whole number above 0');
      await expect(admin('nonsense')).rejects.toThrow('unknown command "nonsense"');
      await expect(admin('create-staff', '--organisation', 'x', '--email', 'a@b.c', '--role', 'king')).rejects.toThrow('--role must be one of');
      await expect(admin('list-devices', '--colour', 'red')).rejects.toBeInstanceOf(AdminUsageError);
      await expect(admin('publish-survey', 'package.json', '--organisation', 'x')).rejects.toThrow('the survey definition has errors');
      expect((await admin('--help'))[0]).toContain('npm run admin -- <command>');
    });

    it('deletes responses past the retention period and keeps newer ones', async () => {
      const organisationId = idIn((await admin('create-organisation', '--name', 'Short memory', '--retention-days', '30'))[0]);
      const facilityId = idIn((await admin('create-facility', '--organisation', organisationId, '--name', 'C', '--time-zone', 'Europe/Rome'))[0]);
      const row = (id: string, receivedAt: string) => ({
        id, organisation_id: organisationId, facility_id: facilityId, enrollment_id: null, survey_id: 's', survey_version: 1, language: 'it', status: 'complete',
        source: 'paper', mode: 'self', started_at: receivedAt, completed_at: receivedAt, received_at: receivedAt, reported_at: receivedAt, clock_flagged: 0,
        answers: '{}', assistance: null, content_hash: id, meta: null,
      });
      await database.db.insertInto('responses').values([row('old-one', '2020-01-01T00:00:00.000Z'), row('new-one', new Date().toISOString())]).execute();
      // What was kept apart from a response goes with it.
      const apart = (responseId: string, receivedAt: string) => ({
        note: { id: `note-${responseId}`, response_id: responseId, organisation_id: organisationId, facility_id: facilityId, survey_id: 's', period: '2020-Q1', text: 'Tired', received_at: receivedAt },
        assistant: { response_id: responseId, organisation_id: organisationId, staff_ref: `sr_${responseId}-reference`, staff_id: null, received_at: receivedAt },
      });
      for (const [id, at] of [['old-one', '2020-01-01T00:00:00.000Z'], ['new-one', new Date().toISOString()]] as const) {
        await database.db.insertInto('mediator_notes').values(apart(id, at).note).execute();
        await database.db.insertInto('response_assistants').values(apart(id, at).assistant).execute();
      }
      const report = await admin('purge-expired');
      expect(report.join('\n')).toContain(`Organisation ${organisationId}: deleted 1 responses`);
      const left = await database.db.selectFrom('responses').select('id').where('organisation_id', '=', organisationId).execute();
      expect(left).toEqual([{ id: 'new-one' }]);
      expect(await database.db.selectFrom('mediator_notes').select('response_id').where('organisation_id', '=', organisationId).execute()).toEqual([{ response_id: 'new-one' }]);
      expect(await database.db.selectFrom('response_assistants').select('response_id').where('organisation_id', '=', organisationId).execute()).toEqual([{ response_id: 'new-one' }]);
    });

    it('says who assisted a response, from its opaque staff reference, for accountability on the server', async () => {
      const organisationId = idIn((await admin('create-organisation', '--name', 'Accountable'))[0]);
      const facilityId = idIn((await admin('create-facility', '--organisation', organisationId, '--name', 'Centre', '--time-zone', 'Europe/Rome'))[0]);
      await admin('create-staff', '--organisation', organisationId, '--email', 'Mediator@Example.org', '--role', 'mediator', '--facility', facilityId);
      const staff = await database.db.selectFrom('staff').select(['id']).where('email', '=', 'mediator@example.org').executeTakeFirstOrThrow();
      await setTabletPin(database.db, { staffId: staff.id, pin: '192837', iterations: 100_000 });
      const ref = (await database.db.selectFrom('staff').select('tablet_ref').where('id', '=', staff.id).executeTakeFirstOrThrow()).tablet_ref!;
      await publishSurveyVersion(database.db, { organisationId, definition: JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8')) });
      const tablet = await enrollTablet(database.db, facilityId);
      const now = new Date();
      const answered = { answers: { 'room.satisfied': true, 'room.score': 6 }, at: new Date(now.getTime() - 60_000).toISOString(), mode: 'assisted' as const };
      const helped = await tabletResponse(tablet, 'mini', answered, now, { assistance: { role: 'interpreter', kinds: ['translated'], questions: [], staffRef: ref } });
      const unknown = await tabletResponse(tablet, 'mini', answered, now, { assistance: { role: 'peer', kinds: [], questions: [], staffRef: 'sr_nobodyHasThisReference' } });
      const alone = await tabletResponse(tablet, 'mini', { ...answered, mode: 'self' }, now);
      expect((await ingestBatch(database.db, { device: tablet.device, items: [helped, unknown, alone] }, now)).map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);

      expect(await admin('who-assisted', helped.id)).toEqual([`Response ${helped.id} was assisted by mediator@example.org (mediator)`]);
      expect(JSON.parse((await admin('who-assisted', helped.id, '--json')).join('\n'))).toMatchObject({ staffRef: ref, email: 'mediator@example.org', role: 'mediator', disabled: false });
      expect(await admin('who-assisted', unknown.id)).toEqual([`Response ${unknown.id} was assisted by staff reference sr_nobodyHasThisReference, which no account holds now`]);
      await expect(admin('who-assisted', alone.id)).rejects.toThrow('no assistant is recorded');
      await expect(admin('who-assisted')).rejects.toThrow('who-assisted needs a RESPONSE_ID');
    });

    it(kind.name === 'sqlite' ? 'backs up the SQLite database online to a file that opens' : 'points to pg_dump for a PostgreSQL backup', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'sayso-backup-')), 'backup.db');
      if (kind.name === 'sqlite') {
        expect((await admin('backup', file))[0]).toContain(`to ${file}`);
        const copy = new BetterSqlite3(file, { readonly: true });
        expect((copy.prepare('select count(*) as n from organisations').get() as { n: number }).n).toBeGreaterThan(0);
        copy.close();
      } else {
        await expect(admin('backup', file)).rejects.toThrow('pg_dump');
      }
    });
  });
}
