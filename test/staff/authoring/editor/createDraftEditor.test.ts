import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StaffApiError } from '../../../../src/staff/web/api/makeStaffApi.ts';
import type { SaveResult, SurveyDraft } from '../../../../src/staff/authoring/authoringApi.ts';
import { createDraftEditor, type DraftApi } from '../../../../src/staff/authoring/editor/createDraftEditor.ts';

const definition = { schema: 'sayso/survey@1', id: 'desk', version: 1, title: { en: 'Desk' }, defaultLanguage: 'en', languages: ['en'], items: [] };
const draft = (revision: number): SurveyDraft => ({ surveyId: 'desk', revision, definition, origin: 'blank', basedOnVersion: null, updatedAt: '2026-12-01T10:00:00Z', problems: [{ path: 'items', message: 'needs at least one question' }] });

/** A server that keeps one draft and its revision, as PUT …/draft does. */
function fakeServer() {
  let revision = 1;
  const saves: Array<{ revision: number; definition: unknown }> = [];
  let failNext = false;
  const api: DraftApi = {
    draft: vi.fn(async () => draft(revision)),
    saveDraft: vi.fn(async (_id: string, at: number, body: unknown): Promise<SaveResult> => {
      if (failNext) {
        failNext = false;
        throw new StaffApiError(0, 'network', 'offline');
      }
      if (at !== revision) return { ok: false, reason: 'conflict', currentRevision: revision };
      saves.push({ revision: at, definition: body });
      revision += 1;
      return { ok: true, revision, problems: [], updatedAt: '2026-12-01T10:00:01Z' };
    }),
    publish: vi.fn(async (_id: string, at: number) => (at === revision ? { ok: true as const, surveyId: 'desk', version: 3, publishedAt: '2026-12-01T10:00:02Z' } : { ok: false as const, reason: 'conflict' as const, currentRevision: revision })),
    draftFromVersion: vi.fn(async () => draft(revision)),
    versions: vi.fn(async () => [{ version: 1, publishedAt: 'x' }, { version: 2, publishedAt: 'y' }]),
  };
  return { api, saves, bump: () => (revision += 1), failOnce: () => (failNext = true) };
}

const rename = (title: string) => (d: typeof definition) => ({ ...d, title: { en: title } });

describe('the draft editor state', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, about a second after the designer stops typing, with the revision it loaded', async () => {
    const server = fakeServer();
    const editor = createDraftEditor({ api: server.api, surveyId: 'desk' });
    await editor.load();
    expect(editor.problems()).toEqual([{ path: 'items', message: 'needs at least one question' }]);
    for (const title of ['D', 'De', 'Des', 'Desk check']) {
      editor.update(rename(title) as never);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(editor.saveState()).toBe('unsaved');
    expect(server.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.saves).toEqual([{ revision: 1, definition: expect.objectContaining({ title: { en: 'Desk check' } }) }]);
    expect(editor.saveState()).toBe('saved');
    // The server's answer replaces the problems shown.
    expect(editor.problems()).toEqual([]);
  });

  it('sends edits made during a save with the next save, at the new revision', async () => {
    const server = fakeServer();
    const editor = createDraftEditor({ api: server.api, surveyId: 'desk' });
    await editor.load();
    editor.update(rename('One') as never);
    await vi.advanceTimersByTimeAsync(1000);
    editor.update(rename('Two') as never);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.saves.map((s) => [s.revision, (s.definition as typeof definition).title.en])).toEqual([[1, 'One'], [2, 'Two']]);
  });

  it('stops saving on a conflict and overwrites nothing until the designer reloads', async () => {
    const server = fakeServer();
    const editor = createDraftEditor({ api: server.api, surveyId: 'desk' });
    await editor.load();
    server.bump(); // someone else saved
    editor.update(rename('Mine') as never);
    await vi.advanceTimersByTimeAsync(1000);
    expect(editor.saveState()).toBe('conflict');
    editor.update(rename('Mine again') as never);
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.saves).toHaveLength(0);
    await editor.reload();
    expect(editor.saveState()).toBe('saved');
    expect(editor.definition()?.title).toEqual({ en: 'Desk' });
  });

  it('retries a save that failed for the network, keeping the edit', async () => {
    const server = fakeServer();
    const editor = createDraftEditor({ api: server.api, surveyId: 'desk' });
    await editor.load();
    server.failOnce();
    editor.update(rename('Kept') as never);
    await vi.advanceTimersByTimeAsync(1000);
    expect(editor.saveState()).toBe('failed');
    expect(editor.hasUnsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(editor.saveState()).toBe('saved');
    expect(server.saves).toHaveLength(1);
  });

  it('publishes what is on screen: unsaved typing is saved first, then the revision just saved is published', async () => {
    const server = fakeServer();
    const editor = createDraftEditor({ api: server.api, surveyId: 'desk' });
    await editor.load();
    editor.update(rename('Final') as never);
    const result = await editor.publish();
    expect(result).toEqual({ ok: true, version: 3 });
    expect(server.api.publish).toHaveBeenCalledWith('desk', 2);
    expect(editor.published()).toMatchObject({ version: 3 });
    expect(editor.loadState()).toBe('noDraft');
  });

  it('says when there is no draft, with the latest version to start one from', async () => {
    const server = fakeServer();
    server.api.draft = vi.fn(async () => {
      throw new StaffApiError(404, 'no_draft', 'no draft');
    });
    const editor = createDraftEditor({ api: server.api, surveyId: 'desk' });
    await editor.load();
    expect(editor.loadState()).toBe('noDraft');
    expect(editor.latestVersion()).toBe(2);
    await editor.draftFrom(2);
    expect(server.api.draftFromVersion).toHaveBeenCalledWith('desk', 2);
    expect(editor.loadState()).toBe('ready');
  });
});
