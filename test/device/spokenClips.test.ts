import { describe, expect, it } from 'vitest';
import { makeDeviceStore } from '../../src/device/deviceStore.ts';
import {
  deleteSpokenClip, getSpokenClip, listSpokenClipsNotUploaded, listSpokenClipsToUpload, markSpokenClipRefused, markSpokenClipUploaded, saveSpokenClip,
  type SealedSpokenClip,
} from '../../src/device/spokenClips.ts';
import { StorageFault } from '../../src/device/storageFault.ts';
import { makeUuidV7 } from '../../src/survey/makeUuidV7.ts';
import { makeTestDatabase } from './makeTestDatabase.ts';

const ref = (responseId = makeUuidV7()) => ({ responseId, surveyId: 'mini', surveyVersion: 1, language: 'en' });

const sealedClip = (responseId: string, questionId = 'closing.spoken', size = 600): SealedSpokenClip => ({
  responseId,
  questionId,
  clipId: crypto.randomUUID(),
  mime: 'audio/webm;codecs=opus',
  iv: 'AAAAAAAAAAAAAAAA',
  ct: new Uint8Array(size).fill(7).buffer,
  durationMs: 2049.6,
});

async function setUp() {
  const db = makeTestDatabase();
  const store = makeDeviceStore(db);
  return { db, store };
}

/** A closed response the server has acknowledged. */
async function syncedResponse(store: ReturnType<typeof makeDeviceStore>) {
  const r = ref();
  await store.recordAnswers(r, [{ questionId: 'room.satisfied', value: true }]);
  await store.completeResponse(r.responseId);
  await store.acknowledge([r.responseId]);
  return r.responseId;
}

describe('spoken clips on the tablet', () => {
  it('keeps one sealed clip per response and question: a new recording replaces the earlier one', async () => {
    const { store, db } = await setUp();
    const responseId = makeUuidV7();
    const first = await saveSpokenClip(store, sealedClip(responseId), new Date('2026-11-02T10:00:00Z'));
    const second = await saveSpokenClip(store, sealedClip(responseId));
    expect(await db.spokenClips.count()).toBe(1);
    const stored = await getSpokenClip(store, responseId, 'closing.spoken');
    expect(stored?.clipId).toBe(second.clipId);
    expect(stored?.clipId).not.toBe(first.clipId);
    expect(stored).toMatchObject({ durationMs: 2050, mime: 'audio/webm;codecs=opus' });
    expect(first.recordedAt).toBe('2026-11-02T10:00:00.000Z');
  });

  it('refuses bytes too short to be sealed, storing nothing', async () => {
    const { store, db } = await setUp();
    await expect(saveSpokenClip(store, { ...sealedClip(makeUuidV7()), ct: new ArrayBuffer(0) })).rejects.toBeInstanceOf(StorageFault);
    await expect(saveSpokenClip(store, { ...sealedClip(makeUuidV7()), ct: new ArrayBuffer(16) })).rejects.toBeInstanceOf(StorageFault);
    expect(await db.spokenClips.count()).toBe(0);
  });

  it('lists for upload only clips whose response the server has acknowledged', async () => {
    const { store } = await setUp();
    const synced = await syncedResponse(store);
    const unsent = ref();
    await store.recordAnswers(unsent, [{ questionId: 'room.satisfied', value: true }]);
    await saveSpokenClip(store, sealedClip(synced));
    await saveSpokenClip(store, sealedClip(unsent.responseId));
    await saveSpokenClip(store, sealedClip(makeUuidV7()));
    expect((await listSpokenClipsToUpload(store)).map((c) => c.responseId)).toEqual([synced]);
    expect(await listSpokenClipsNotUploaded(store)).toHaveLength(3);
  });

  it('deletes the bytes once uploaded and keeps the receipt', async () => {
    const { store } = await setUp();
    const responseId = await syncedResponse(store);
    await saveSpokenClip(store, sealedClip(responseId));
    await markSpokenClipUploaded(store, responseId, 'closing.spoken', new Date('2026-11-03T08:00:00Z'));
    const receipt = await getSpokenClip(store, responseId, 'closing.spoken');
    expect(receipt?.ct.byteLength).toBe(0);
    expect(receipt?.uploadedAt).toBe('2026-11-03T08:00:00.000Z');
    expect(await listSpokenClipsToUpload(store)).toEqual([]);
    expect(await listSpokenClipsNotUploaded(store)).toEqual([]);
  });

  it('keeps a refused clip, with the reason, out of the next uploads', async () => {
    const { store } = await setUp();
    const responseId = await syncedResponse(store);
    await saveSpokenClip(store, sealedClip(responseId));
    await markSpokenClipRefused(store, responseId, 'closing.spoken', '400 bad_request: not a spoken question');
    expect(await listSpokenClipsToUpload(store)).toEqual([]);
    const [kept] = await listSpokenClipsNotUploaded(store);
    expect(kept).toMatchObject({ error: '400 bad_request: not a spoken question' });
    expect(kept?.ct.byteLength).toBe(600);
  });

  it('deletes a withdrawn recording', async () => {
    const { store, db } = await setUp();
    const responseId = makeUuidV7();
    await saveSpokenClip(store, sealedClip(responseId));
    await saveSpokenClip(store, sealedClip(responseId, 'other.spoken'));
    await deleteSpokenClip(store, responseId, 'closing.spoken');
    expect((await db.spokenClips.toArray()).map((c) => c.questionId)).toEqual(['other.spoken']);
  });
});
