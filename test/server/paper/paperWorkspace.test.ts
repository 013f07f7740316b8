import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { call, errorCode } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { mini, paperWorld, type Batch, type Member, type PaperWorld } from './support/paperWorld.ts';

const SECOND_TITLE = { en: 'Mini survey, second edition', ar: 'استبيان صغير، الطبعة الثانية' };

interface Workspace {
  doubleEntry: boolean; staffId: string; facilities: Array<{ id: string; name: string; timeZone: string }>;
  surveys: Array<{ id: string; version: number }>; batches: Batch[];
}

for (const kind of testDatabaseKinds()) {
  describe(`the paper workspace and survey versions on ${kind.name}`, () => {
    let dispose: () => Promise<void>;
    let w: PaperWorld;
    let inspectorA: Member;
    let managerB: Member;
    let batchA: Batch;
    let batchB: Batch;
    beforeAll(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      w = await paperWorld(opened.handle.db);
      inspectorA = await w.member('inspector', [w.A]);
      managerB = await w.member('manager', [w.B]);
      batchA = await w.printBatch(inspectorA, { count: 4, language: 'ar' });
      batchB = await w.printBatch(managerB, { facilityId: w.B, count: 2 });
      // Version 2 comes out after the sheets of version 1 were printed: both are needed to key.
      await publishSurveyVersion(w.db, { organisationId: w.organisationId, definition: { ...mini, title: SECOND_TITLE } });
    });
    afterAll(() => dispose?.());

    const workspaceOf = async (who: Member) => {
      const response = await call(w.app, who.session, 'GET', '/paper/workspace');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      return (await response.json()) as Workspace;
    };

    it('gives an inspector their facilities, their batches and every survey version those batches and the current ones name', async () => {
      const workspace = await workspaceOf(inspectorA);
      expect(workspace.staffId).toBe(inspectorA.id);
      expect(workspace.doubleEntry).toBe(false);
      expect(workspace.facilities).toEqual([{ id: w.A, name: 'Centre A', timeZone: 'Europe/Brussels' }]);
      expect(workspace.batches).toEqual([batchA]);
      expect(workspace.surveys.map((s) => `${s.id}@${s.version}`)).toEqual(['mini@1', 'mini@2', 'voice@1']);
    });

    it('gives a manager their facility only, and an admin every facility of the organisation', async () => {
      const manager = await workspaceOf(managerB);
      expect(manager.facilities.map((f) => f.id)).toEqual([w.B]);
      expect(manager.batches).toEqual([batchB]);
      // B's batch names version 1, now an older one.
      expect(manager.surveys.map((s) => `${s.id}@${s.version}`)).toEqual(['mini@1', 'mini@2', 'voice@1']);
      const admin = await workspaceOf(w.admin);
      expect(admin.facilities.map((f) => f.name)).toEqual(['Centre A', 'Centre B']);
      expect(admin.batches.map((b) => b.id).sort()).toEqual([batchA.id, batchB.id].sort());
      const inspectorNowhere = await workspaceOf(await w.member('inspector', []));
      expect(inspectorNowhere.facilities).toEqual([]);
      expect(inspectorNowhere.batches).toEqual([]);
      expect(inspectorNowhere.surveys.map((s) => `${s.id}@${s.version}`)).toEqual(['mini@2', 'voice@1']);
    });

    it('refuses the workspace to analysts, designers and mediators, and shows another organisation\'s admin nothing of this one', async () => {
      for (const role of ['analyst', 'designer', 'mediator'] as const) {
        const response = await call(w.app, (await w.member(role, [w.A])).session, 'GET', '/paper/workspace');
        expect(`${role} ${response.status} ${await errorCode(response)}`).toBe(`${role} 403 forbidden`);
      }
      const foreign = await workspaceOf(await w.member('admin', [], w.otherOrganisationId));
      expect(foreign.facilities.map((f) => f.id)).toEqual([w.elsewhere]);
      expect(foreign.batches).toEqual([]);
      expect(foreign.surveys).toEqual([]);
    });

    it('lists every published version of a survey, oldest first, and gives each definition', async () => {
      const list = await call(w.app, inspectorA.session, 'GET', '/paper/surveys/mini/versions');
      expect(await list.json()).toEqual({ versions: [{ version: 1, title: mini.title }, { version: 2, title: SECOND_TITLE }] });
      const one = await call(w.app, inspectorA.session, 'GET', '/paper/surveys/mini/versions/1');
      const { definition } = (await one.json()) as { definition: { id: string; version: number; title: unknown } };
      expect([definition.id, definition.version, definition.title]).toEqual(['mini', 1, mini.title]);
      for (const path of ['/paper/surveys/nope/versions', '/paper/surveys/mini/versions/3', '/paper/surveys/mini/versions/x', '/paper/surveys/NOPE!/versions/1']) {
        const response = await call(w.app, inspectorA.session, 'GET', path);
        expect(`${path} ${response.status} ${await errorCode(response)}`).toBe(`${path} 404 unknown_survey`);
      }
      const foreign = await call(w.app, (await w.member('admin', [], w.otherOrganisationId)).session, 'GET', '/paper/surveys/mini/versions');
      expect(foreign.status).toBe(404);
    });
  });
}
