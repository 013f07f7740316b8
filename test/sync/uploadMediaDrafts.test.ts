import { describe, expect, it } from 'vitest';
import { makeDeviceStore } from '../../src/device/deviceStore.ts';
import { getMediaDraft, listMediaDrafts, queueMediaDraft, saveMediaDraft } from '../../src/device/mediaDrafts.ts';
import type { ApiResult, DeviceApi } from '../../src/sync/deviceApi.ts';
import { uploadMediaDrafts } from '../../src/sync/uploadMediaDrafts.ts';
import type { MediaClip } from '../../src/survey/mediaIndex.ts';
import { makeTestDatabase } from '../device/makeTestDatabase.ts';

type Upload = Parameters<DeviceApi['uploadMedia']>[1];
type Answer = ApiResult<{ clip: MediaClip; duplicate?: boolean }>;
const now = () => new Date('2026-11-30T10:00:00Z');

/** A server that answers each upload with the next scripted answer, and remembers what it was sent. */
function fakeApi(answers: Answer[]) {
  const sent: Array<{ token: string; clip: Upload; bytes: number[] }> = [];
  const api = {
    uploadMedia: async (token: string, clip: Upload) => {
      sent.push({ token, clip, bytes: [...new Uint8Array(clip.audio)] });
      return answers.shift() ?? { ok: false, failure: { kind: 'network', message: 'unscripted' } };
    },
  } as unknown as DeviceApi;
  return { api, sent };
}

const accepted = (id: string, duplicate = false): Answer => ({ ok: true, value: { clip: { key: 'k', language: 'ps', url: `/api/v1/media/${id}`, mime: 'audio/webm', bytes: 3, textHash: '00112233445566', origin: 'recorded' }, ...(duplicate ? { duplicate } : {}) } });

async function storeWithQueued(ids: string[]) {
  const store = makeDeviceStore(makeTestDatabase());
  for (const [n, id] of ids.entries()) {
    await saveMediaDraft(store, { id, key: `app.prompt${n}`, language: 'ps', textHash: '00112233445566', mime: 'audio/webm;codecs=opus', audio: new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, n]).buffer, durationMs: 1500 }, new Date(Date.UTC(2026, 10, 30, 9, n)));
    await queueMediaDraft(store, id);
  }
  return store;
}

describe('uploading prompt clips published on the tablet', () => {
  it('sends each queued clip with its draft id as clipId, marks it published and drops its bytes', async () => {
    const store = await storeWithQueued(['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222']);
    const { api, sent } = fakeApi([accepted('1'), accepted('2')]);
    expect(await uploadMediaDrafts(store, api, 'device-token', now)).toEqual({ uploaded: 2, failed: 0 });
    expect(sent.map((s) => [s.token, s.clip.clipId, s.clip.key, s.clip.language, s.clip.mime, s.clip.durationMs])).toEqual([
      ['device-token', '11111111-1111-4111-8111-111111111111', 'app.prompt0', 'ps', 'audio/webm;codecs=opus', 1500],
      ['device-token', '22222222-2222-4222-8222-222222222222', 'app.prompt1', 'ps', 'audio/webm;codecs=opus', 1500],
    ]);
    expect(sent[0]!.bytes).toEqual([0x1a, 0x45, 0xdf, 0xa3, 0]);
    const published = await listMediaDrafts(store, 'published');
    expect(published).toHaveLength(2);
    expect(published.every((d) => d.audio.byteLength === 0 && d.publishedAt === now().toISOString())).toBe(true);
  });

  it('counts a duplicate (the server already had it after a lost answer) as published', async () => {
    const store = await storeWithQueued(['a']);
    const { api } = fakeApi([accepted('a', true)]);
    expect(await uploadMediaDrafts(store, api, 't', now)).toEqual({ uploaded: 1, failed: 0 });
    expect((await getMediaDraft(store, 'a'))?.status).toBe('published');
  });

  it('keeps a clip queued with its bytes when the server cannot be reached or fails, and stops the pass there', async () => {
    for (const failure of [{ kind: 'network', message: 'offline' }, { kind: 'http', status: 503, code: 'http_503', message: 'busy' }, { kind: 'http', status: 401, code: 'unauthorized', message: 'revoked' }] as const) {
      const store = await storeWithQueued(['a', 'b']);
      const { api, sent } = fakeApi([{ ok: false, failure }]);
      expect(await uploadMediaDrafts(store, api, 't', now)).toEqual({ uploaded: 0, failed: 1 });
      expect(sent).toHaveLength(1);
      const queued = await listMediaDrafts(store, 'queued');
      expect(queued.map((d) => d.id)).toEqual(['a', 'b']);
      expect(queued[0]!.audio.byteLength).toBe(5);
      expect(queued[0]!.error).toBeUndefined();
    }
  });

  it('turns a refused clip (415, 413, 400) back into a draft with the reason, keeps its bytes, and goes on with the rest', async () => {
    const store = await storeWithQueued(['bad-type', 'too-big', 'malformed', 'fine']);
    const { api } = fakeApi([
      { ok: false, failure: { kind: 'http', status: 415, code: 'unsupported_audio', message: 'not a WebM file' } },
      { ok: false, failure: { kind: 'http', status: 413, code: 'too_large', message: 'at most 2 MiB' } },
      { ok: false, failure: { kind: 'http', status: 400, code: 'bad_request', message: 'textHash malformed' } },
      accepted('fine'),
    ]);
    expect(await uploadMediaDrafts(store, api, 't', now)).toEqual({ uploaded: 1, failed: 3 });
    const drafts = await listMediaDrafts(store, 'draft');
    expect(drafts.map((d) => [d.id, d.error])).toEqual([
      ['bad-type', '415 unsupported_audio: not a WebM file'],
      ['too-big', '413 too_large: at most 2 MiB'],
      ['malformed', '400 bad_request: textHash malformed'],
    ]);
    expect(drafts.every((d) => d.audio.byteLength === 5)).toBe(true);
    expect((await getMediaDraft(store, 'fine'))?.status).toBe('published');
  });

  it('sends nothing when nothing is queued (a draft waits for "Publish")', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    await saveMediaDraft(store, { id: 'd', key: 'k', language: 'ps', textHash: '00112233445566', mime: 'audio/webm', audio: new Uint8Array([1]).buffer, durationMs: 10 });
    const { api, sent } = fakeApi([]);
    expect(await uploadMediaDrafts(store, api, 't', now)).toEqual({ uploaded: 0, failed: 0 });
    expect(sent).toHaveLength(0);
  });
});
