import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, errorCode } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { paperWorld, type PaperWorld } from './support/paperWorld.ts';

for (const kind of testDatabaseKinds()) {
  describe(`the organisation's double-entry setting on ${kind.name}`, () => {
    let dispose: () => Promise<void>;
    let w: PaperWorld;
    beforeAll(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      w = await paperWorld(opened.handle.db);
    });
    afterAll(() => dispose?.());

    const read = async () => ((await (await call(w.app, w.admin.session, 'GET', '/staff/settings')).json()) as { paperDoubleEntry: boolean; minCellSize: number });

    it('is off until an admin switches it on, alone or with other settings, and stays per organisation', async () => {
      expect((await read()).paperDoubleEntry).toBe(false);
      const on = await call(w.app, w.admin.session, 'PATCH', '/staff/settings', { body: { paperDoubleEntry: true } });
      expect(on.status).toBe(200);
      expect((await on.json()).paperDoubleEntry).toBe(true);
      expect(await read()).toMatchObject({ paperDoubleEntry: true, minCellSize: 5 });
      await call(w.app, w.admin.session, 'PATCH', '/staff/settings', { body: { paperDoubleEntry: false, minCellSize: 6 } });
      expect(await read()).toMatchObject({ paperDoubleEntry: false, minCellSize: 6 });
      const foreign = await w.member('admin', [], w.otherOrganisationId);
      await call(w.app, foreign.session, 'PATCH', '/staff/settings', { body: { paperDoubleEntry: true } });
      expect((await read()).paperDoubleEntry).toBe(false);
    });

    it('refuses a value that is not true or false, and a manager or inspector changing it', async () => {
      const bad = await call(w.app, w.admin.session, 'PATCH', '/staff/settings', { body: { paperDoubleEntry: 1 } });
      expect(`${bad.status} ${await errorCode(bad)}`).toBe('400 invalid_request');
      for (const role of ['manager', 'inspector'] as const) {
        const response = await call(w.app, (await w.member(role, [w.A])).session, 'PATCH', '/staff/settings', { body: { paperDoubleEntry: true } });
        expect(`${response.status} ${await errorCode(response)}`).toBe('403 forbidden');
      }
      expect((await read()).paperDoubleEntry).toBe(false);
    });
  });
}
