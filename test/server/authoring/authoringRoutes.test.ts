import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { authoringWorld, mini, type AuthoringWorld, type Draft } from './support/authoringWorld.ts';

for (const kind of testDatabaseKinds()) {
  describe(`survey drafts on ${kind.name}`, () => {
    let dispose: () => Promise<void>;
    let w: AuthoringWorld;
    beforeAll(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      w = await authoringWorld(opened.handle.db);
    });
    afterAll(() => dispose?.());

    it('starts a blank survey, saves it with its problems, publishes it once fixed, and forgets the draft', async () => {
      const draft = await w.create('desk-feedback', { kind: 'blank', title: 'Desk feedback', defaultLanguage: 'fr' });
      expect(draft).toMatchObject({ surveyId: 'desk-feedback', revision: 1, origin: 'blank', basedOnVersion: null });
      expect(draft.definition).toMatchObject({ id: 'desk-feedback', version: 1, title: { fr: 'Desk feedback' }, defaultLanguage: 'fr', languages: ['fr'], items: [] });
      expect(draft.problems.map((p) => p.path)).toEqual(['items']);

      // Not publishable yet: 422 with the problems, and the draft stays as it was.
      const refused = await w.publish('desk-feedback', 1);
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as { problems: unknown[] }).problems).toEqual(draft.problems);
      expect((await w.api(w.designer, 'GET', '/surveys/desk-feedback/draft')).status).toBe(200);
      expect((await w.api(w.designer, 'GET', '/surveys/desk-feedback/versions')).status).toBe(404);

      const fixed = { ...mini, id: 'desk-feedback', version: 7 };
      const saved = await w.api(w.designer, 'PUT', '/surveys/desk-feedback/draft', { revision: 1, definition: fixed });
      expect(saved.status).toBe(200);
      expect(await saved.json()).toMatchObject({ revision: 2, problems: [] });

      const published = await w.publish('desk-feedback', 2);
      expect(published.status).toBe(201);
      expect(await published.json()).toMatchObject({ surveyId: 'desk-feedback', version: 1 });
      expect(await errorCode(await w.api(w.designer, 'GET', '/surveys/desk-feedback/draft'))).toBe('no_draft');
      const version = (await (await w.api(w.designer, 'GET', '/surveys/desk-feedback/versions/1')).json()) as Record<string, unknown>;
      // The file's own version number is replaced by the next one.
      expect(version).toMatchObject({ id: 'desk-feedback', version: 1, title: mini.title });
    });

    it('saves a draft even with problems, and refuses a definition of another id, a non-object, an oversized one', async () => {
      const draft = await w.validDraft('saves-anything');
      const broken = { ...mini, id: 'saves-anything', items: [{ kind: 'yesno', id: 'Bad Id' }] };
      const saved = await w.api(w.designer, 'PUT', '/surveys/saves-anything/draft', { revision: draft.revision, definition: broken });
      expect(saved.status).toBe(200);
      const body = (await saved.json()) as { revision: number; problems: Array<{ path: string }> };
      expect(body.revision).toBe(2);
      expect(body.problems.length).toBeGreaterThan(0);
      expect(body.problems.every((p) => p.path.startsWith('items[0]'))).toBe(true);
      const reloaded = (await (await w.api(w.designer, 'GET', '/surveys/saves-anything/draft')).json()) as Draft;
      expect(reloaded.definition).toEqual(broken);
      expect(reloaded.problems).toEqual(body.problems);

      const outcomes = [];
      for (const definition of [{ ...mini, id: 'other-id' }, [mini], 'text', { ...mini, id: 'saves-anything', big: 'x'.repeat(2 * 1024 * 1024) }]) {
        const response = await w.api(w.designer, 'PUT', '/surveys/saves-anything/draft', { revision: 2, definition });
        outcomes.push(`${response.status} ${await errorCode(response)}`);
      }
      expect(outcomes).toEqual(['400 invalid_request', '400 invalid_request', '400 invalid_request', '413 body_too_large']);
    });

    it('answers a save over an older revision with 409 and the current revision, and keeps the newer text', async () => {
      const draft = await w.validDraft('two-tabs');
      const first = await w.api(w.designer, 'PUT', '/surveys/two-tabs/draft', { revision: draft.revision, definition: { ...mini, id: 'two-tabs', estimatedMinutes: 3 } });
      expect(first.status).toBe(200);
      const stale = await w.api(w.designer, 'PUT', '/surveys/two-tabs/draft', { revision: draft.revision, definition: { ...mini, id: 'two-tabs', estimatedMinutes: 9 } });
      expect(stale.status).toBe(409);
      expect(await stale.json()).toMatchObject({ error: { code: 'revision_conflict' }, currentRevision: 2 });
      const kept = (await (await w.api(w.designer, 'GET', '/surveys/two-tabs/draft')).json()) as Draft;
      expect(kept.definition.estimatedMinutes).toBe(3);
      // Publishing an older revision is refused the same way.
      expect(await (await w.publish('two-tabs', 1)).json()).toMatchObject({ error: { code: 'revision_conflict' }, currentRevision: 2 });
    });

    it('of ten saves of one revision at once, keeps exactly one', async () => {
      const draft = await w.validDraft('racing-saves');
      const statuses = await Promise.all(Array.from({ length: 10 }, async (_, i) =>
        (await w.api(w.designer, 'PUT', '/surveys/racing-saves/draft', { revision: draft.revision, definition: { ...mini, id: 'racing-saves', estimatedMinutes: i + 1 } })).status));
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(9);
      expect(((await (await w.api(w.designer, 'GET', '/surveys/racing-saves/draft')).json()) as Draft).revision).toBe(2);
    });

    it('edits a published survey through a draft of a version: publishing gives the next version, the old one unchanged', async () => {
      const draft = await w.validDraft('versioned');
      expect((await w.publish('versioned', draft.revision)).status).toBe(201);
      const again = await w.api(w.designer, 'POST', '/surveys/versioned/draft', { fromVersion: 1 });
      expect(again.status).toBe(201);
      const second = ((await again.json()) as { draft: Draft }).draft;
      expect(second).toMatchObject({ revision: 1, origin: 'version:1', basedOnVersion: 1, problems: [] });
      expect(await errorCode(await w.api(w.designer, 'POST', '/surveys/versioned/draft', { fromVersion: 1 }))).toBe('draft_exists');
      expect(await errorCode(await w.api(w.designer, 'POST', '/surveys/versioned/draft', { fromVersion: 5 }))).toBe('unknown_survey');

      const changed = { ...second.definition, estimatedMinutes: 2 };
      expect((await w.api(w.designer, 'PUT', '/surveys/versioned/draft', { revision: 1, definition: changed })).status).toBe(200);
      expect(await (await w.publish('versioned', 2)).json()).toMatchObject({ version: 2 });
      const versions = (await (await w.api(w.designer, 'GET', '/surveys/versioned/versions')).json()) as { versions: Array<{ version: number }> };
      expect(versions.versions.map((v) => v.version)).toEqual([1, 2]);
      const v1 = (await (await w.api(w.designer, 'GET', '/surveys/versioned/versions/1')).json()) as Record<string, unknown>;
      const v2 = (await (await w.api(w.designer, 'GET', '/surveys/versioned/versions/2')).json()) as Record<string, unknown>;
      expect([v1.estimatedMinutes, v2.estimatedMinutes]).toEqual([mini.estimatedMinutes, 2]);
    });

    it('throws a draft away on DELETE, leaving published versions', async () => {
      const draft = await w.validDraft('thrown-away');
      await w.publish('thrown-away', draft.revision);
      await w.api(w.designer, 'POST', '/surveys/thrown-away/draft', { fromVersion: 1 });
      expect((await w.api(w.designer, 'DELETE', '/surveys/thrown-away/draft')).status).toBe(204);
      expect(await errorCode(await w.api(w.designer, 'DELETE', '/surveys/thrown-away/draft'))).toBe('no_draft');
      expect((await w.api(w.designer, 'GET', '/surveys/thrown-away/versions/1')).status).toBe(200);
    });

    it('refuses a new survey whose id a version or a draft already uses, a malformed id, an unknown template or copy', async () => {
      await w.validDraft('taken-by-draft');
      const published = await w.validDraft('taken-by-version');
      await w.publish('taken-by-version', published.revision);
      const outcomes = [];
      for (const body of [
        { id: 'taken-by-draft', from: { kind: 'blank', title: 'x', defaultLanguage: 'en' } },
        { id: 'taken-by-version', from: { kind: 'template', templateId: 'quick-check' } },
        { id: 'Has Spaces', from: { kind: 'blank', title: 'x', defaultLanguage: 'en' } },
        { id: 'x', from: { kind: 'blank', title: 'x', defaultLanguage: 'en' } },
        { id: 'fine-id', from: { kind: 'blank', title: '', defaultLanguage: 'en' } },
        { id: 'fine-id', from: { kind: 'blank', title: 'x', defaultLanguage: 'English' } },
        { id: 'fine-id', from: { kind: 'template', templateId: 'no-such-template' } },
        { id: 'fine-id', from: { kind: 'copy', surveyId: 'taken-by-version', version: 9 } },
        { id: 'fine-id', from: { kind: 'mystery' } },
      ]) {
        const response = await w.api(w.designer, 'POST', '/surveys', body);
        outcomes.push(`${response.status} ${await errorCode(response)}`);
      }
      expect(outcomes).toEqual([
        '409 survey_exists', '409 survey_exists', '400 invalid_request', '400 invalid_request', '400 invalid_request', '400 invalid_request',
        '400 unknown_template', '404 unknown_survey', '400 invalid_request',
      ]);
    });

    it('copies a published version into a new survey of its own id', async () => {
      const source = await w.validDraft('copy-source');
      await w.publish('copy-source', source.revision);
      const copy = await w.create('copy-target', { kind: 'copy', surveyId: 'copy-source', version: 1 });
      expect(copy).toMatchObject({ origin: 'copy:copy-source:v1', problems: [] });
      expect(copy.definition).toMatchObject({ id: 'copy-target', version: 1, title: mini.title });
    });

    it('lists every survey with its latest version and draft state', async () => {
      const response = await w.api(w.designer, 'GET', '/surveys');
      const { surveys } = (await response.json()) as { surveys: Array<{ id: string; latestVersion: number | null; draft: { revision: number; origin: string } | null; title: Record<string, string>; audience: string; languages: string[] }> };
      const byId = new Map(surveys.map((s) => [s.id, s]));
      expect(byId.get('versioned')).toMatchObject({ latestVersion: 2, draft: null, title: mini.title, audience: 'residents', languages: ['en', 'ar'] });
      expect(byId.get('two-tabs')).toMatchObject({ latestVersion: null, draft: { revision: 2, origin: 'test' } });
      expect(byId.get('desk-feedback')).toMatchObject({ latestVersion: 1, draft: null });
      expect(surveys.map((s) => s.id)).toEqual([...surveys.map((s) => s.id)].sort());
    });

    it('lets admins and designers in, no other role, and shows nothing of another organisation', async () => {
      const admin = await w.member('admin');
      expect((await w.api(admin, 'GET', '/surveys')).status).toBe(200);
      for (const role of ['analyst', 'manager', 'inspector', 'mediator'] as const) {
        const who = await w.member(role);
        const answers = await Promise.all([
          w.api(who, 'GET', '/surveys'), w.api(who, 'GET', '/templates'), w.api(who, 'GET', '/surveys/two-tabs/draft'),
          w.api(who, 'POST', '/surveys', { id: 'by-' + role, from: { kind: 'blank', title: 'x', defaultLanguage: 'en' } }),
          w.api(who, 'POST', '/surveys/two-tabs/publish', { revision: 2 }), w.api(who, 'GET', '/media-index'),
        ]);
        expect(answers.map((r) => r.status), role).toEqual([403, 403, 403, 403, 403, 403]);
      }
      const outsider = w.outsider;
      expect((await w.api(outsider, 'GET', '/surveys/two-tabs/draft')).status).toBe(404);
      expect((await w.api(outsider, 'GET', '/surveys/versioned/versions')).status).toBe(404);
      expect((await w.api(outsider, 'GET', '/surveys/versioned/versions/1')).status).toBe(404);
      expect((await w.api(outsider, 'PUT', '/surveys/two-tabs/draft', { revision: 2, definition: { ...mini, id: 'two-tabs' } })).status).toBe(404);
      expect((await w.api(outsider, 'POST', '/surveys/versioned/draft', { fromVersion: 1 })).status).toBe(404);
      expect((await w.api(outsider, 'POST', '/surveys', { id: 'x-copy', from: { kind: 'copy', surveyId: 'versioned', version: 1 } })).status).toBe(404);
      expect(((await (await w.api(outsider, 'GET', '/surveys')).json()) as { surveys: unknown[] }).surveys).toEqual([]);
      // The same id is free in another organisation.
      expect((await w.api(outsider, 'POST', '/surveys', { id: 'two-tabs', from: { kind: 'blank', title: 'Theirs', defaultLanguage: 'en' } })).status).toBe(201);
      expect(((await (await w.api(w.designer, 'GET', '/surveys/two-tabs/draft')).json()) as Draft).definition.title).toEqual(mini.title);
    });

    it('needs the CSRF token to change anything', async () => {
      const { call } = await import('../auth/staffClient.ts');
      const response = await call(w.app, w.designer.session, 'POST', '/staff/authoring/surveys', { body: { id: 'no-csrf', from: { kind: 'blank', title: 'x', defaultLanguage: 'en' } }, csrf: false });
      expect(response.status).toBe(403);
      expect((await w.api(w.designer, 'GET', '/surveys/no-csrf/draft')).status).toBe(404);
    });

    it('gives the organisation\'s media index', async () => {
      expect(await (await w.api(w.designer, 'GET', '/media-index')).json()).toEqual({ clips: [] });
    });
  });
}
