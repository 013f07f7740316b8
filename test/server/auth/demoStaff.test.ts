import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/createApp.ts';
import { seedDemoIfEmpty } from '../../../src/server/seedDemo.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { call, signIn } from './staffClient.ts';

describe('the demo seed', () => {
  it('creates a demo admin and a demo manager of the demo centre who can sign in with the printed passwords, once', async () => {
    const { handle, dispose } = await testDatabaseKinds()[0]!.open();
    try {
      const demo = await seedDemoIfEmpty(handle.db);
      expect(demo?.staff.map((s) => [s.role, s.email])).toEqual([['admin', 'demo-admin@example.org'], ['manager', 'demo-manager@example.org']]);
      const app = createApp({ staticRoot: 'dist', db: handle.db });
      const admin = await signIn(app, 'demo-admin@example.org', demo!.staff[0]!.password);
      const manager = await signIn(app, 'demo-manager@example.org', demo!.staff[1]!.password);
      expect(manager.staff.facilityIds).toEqual([demo!.facilityId]);
      expect((await call(app, admin, 'GET', '/staff/accounts')).status).toBe(200);
      const facilities = await (await call(app, manager, 'GET', '/staff/facilities')).json();
      expect(facilities.facilities.map((f: { name: string }) => f.name)).toEqual(['Demo reception centre']);
      expect(demo!.staff[0]!.password).not.toBe(demo!.staff[1]!.password);
      expect(await seedDemoIfEmpty(handle.db)).toBeNull();
    } finally {
      await dispose();
    }
  });
});
