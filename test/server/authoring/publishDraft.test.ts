import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDraft } from '../../../src/server/authoring/publishDraft.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { authoringWorld, mini, type AuthoringWorld } from './support/authoringWorld.ts';

/** Makes every INSERT into survey_versions fail, as a full disk or a dropped connection would. */
const failingVersionInsert: KyselyPlugin = {
  transformQuery(args) {
    const node = args.node as { kind: string; into?: { table?: { identifier?: { name?: string } } } };
    if (node.kind === 'InsertQueryNode' && node.into?.table?.identifier?.name === 'survey_versions') throw new Error('disk full');
    return args.node;
  },
  transformResult: async (args) => args.result,
};

for (const kind of testDatabaseKinds()) {
  describe(`publishing a draft on ${kind.name}`, () => {
    let dispose: () => Promise<void>;
    let w: AuthoringWorld;
    beforeAll(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      w = await authoringWorld(opened.handle.db);
    });
    afterAll(() => dispose?.());

    const versionsOf = async (surveyId: string) =>
      (await w.db.selectFrom('survey_versions').select('version').where('organisation_id', '=', w.organisationId).where('survey_id', '=', surveyId).orderBy('version').execute()).map((r) => Number(r.version));

    it('leaves the draft and writes no version when writing the version fails', async () => {
      const draft = await w.validDraft('fails-midway');
      await expect(publishDraft(w.db.withPlugin(failingVersionInsert), { organisationId: w.organisationId, surveyId: 'fails-midway', revision: draft.revision, now: new Date() })).rejects.toThrow('disk full');
      expect(await versionsOf('fails-midway')).toEqual([]);
      const kept = await w.api(w.designer, 'GET', '/surveys/fails-midway/draft');
      expect(kept.status).toBe(200);
      expect(await kept.json()).toMatchObject({ revision: draft.revision, definition: { id: 'fails-midway' } });
      // And it can be published once the fault is gone.
      expect(await (await w.publish('fails-midway', draft.revision)).json()).toMatchObject({ version: 1 });
    });

    it('of eight publishes of one draft at once, publishes one version and tells the others of the conflict', async () => {
      const draft = await w.validDraft('eight-at-once');
      const answers = await Promise.all(Array.from({ length: 8 }, () => w.publish('eight-at-once', draft.revision)));
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      const conflicts = await Promise.all(answers.filter((r) => r.status === 409).map((r) => r.json()));
      for (const body of conflicts) expect(body).toMatchObject({ error: { code: 'revision_conflict' }, currentRevision: null });
      expect(await versionsOf('eight-at-once')).toEqual([1]);
    });

    it('never gives two versions one number when an admin publishes the same survey meanwhile', async () => {
      for (let round = 0; round < 3; round++) {
        const existing = await versionsOf('shared-number');
        const draft = existing.length === 0
          ? await w.validDraft('shared-number')
          : ((await (await w.api(w.designer, 'POST', '/surveys/shared-number/draft', { fromVersion: existing.at(-1) })).json()) as { draft: { revision: number } }).draft;
        const [byDesigner, byAdmin] = await Promise.allSettled([
          w.publish('shared-number', draft.revision),
          publishSurveyVersion(w.db, { organisationId: w.organisationId, definition: { ...mini, id: 'shared-number' } }),
        ]);
        expect(byAdmin.status).toBe('fulfilled');
        const status = byDesigner.status === 'fulfilled' ? byDesigner.value.status : 0;
        expect([201, 409]).toContain(status);
        const versions = await versionsOf('shared-number');
        expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
        expect(versions.length).toBe(existing.length + (status === 201 ? 2 : 1));
        // A refused publish keeps the draft, to be published again.
        if (status === 409) await w.api(w.designer, 'DELETE', '/surveys/shared-number/draft');
      }
    });
  });
}
