import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorUrl, makeAuthoringApi, xlsformDownloadUrl, type AuthoringApi } from '../../../src/staff/authoring/authoringApi.ts';
import { StaffApiError } from '../../../src/staff/web/api/makeStaffApi.ts';
import { testDatabaseKinds } from '../../server/support/testDatabases.ts';
import { authoringWorld, mini, type AuthoringWorld } from '../../server/authoring/support/authoringWorld.ts';

/** The client against the real server app, signed in as the world's designer (what the browser does, minus the browser). */
function clientOf(w: AuthoringWorld): AuthoringApi {
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) =>
    w.app.request(String(input), { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: w.designer.session.cookie } })) as typeof fetch;
  return makeAuthoringApi({ fetch: fetcher });
}

const sqlite = testDatabaseKinds().find((kind) => kind.name === 'sqlite')!;

describe('makeAuthoringApi against the server', () => {
  let dispose: () => Promise<void>;
  let w: AuthoringWorld;
  let api: AuthoringApi;
  beforeAll(async () => {
    const opened = await sqlite.open();
    dispose = opened.dispose;
    w = await authoringWorld(opened.handle.db);
    api = clientOf(w);
  });
  afterAll(() => dispose?.());

  it('creates, saves, refuses to publish with the problems, then publishes: the library follows each step', async () => {
    const draft = await api.createSurvey('client-made', { kind: 'blank', title: 'Client made', defaultLanguage: 'en' });
    expect(draft).toMatchObject({ surveyId: 'client-made', revision: 1, origin: 'blank' });
    expect((await api.surveys()).find((s) => s.id === 'client-made')).toMatchObject({ latestVersion: null, draft: { revision: 1, origin: 'blank' }, title: { en: 'Client made' } });

    const refused = await api.publish('client-made', 1);
    expect(refused).toMatchObject({ ok: false, reason: 'invalid' });
    expect(refused.ok === false && refused.reason === 'invalid' && refused.problems.map((p) => p.path)).toEqual(['items']);

    const saved = await api.saveDraft('client-made', 1, { ...mini, id: 'client-made' });
    expect(saved).toMatchObject({ ok: true, revision: 2, problems: [] });
    expect(await api.saveDraft('client-made', 1, { ...mini, id: 'client-made' })).toEqual({ ok: false, reason: 'conflict', currentRevision: 2 });
    expect(await api.publish('client-made', 1)).toEqual({ ok: false, reason: 'conflict', currentRevision: 2 });

    const published = await api.publish('client-made', 2);
    expect(published).toMatchObject({ ok: true, surveyId: 'client-made', version: 1 });
    expect(await api.publish('client-made', 2)).toEqual({ ok: false, reason: 'conflict', currentRevision: null });
    expect((await api.versions('client-made')).map((v) => v.version)).toEqual([1]);
    expect(await api.version('client-made', 1)).toMatchObject({ id: 'client-made', version: 1 });
    expect((await api.surveys()).find((s) => s.id === 'client-made')).toMatchObject({ latestVersion: 1, draft: null });
  });

  it('reopens a version as a draft, throws it away, and reports a missing draft as the server\'s 404', async () => {
    const again = await api.draftFromVersion('client-made', 1);
    expect(again).toMatchObject({ revision: 1, origin: 'version:1', basedOnVersion: 1 });
    await expect(api.draftFromVersion('client-made', 1)).rejects.toMatchObject({ status: 409, code: 'draft_exists' });
    await api.deleteDraft('client-made');
    const missing = await api.draft('client-made').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(StaffApiError);
    expect(missing).toMatchObject({ status: 404, code: 'no_draft' });
  });

  it('lists the six templates and the organisation\'s clips, and makes a survey from a template', async () => {
    const templates = await api.templates();
    expect(templates.map((t) => t.id)).toContain('service-desk-smiley');
    expect(await api.mediaIndex()).toEqual({ clips: [] });
    const draft = await api.createSurvey('our-quick-check', { kind: 'template', templateId: 'quick-check' });
    expect(draft).toMatchObject({ origin: 'template:quick-check', problems: [] });
    await expect(api.createSurvey('our-quick-check', { kind: 'template', templateId: 'quick-check' })).rejects.toMatchObject({ status: 409, code: 'survey_exists' });
  });

  it('builds the editor and XLSForm download addresses with the id escaped', () => {
    expect(editorUrl('desk-smiley')).toBe('/staff/surveys/edit?survey=desk-smiley');
    expect(xlsformDownloadUrl('desk-smiley', 3)).toBe('/api/v1/staff/surveys/desk-smiley/versions/3/xlsform');
  });
});
