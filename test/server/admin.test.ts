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
      const report = await admin('purge-expired');
      expect(report.join('\n')).toContain(`Organisation ${organisationId}: deleted 1 responses`);
      const left = await database.db.selectFrom('responses').select('id').where('organisation_id', '=', organisationId).execute();
      expect(left).toEqual([{ id: 'new-one' }]);
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
