import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { makeDeviceStore } from '../../src/device/deviceStore.ts';
import {
  getMediaDraft,
  latestMediaDraft,
  listMediaDrafts,
  markMediaDraftPublished,
  markMediaDraftRefused,
  queueMediaDraft,
  saveMediaDraft,
  type NewRecording,
} from '../../src/device/mediaDrafts.ts';
import { StorageFault } from '../../src/device/storageFault.ts';
import { makeTestDatabase } from './makeTestDatabase.ts';

const t0 = new Date('2026-11-30T09:00:00Z');
const t1 = new Date('2026-11-30T09:05:00Z');
const bytes = (...values: number[]) => new Uint8Array(values).buffer;
const recording = (id: string, audio = bytes(0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3), key = 'resident-satisfaction.room.satisfied', language = 'ps'): NewRecording => ({
  id,
  key,
  language,
  textHash: '00112233445566',
  mime: 'audio/webm;codecs=opus',
  audio,
  durationMs: 2345.6,
});

describe('recorded prompt drafts on the tablet', () => {
  it('keeps a recording as a draft the moment it is saved, with its bytes and whole milliseconds', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    await saveMediaDraft(store, recording('a'), t0);
    const draft = await getMediaDraft(store, 'a');
    expect(draft).toMatchObject({ status: 'draft', key: 'resident-satisfaction.room.satisfied', language: 'ps', durationMs: 2346, recordedAt: t0.toISOString() });
    expect([...new Uint8Array(draft!.audio)]).toEqual([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]);
  });

  it('replaces the earlier draft of the same prompt and language when it is recorded again, and leaves other slots alone', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    await saveMediaDraft(store, recording('first'), t0);
    await saveMediaDraft(store, recording('other-language', undefined, undefined, 'ti'), t0);
    await saveMediaDraft(store, recording('second', bytes(9, 9)), t1);
    expect((await listMediaDrafts(store)).map((d) => d.id).sort()).toEqual(['other-language', 'second']);
    expect((await latestMediaDraft(store, 'resident-satisfaction.room.satisfied', 'ps'))?.id).toBe('second');
  });

  it('replaces a queued clip not yet uploaded, but keeps the record of a published one', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    await saveMediaDraft(store, recording('published'), t0);
    await queueMediaDraft(store, 'published');
    await markMediaDraftPublished(store, 'published', t0);
    await saveMediaDraft(store, recording('queued'), t0);
    await queueMediaDraft(store, 'queued');
    await saveMediaDraft(store, recording('newest'), t1);
    expect((await listMediaDrafts(store)).map((d) => [d.id, d.status])).toEqual([
      ['published', 'published'],
      ['newest', 'draft'],
    ]);
  });

  it('refuses an empty recording and keeps the previous draft', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    await saveMediaDraft(store, recording('kept'), t0);
    await expect(saveMediaDraft(store, recording('empty', new ArrayBuffer(0)), t1)).rejects.toBeInstanceOf(StorageFault);
    expect((await listMediaDrafts(store)).map((d) => d.id)).toEqual(['kept']);
  });

  it('queues a draft on publish, clearing an earlier refusal, and lists by status', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    await saveMediaDraft(store, recording('a'), t0);
    await saveMediaDraft(store, recording('b', undefined, 'app.consent.title'), t1);
    await queueMediaDraft(store, 'a');
    await markMediaDraftRefused(store, 'a', '415 unsupported_audio: not audio');
    expect(await getMediaDraft(store, 'a')).toMatchObject({ status: 'draft', error: '415 unsupported_audio: not audio' });
    await queueMediaDraft(store, 'a');
    const queued = await listMediaDrafts(store, 'queued');
    expect(queued.map((d) => d.id)).toEqual(['a']);
    expect(queued[0]!.error).toBeUndefined();
    expect((await listMediaDrafts(store, 'draft')).map((d) => d.id)).toEqual(['b']);
  });

  it('drops the bytes of a published clip to save room, keeping what it was', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    await saveMediaDraft(store, recording('a'), t0);
    await queueMediaDraft(store, 'a');
    await markMediaDraftPublished(store, 'a', t1);
    const published = await getMediaDraft(store, 'a');
    expect(published).toMatchObject({ status: 'published', publishedAt: t1.toISOString(), key: 'resident-satisfaction.room.satisfied', language: 'ps', durationMs: 2346 });
    expect(published!.audio.byteLength).toBe(0);
    // A late refusal cannot turn a published clip back into a draft without bytes.
    await markMediaDraftRefused(store, 'a', '400 bad_request');
    expect((await getMediaDraft(store, 'a'))?.status).toBe('published');
  });

  it('reports a full disk as a storage fault of kind "full", and the earlier draft survives', async () => {
    const db = makeTestDatabase();
    const store = makeDeviceStore(db);
    await saveMediaDraft(store, recording('kept'), t0);
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.mediaDrafts, 'add').mockImplementation(() => Dexie.Promise.reject(quota) as never);
    await expect(saveMediaDraft(store, recording('new'), t1)).rejects.toMatchObject({ kind: 'full' });
    spy.mockRestore();
    expect((await listMediaDrafts(store)).map((d) => d.id)).toEqual(['kept']);
  });
});
