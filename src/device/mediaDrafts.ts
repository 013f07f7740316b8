/**
 * Prompt clips recorded on this tablet (the Dexie table `mediaDrafts`): saved the moment
 * a recording stops, replaced by a re-recording, queued by "Publish", uploaded by the sync
 * pass (src/sync/uploadMediaDrafts.ts). Every call commits or throws a StorageFault, and a
 * failed write leaves the previous draft as it was.
 */
import type { MediaDraft } from './database.ts';
import type { DeviceStore } from './deviceStore.ts';
import { classifyStorageError, StorageFault } from './storageFault.ts';

export type MediaDraftStatus = MediaDraft['status'];

/** What a finished recording hands in. */
export interface NewRecording {
  id: string;
  key: string;
  language: string;
  textHash: string;
  mime: string;
  audio: ArrayBuffer;
  durationMs: number;
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw classifyStorageError(error);
  }
}

/** Drafts and queued clips of one prompt and language: what a new recording replaces. */
const unpublished = (store: DeviceStore, key: string, language: string) =>
  store.database.mediaDrafts.where('[key+language]').equals([key, language]).filter((draft) => draft.status !== 'published');

/**
 * Stores a new recording as the draft for its prompt and language, replacing any earlier
 * draft or not-yet-uploaded clip for that slot, in one transaction.
 */
export function saveMediaDraft(store: DeviceStore, recording: NewRecording, now = new Date()): Promise<MediaDraft> {
  if (recording.audio.byteLength === 0) return Promise.reject(new StorageFault('failed', 'an empty recording is not stored'));
  const db = store.database;
  return guard(() =>
    db.transaction('rw', db.mediaDrafts, async () => {
      const draft: MediaDraft = { ...recording, durationMs: Math.round(recording.durationMs), recordedAt: now.toISOString(), status: 'draft' };
      await unpublished(store, recording.key, recording.language).delete();
      await db.mediaDrafts.add(draft);
      return draft;
    }),
  );
}

async function update(store: DeviceStore, id: string, change: (draft: MediaDraft) => MediaDraft | undefined): Promise<MediaDraft | undefined> {
  const db = store.database;
  return guard(() =>
    db.transaction('rw', db.mediaDrafts, async () => {
      const draft = await db.mediaDrafts.get(id);
      if (!draft) return undefined;
      const next = change(draft);
      if (next) await db.mediaDrafts.put(next);
      return next ?? draft;
    }),
  );
}

/** "Publish": the draft waits for the next sync pass; an earlier refusal is cleared. */
export const queueMediaDraft = (store: DeviceStore, id: string) =>
  update(store, id, (draft) => {
    if (draft.status !== 'draft') return undefined;
    const { error: _previous, ...rest } = draft;
    return { ...rest, status: 'queued' };
  });

/** The server has it: its bytes are dropped to save room (the bundle brings the clip back), its metadata kept. */
export const markMediaDraftPublished = (store: DeviceStore, id: string, now = new Date()) =>
  update(store, id, (draft) => ({ ...draft, status: 'published', publishedAt: now.toISOString(), audio: new ArrayBuffer(0) }));

/** The server refused it (bad file, too large): back to a draft, with the reason for staff. */
export const markMediaDraftRefused = (store: DeviceStore, id: string, error: string) =>
  update(store, id, (draft) => (draft.status === 'published' ? undefined : { ...draft, status: 'draft', error }));

export const getMediaDraft = (store: DeviceStore, id: string) => guard(() => store.database.mediaDrafts.get(id));

/** Drafts in one status (all without one), oldest recording first. */
export function listMediaDrafts(store: DeviceStore, status?: MediaDraftStatus): Promise<MediaDraft[]> {
  const table = store.database.mediaDrafts;
  return guard(async () => {
    const drafts = status ? await table.where('status').equals(status).toArray() : await table.toArray();
    return drafts.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  });
}

/** The newest clip recorded here for a prompt and language, in whatever status. */
export async function latestMediaDraft(store: DeviceStore, key: string, language: string): Promise<MediaDraft | undefined> {
  const drafts = await guard(() => store.database.mediaDrafts.where('[key+language]').equals([key, language]).toArray());
  return drafts.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0];
}
