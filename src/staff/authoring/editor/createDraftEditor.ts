/**
 * The editor's state: the draft as the designer changes it, saved about a second after they
 * stop typing (PUT with the revision it was loaded at), the server's problems after each
 * save, a conflict when someone else saved in between (nothing is overwritten: reload), and
 * publishing, which first saves what is on screen so the version is exactly what was seen.
 */
import { batch, createSignal } from 'solid-js';
import type { DefinitionProblem } from '../../../survey/parseSurvey.ts';
import { StaffApiError } from '../../web/api/makeStaffApi.ts';
import type { AuthoringApi, SurveyDraft } from '../authoringApi.ts';
import type { DraftDefinition } from './draftPaths.ts';

export type DraftApi = Pick<AuthoringApi, 'draft' | 'saveDraft' | 'publish' | 'draftFromVersion' | 'versions'>;

export type LoadState = 'loading' | 'ready' | 'noDraft' | 'failed';
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'failed';

export interface Published {
  version: number;
  publishedAt: string;
}

const SAVE_DELAY_MS = 1000;
const RETRY_DELAY_MS = 5000;

/** A draft from the server as the editor's definition: the containers it walks are always there. */
function normalise(raw: Record<string, unknown>, surveyId: string): DraftDefinition {
  const languages = Array.isArray(raw.languages) ? (raw.languages as string[]) : [];
  return {
    ...raw,
    id: typeof raw.id === 'string' ? raw.id : surveyId,
    title: (raw.title as DraftDefinition['title'] | undefined) ?? {},
    defaultLanguage: typeof raw.defaultLanguage === 'string' ? raw.defaultLanguage : (languages[0] ?? 'en'),
    languages,
    translationStatus: (raw.translationStatus as DraftDefinition['translationStatus'] | undefined) ?? {},
    items: Array.isArray(raw.items) ? (raw.items as DraftDefinition['items']) : [],
  } as DraftDefinition;
}

export function createDraftEditor(deps: { api: DraftApi; surveyId: string; saveDelayMs?: number }) {
  const { api, surveyId } = deps;
  const delay = deps.saveDelayMs ?? SAVE_DELAY_MS;
  const [loadState, setLoadState] = createSignal<LoadState>('loading');
  const [loadError, setLoadError] = createSignal<unknown>();
  const [definition, setDefinition] = createSignal<DraftDefinition>();
  const [problems, setProblems] = createSignal<DefinitionProblem[]>([]);
  const [saveState, setSaveState] = createSignal<SaveState>('saved');
  const [saveError, setSaveError] = createSignal<unknown>();
  const [published, setPublished] = createSignal<Published>();
  const [publishing, setPublishing] = createSignal(false);
  /** Bumped after each successful save: the preview reloads on it. */
  const [savedCount, setSavedCount] = createSignal(0);
  const [latestVersion, setLatestVersion] = createSignal<number | null>(null);

  let revision = 0;
  /** Edits since the last save started (a save in flight leaves them for the next one). */
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;

  const take = (draft: SurveyDraft) => {
    revision = draft.revision;
    dirty = false;
    batch(() => {
      setDefinition(normalise(draft.definition, surveyId));
      setProblems(draft.problems);
      setSaveState('saved');
      setSaveError(undefined);
      setLoadState('ready');
      setSavedCount((n) => n + 1);
    });
  };

  const versionsKnown = async () => {
    const versions = await api.versions(surveyId).catch(() => []);
    setLatestVersion(versions.length ? Math.max(...versions.map((v) => v.version)) : null);
  };

  async function load(): Promise<void> {
    setLoadState('loading');
    setLoadError(undefined);
    try {
      take(await api.draft(surveyId));
      // The publish button names the version it makes.
      void versionsKnown();
    } catch (error) {
      if (error instanceof StaffApiError && error.status === 404) {
        await versionsKnown();
        setLoadState('noDraft');
        return;
      }
      setLoadError(error);
      setLoadState('failed');
    }
  }

  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void save();
    }, ms);
  };

  /** Sends what is on screen now; edits made meanwhile are sent by the next save. */
  function save(): Promise<void> {
    if (inFlight) return inFlight;
    const current = definition();
    if (!current || !dirty || saveState() === 'conflict') return Promise.resolve();
    dirty = false;
    setSaveState('saving');
    inFlight = (async () => {
      try {
        const result = await api.saveDraft(surveyId, revision, current);
        if (!result.ok) {
          setSaveState('conflict');
          return;
        }
        revision = result.revision;
        batch(() => {
          setProblems(result.problems);
          setSaveError(undefined);
          setSaveState(dirty ? 'unsaved' : 'saved');
          setSavedCount((n) => n + 1);
        });
      } catch (error) {
        dirty = true;
        batch(() => {
          setSaveError(error);
          setSaveState('failed');
        });
        schedule(RETRY_DELAY_MS);
      } finally {
        inFlight = undefined;
      }
      if (dirty && saveState() === 'unsaved') schedule(delay);
    })();
    return inFlight;
  }

  /** Saves now (and waits): before publishing, or leaving. True when nothing is left unsaved. */
  async function flush(): Promise<boolean> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    for (let attempt = 0; attempt < 3 && (dirty || inFlight); attempt++) {
      await inFlight;
      await save();
    }
    return !dirty && saveState() === 'saved';
  }

  return {
    surveyId,
    load,
    loadState,
    loadError,
    definition,
    problems,
    saveState,
    saveError,
    savedCount,
    published,
    publishing,
    latestVersion,
    flush,

    /** One edit: on screen at once, saved after the designer pauses. */
    update(change: (current: DraftDefinition) => DraftDefinition) {
      const current = definition();
      if (!current || saveState() === 'conflict') return;
      setDefinition(change(current));
      dirty = true;
      if (saveState() !== 'saving') setSaveState('unsaved');
      schedule(delay);
    },

    /** Publishes what is on screen: saved first; the server checks it again and publishes all or nothing. */
    async publish(): Promise<{ ok: true; version: number } | { ok: false; reason: 'invalid' | 'conflict' | 'unsaved' }> {
      setPublishing(true);
      try {
        if (!(await flush())) return { ok: false, reason: saveState() === 'conflict' ? 'conflict' : 'unsaved' };
        const result = await api.publish(surveyId, revision);
        if (result.ok) {
          batch(() => {
            setPublished({ version: result.version, publishedAt: result.publishedAt });
            setLatestVersion(result.version);
            setDefinition(undefined);
            setProblems([]);
            setLoadState('noDraft');
          });
          return { ok: true, version: result.version };
        }
        if (result.reason === 'invalid') setProblems(result.problems);
        else setSaveState('conflict');
        return { ok: false, reason: result.reason };
      } finally {
        setPublishing(false);
      }
    },

    /** A new draft from a published version (after publishing, or when the survey has none). */
    async draftFrom(version: number) {
      setPublished(undefined);
      take(await api.draftFromVersion(surveyId, version));
    },

    /** Someone else's changes won: load theirs (what was typed here since the last save is dropped). */
    reload: load,

    /** Leaving the screen: no timer left behind. */
    dispose() {
      if (timer) clearTimeout(timer);
    },

    /** Whether leaving now would lose typing. */
    hasUnsaved: () => dirty || saveState() === 'saving',
  };
}

export type DraftEditor = ReturnType<typeof createDraftEditor>;
