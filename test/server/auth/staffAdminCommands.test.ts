import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { AdminUsageError, runAdmin } from '../../../src/server/admin/runAdmin.ts';
import { createApp } from '../../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { createOrganisation } from '../../../src/server/queries/organisations.ts';
import { createStaff } from '../../../src/server/queries/staff.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { call, login, signIn } from './staffClient.ts';

const PASSWORD = 'correct horse battery';

for (const kind of testDatabaseKinds()) {
  describe(`staff commands of the admin command line on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    let organisationId: string;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      app = createApp({ staticRoot: 'dist', db: database.db, staff: { loginPerMinute: 1000 } });
      organisationId = (await createOrganisation(database.db, { name: 'Fedasil test' })).id;
    });
    afterAll(() => dispose?.());

    async function admin(stdin: string, ...argv: string[]): Promise<string[]> {
      const lines: string[] = [];
      await runAdmin(argv, database, { log: (line) => lines.push(line) }, () => stdin);
      return lines;
    }

    it('set-password prints a new password once, which signs in; the old one and its sessions stop working', async () => {
      await createStaff(database.db, { organisationId, email: 'lost@example.org', password: PASSWORD, role: 'admin' });
      const session = await signIn(app, 'lost@example.org', PASSWORD);
      const lines = await admin('', 'set-password', '--email', 'Lost@Example.org');
      const password = lines.find((l) => l.startsWith('Password (shown once): '))!.replace('Password (shown once): ', '');
      expect(password.length).toBeGreaterThanOrEqual(12);
      expect((await call(app, session, 'GET', '/auth/me')).status).toBe(401);
      expect((await login(app, 'lost@example.org', PASSWORD)).status).toBe(401);
      expect((await login(app, 'lost@example.org', password)).status).toBe(200);
    });

    it('set-password --password-stdin takes the password from standard input and prints none', async () => {
      await createStaff(database.db, { organisationId, email: 'piped@example.org', password: PASSWORD, role: 'manager' });
      const lines = await admin('a piped long password\n', 'set-password', '--email', 'piped@example.org', '--password-stdin');
      expect(lines.join('\n')).not.toContain('a piped long password');
      expect((await login(app, 'piped@example.org', 'a piped long password')).status).toBe(200);
      await expect(admin('short\n', 'set-password', '--email', 'piped@example.org', '--password-stdin')).rejects.toThrow(AdminUsageError);
      await expect(admin('', 'set-password', '--email', 'nobody@example.org')).rejects.toThrow(/no staff account/);
    });

    it('unlock-staff lets a locked account sign in before its 15 minutes are up', async () => {
      await createStaff(database.db, { organisationId, email: 'locked@example.org', password: PASSWORD, role: 'analyst' });
      for (let i = 0; i < 5; i++) await login(app, 'locked@example.org', 'wrong password');
      expect((await login(app, 'locked@example.org', PASSWORD)).status).toBe(423);
      expect(await admin('', 'unlock-staff', '--email', 'locked@example.org')).toEqual(['Unlocked locked@example.org: it may sign in again now']);
      expect((await login(app, 'locked@example.org', PASSWORD)).status).toBe(200);
    });
  });
}
