/**
 * Respondents' spoken comments on this tablet (the Dexie table `spokenClips`): only ever
 * sealed (AES-GCM under the response's content key), kept until the server has them, then
 * their bytes are deleted and the row stays as a receipt. Every call commits or throws a
 * StorageFault.
 */
import type { SpokenClip } from './database.ts';
import type { DeviceStore } from './deviceStore.ts';
import { classifyStorageError, StorageFault } from './storageFault.ts';

/** What the kiosk hands in: the sealed recording, never its sound. */
export type SealedSpokenClip = Omit<SpokenClip, 'recordedAt' | 'uploadedAt' | 'error'>;

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw classifyStorageError(error);
  }
}

/**
 * Stores a sealed spoken comment as the one for its response and question, replacing an
 * earlier recording of the same question (record again).
 */
export function saveSpokenClip(store: DeviceStore, clip: SealedSpokenClip, now = new Date()): Promise<SpokenClip> {
  // A GCM ciphertext is at least its 16-byte tag: anything shorter is not sealed.
  if (!(clip.ct instanceof ArrayBuffer) || clip.ct.byteLength <= 16) return Promise.reject(new StorageFault('failed', 'a spoken comment is stored only sealed and not empty'));
  const db = store.database;
  const row: SpokenClip = {
    responseId: clip.responseId,
    questionId: clip.questionId,
    clipId: clip.clipId,
    mime: clip.mime,
    iv: clip.iv,
    ct: clip.ct,
    durationMs: Math.round(clip.durationMs),
    recordedAt: now.toISOString(),
  };
  return guard(async () => {
    await db.spokenClips.put(row);
    return row;
  });
}

/** The respondent withdrew their recording: the sealed sound goes from the tablet. */
export function deleteSpokenClip(store: DeviceStore, responseId: string, questionId: string): Promise<void> {
  return guard(() => store.database.spokenClips.delete([responseId, questionId]));
}

export function getSpokenClip(store: DeviceStore, responseId: string, questionId: string): Promise<SpokenClip | undefined> {
  return guard(() => store.database.spokenClips.get([responseId, questionId]));
}

/**
 * Clips still to send whose response the server has acknowledged (the upload route needs
 * the response first), oldest first. A clip the server refused (it has an `error`) waits for
 * staff instead: sending the same bytes again would be refused again.
 */
export function listSpokenClipsToUpload(store: DeviceStore): Promise<SpokenClip[]> {
  const db = store.database;
  return guard(() =>
    db.transaction('r', db.spokenClips, db.responses, async () => {
      const waiting = await db.spokenClips.filter((clip) => !clip.uploadedAt && !clip.error).toArray();
      const responses = await db.responses.bulkGet([...new Set(waiting.map((clip) => clip.responseId))]);
      const synced = new Set(responses.flatMap((response) => (response?.syncedAt ? [response.id] : [])));
      return waiting.filter((clip) => synced.has(clip.responseId)).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
    }),
  );
}

/** Every clip still on the tablet that the server does not have: for staff's status view. */
export function listSpokenClipsNotUploaded(store: DeviceStore): Promise<SpokenClip[]> {
  return guard(() => store.database.spokenClips.filter((clip) => !clip.uploadedAt).toArray());
}

/** The server has it (stored or duplicate): its bytes are deleted, the receipt kept. */
export function markSpokenClipUploaded(store: DeviceStore, responseId: string, questionId: string, now = new Date()): Promise<void> {
  const db = store.database;
  return guard(() =>
    db.transaction('rw', db.spokenClips, async () => {
      const clip = await db.spokenClips.get([responseId, questionId]);
      if (!clip) return;
      const { error: _error, ...rest } = clip;
      await db.spokenClips.put({ ...rest, ct: new ArrayBuffer(0), uploadedAt: now.toISOString() });
    }),
  );
}

/** The server refused it for a reason waiting will not fix: kept, with the reason, for staff. */
export function markSpokenClipRefused(store: DeviceStore, responseId: string, questionId: string, error: string): Promise<void> {
  return guard(async () => {
    await store.database.spokenClips.update([responseId, questionId], { error });
  });
}
