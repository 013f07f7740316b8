import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { LAUNCH_LANGUAGES } from '../../../src/survey/languages.ts';
import { call, errorCode } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { audioWorld } from './support/audioFixture.ts';

for (const kind of testDatabaseKinds()) {
  describe(`audio settings (spoken retention, facility languages) on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    let world: Awaited<ReturnType<typeof audioWorld>>;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      app = createApp({ staticRoot: 'dist', db: database.db, staff: { loginPerMinute: 1000 }, device: { enrollPerMinute: 1000 } });
      world = await audioWorld(app, database.db);
    });
    afterAll(() => dispose?.());

    it('keeps spoken comments 90 days until an admin sets 1 to 730, beside the small-cell threshold', async () => {
      const read = async () => (await (await call(app, world.sessions.analyst, 'GET', '/staff/settings')).json()) as { spokenRetentionDays: number; minCellSize: number };
      expect(await read()).toMatchObject({ spokenRetentionDays: 90, minCellSize: 5 });
      const set = await call(app, world.sessions.admin, 'PATCH', '/staff/settings', { body: { spokenRetentionDays: 30 } });
      expect(set.status).toBe(200);
      expect(await set.json()).toMatchObject({ spokenRetentionDays: 30, minCellSize: 5 });
      expect((await call(app, world.sessions.admin, 'PATCH', '/staff/settings', { body: { minCellSize: 8 } })).status).toBe(200);
      expect(await read()).toMatchObject({ spokenRetentionDays: 30, minCellSize: 8 });
      for (const body of [{ spokenRetentionDays: 0 }, { spokenRetentionDays: 731 }, { spokenRetentionDays: 1.5 }, { spokenRetentionDays: '30' }, {}, { other: 1 }]) {
        const refused = await call(app, world.sessions.admin, 'PATCH', '/staff/settings', { body });
        expect([body, refused.status, await errorCode(refused)]).toEqual([body, 400, 'invalid_request']);
      }
      expect((await call(app, world.sessions.manager, 'PATCH', '/staff/settings', { body: { spokenRetentionDays: 10 } })).status).toBe(403);
      expect((await read()).spokenRetentionDays).toBe(30);
      // Organisations are apart.
      expect((await (await call(app, world.sessions.foreign, 'GET', '/staff/settings')).json()).spokenRetentionDays).toBe(90);
    });

    it('sets a facility\'s languages to launch languages only, at least one, and lists them with the facility', async () => {
      const facilities = async () => ((await (await call(app, world.sessions.admin, 'GET', '/staff/facilities')).json()) as { facilities: Array<{ id: string; languages: string[] }> }).facilities;
      expect((await facilities()).find((f) => f.id === world.B)?.languages).toEqual([...LAUNCH_LANGUAGES]);
      const set = await call(app, world.sessions.admin, 'PATCH', `/staff/facilities/${world.B}`, { body: { languages: ['so', 'ti', 'so'] } });
      expect(set.status).toBe(200);
      expect((await set.json()).languages).toEqual(['ti', 'so']);
      expect((await facilities()).find((f) => f.id === world.B)?.languages).toEqual(['ti', 'so']);
      for (const languages of [[], ['xx'], ['en', 'klingon'], 'en', [1]]) {
        const refused = await call(app, world.sessions.admin, 'PATCH', `/staff/facilities/${world.B}`, { body: { languages } });
        expect([languages, refused.status, await errorCode(refused)]).toEqual([languages, 400, 'invalid_request']);
      }
      const all = await call(app, world.sessions.admin, 'PATCH', `/staff/facilities/${world.B}`, { body: { languages: [...LAUNCH_LANGUAGES].reverse() } });
      expect((await all.json()).languages).toEqual([...LAUNCH_LANGUAGES]);
      // Every launch language is stored as "all", so languages added later are enabled too.
      expect((await database.db.selectFrom('facilities').select('languages').where('id', '=', world.B).executeTakeFirstOrThrow()).languages).toBeNull();
      const created = await call(app, world.sessions.admin, 'POST', '/staff/facilities', { body: { name: 'Centre C', timeZone: 'Europe/Brussels' } });
      expect((await created.json()).languages).toEqual([...LAUNCH_LANGUAGES]);
    });
  });
}
