import { createMemo, createSignal, onCleanup } from 'solid-js';
import type { PaperEntry } from '../../survey/paper/paperEntry.ts';
import { makeUuidV7 } from '../../survey/makeUuidV7.ts';
import type { PaperApi, PaperWorkspace } from '../../staff/web/api/paperApi.ts';
import type { StaffUser } from '../../staff/web/api/wireSchemas.ts';
import { isNoNetwork } from '../../staff/web/createStaffSession.ts';
import type { StoredDraft, StoredPaperEntry } from '../store/paperDatabase.ts';
import {
  dropDraft, finishSheet, keyedHere, openPaperStore, paperCounts, readDraft, readWorkspace, recentEntries, saveDraft, saveWorkspace,
  type PaperCounts, type PaperStore,
} from '../store/paperStore.ts';
import { uploadPaperEntries } from '../store/uploadPaperEntries.ts';
import { findSheet, type SheetLookupProblem } from './findSheet.ts';
import { keySheet, sheetResult, startSheet, type KeyInput } from './keySheet.ts';

/** How often waiting sheets are offered to the server again. */
const RETRY_MS = 15_000;

/** The keyer's day, on the laptop's clock: the default "filled on" date. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export type OpenProblem = SheetLookupProblem | 'keyed-here' | 'no-workspace';

/**
 * The transcription's state as signals: the workspace (fetched when online, else the one
 * kept), the open sheet (every key written to IndexedDB before the next is taken), the
 * counts, and the upload of finished sheets.
 */
export function createPaperEntry(deps: { user: () => StaffUser; api: PaperApi; offline: () => boolean; store?: PaperStore }) {
  const store = deps.store ?? openPaperStore();
  const keyerId = () => deps.user().id;
  const [workspace, setWorkspace] = createSignal<PaperWorkspace>();
  const [workspaceError, setWorkspaceError] = createSignal<unknown>();
  const [ready, setReady] = createSignal(false);
  const [draft, setDraft] = createSignal<StoredDraft>();
  const [counts, setCounts] = createSignal<PaperCounts>({ keyed: 0, waiting: 0, uploaded: 0, othersWaiting: 0 });
  const [recent, setRecent] = createSignal<StoredPaperEntry[]>([]);
  const [uploadError, setUploadError] = createSignal<unknown>();
  const [storeError, setStoreError] = createSignal<unknown>();

  const survey = createMemo(() => {
    const open = draft();
    return open ? workspace()?.surveys.find((s) => s.id === open.head.surveyId && s.version === open.head.surveyVersion) : undefined;
  });

  let writes: Promise<unknown> = Promise.resolve();
  const write = (job: () => Promise<unknown>) => {
    writes = writes.then(job).catch((error: unknown) => setStoreError(error));
    return writes;
  };

  const refresh = async () => {
    setCounts(await paperCounts(store, keyerId()));
    setRecent(await recentEntries(store, keyerId()));
  };

  let uploading = false;
  const upload = async () => {
    if (uploading) return;
    uploading = true;
    try {
      await writes;
      await uploadPaperEntries(store, keyerId(), (entries) => deps.api.sendEntries(entries));
      setUploadError(undefined);
    } catch (error) {
      // No network: the sheets wait, as the counts say; anything else is shown.
      setUploadError(isNoNetwork(error) ? undefined : error);
    } finally {
      uploading = false;
      await refresh().catch(() => undefined);
    }
  };

  const start = async () => {
    const kept = await readWorkspace(store);
    if (kept && kept.user.id === keyerId()) setWorkspace(kept.workspace);
    if (!deps.offline()) {
      try {
        const fresh = await deps.api.workspace();
        await saveWorkspace(store, deps.user(), fresh);
        setWorkspace(fresh);
      } catch (error) {
        if (!workspace() || !isNoNetwork(error)) setWorkspaceError(error);
      }
    }
    const open = await readDraft(store, keyerId());
    if (open) setDraft(open);
    await refresh();
    setReady(true);
    void upload();
  };

  const timer = setInterval(() => {
    if (counts().waiting > 0) void upload();
  }, RETRY_MS);
  const onOnline = () => void upload();
  window.addEventListener('online', onOnline);
  onCleanup(() => {
    clearInterval(timer);
    window.removeEventListener('online', onOnline);
  });

  return {
    workspace,
    workspaceError,
    ready,
    draft,
    survey,
    counts,
    recent,
    uploadError,
    storeError,
    start,
    upload,
    /** Opens the sheet a serial or QR text names, or says why not. */
    async open(typed: string, facilityId: string, filledOn: string): Promise<OpenProblem | null> {
      const ws = workspace();
      if (!ws) return 'no-workspace';
      const found = findSheet(ws, typed, facilityId);
      if (!found.ok) return found.problem;
      if (await keyedHere(store, found.head.facilityId, found.head.serial, keyerId(), ws.doubleEntry)) return 'keyed-here';
      const now = new Date().toISOString();
      const opened: StoredDraft = { keyerId: keyerId(), entryId: makeUuidV7(), head: found.head, filledOn, state: startSheet(found.survey), startedAt: now, updatedAt: now };
      setDraft(opened);
      await write(() => saveDraft(store, opened));
      return null;
    },
    /** One key on the open sheet; true when it finished the sheet (now in the outbox). */
    async key(input: KeyInput): Promise<boolean> {
      const open = draft();
      const definition = survey();
      if (!open || !definition) return false;
      const state = keySheet(definition, open.state, input);
      if (state === open.state) return false;
      if (!state.finished) {
        const next = { ...open, state, updatedAt: new Date().toISOString() };
        setDraft(next);
        void write(() => saveDraft(store, next));
        return false;
      }
      const { answers, unreadable } = sheetResult(definition, state);
      const entry: PaperEntry = { entryId: open.entryId, ...open.head, filledOn: open.filledOn, answers, unreadable, keyedAt: new Date().toISOString() };
      setDraft(undefined);
      await write(() => finishSheet(store, keyerId(), entry));
      await refresh();
      void upload();
      return true;
    },
    setFilledOn(filledOn: string) {
      const open = draft();
      if (!open) return;
      const next = { ...open, filledOn };
      setDraft(next);
      void write(() => saveDraft(store, next));
    },
    /** Puts the open sheet aside unsaved (a wrong serial typed). */
    async discard() {
      setDraft(undefined);
      await write(() => dropDraft(store, keyerId()));
    },
  };
}

export type PaperEntryController = ReturnType<typeof createPaperEntry>;
