import { describe, expect, it } from 'vitest';
import { makeDeviceStore, type DeviceStore } from '../../src/device/deviceStore.ts';
import { getSpokenClip, saveSpokenClip } from '../../src/device/spokenClips.ts';
import { makeUuidV7 } from '../../src/survey/makeUuidV7.ts';
import type { ApiResult, DeviceApi } from '../../src/sync/deviceApi.ts';
import { uploadSpokenClips } from '../../src/sync/uploadSpokenClips.ts';
import { makeTestDatabase } from '../device/makeTestDatabase.ts';

type Upload = Parameters<DeviceApi['uploadSpoken']>[1];
type Answer = ApiResult<{ status: 'stored' | 'duplicate' }>;

const http = (status: number, code: string, message = ''): Answer => ({ ok: false, failure: { kind: 'http', status, code, message } });

/** A server that answers each upload from `answers` in turn, and remembers what it was sent. */
function fakeApi(answers: Answer[]) {
  const sent: Upload[] = [];
  const api = {
    uploadSpoken: async (_token: string, clip: Upload) => {
      sent.push(clip);
      return answers.shift() ?? { ok: true, value: { status: 'stored' } };
    },
  } as unknown as DeviceApi;
  return { api, sent };
}

async function clipOfSyncedResponse(store: DeviceStore, at: string) {
  const responseId = makeUuidV7();
  await store.recordAnswers({ responseId, surveyId: 'resident-satisfaction', surveyVersion: 2, language: 'en' }, [{ questionId: 'room.satisfied', value: true }]);
  await store.completeResponse(responseId);
  await store.acknowledge([responseId]);
  await saveSpokenClip(store, {
    responseId, questionId: 'closing.spoken', clipId: crypto.randomUUID(), mime: 'audio/webm;codecs=opus', iv: 'iv-base64url', ct: new Uint8Array(300).fill(9).buffer, durationMs: 2000,
  }, new Date(at));
  return responseId;
}

const clip = (store: DeviceStore, responseId: string) => getSpokenClip(store, responseId, 'closing.spoken');
const now = () => new Date('2026-11-04T09:00:00Z');

describe('uploading spoken comments', () => {
  it('sends each sealed clip with its ids and IV; stored or duplicate, its bytes leave the tablet', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    const first = await clipOfSyncedResponse(store, '2026-11-01T10:00:00Z');
    const second = await clipOfSyncedResponse(store, '2026-11-01T11:00:00Z');
    const { api, sent } = fakeApi([{ ok: true, value: { status: 'stored' } }, { ok: true, value: { status: 'duplicate' } }]);
    expect(await uploadSpokenClips(store, api, 'token', now)).toEqual({ uploaded: 2, failed: 0 });
    expect(sent.map((s) => s.responseId)).toEqual([first, second]);
    expect(sent[0]).toMatchObject({ questionId: 'closing.spoken', mime: 'audio/webm;codecs=opus', iv: 'iv-base64url', durationMs: 2000 });
    expect(sent[0]!.ct.byteLength).toBe(300);
    for (const id of [first, second]) expect(await clip(store, id)).toMatchObject({ uploadedAt: '2026-11-04T09:00:00.000Z', ct: new ArrayBuffer(0) });
    expect(await uploadSpokenClips(store, fakeApi([]).api, 'token', now)).toEqual({ uploaded: 0, failed: 0 });
  });

  it('keeps a clip the server cannot take yet (response_not_synced) and goes on with the others', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    const early = await clipOfSyncedResponse(store, '2026-11-01T10:00:00Z');
    const later = await clipOfSyncedResponse(store, '2026-11-01T11:00:00Z');
    const { api } = fakeApi([http(409, 'response_not_synced', 'send the response first')]);
    expect(await uploadSpokenClips(store, api, 'token', now)).toEqual({ uploaded: 1, failed: 1 });
    expect(await clip(store, early)).toMatchObject({ ct: expect.any(ArrayBuffer) });
    expect((await clip(store, early))?.ct.byteLength).toBe(300);
    expect((await clip(store, early))?.error).toBeUndefined();
    expect((await clip(store, later))?.uploadedAt).toBeDefined();
    // The next sync tries the kept one again.
    const retry = fakeApi([]);
    await uploadSpokenClips(store, retry.api, 'token', now);
    expect(retry.sent.map((s) => s.responseId)).toEqual([early]);
  });

  it('stops at a network or server failure and keeps everything for the next sync', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    const a = await clipOfSyncedResponse(store, '2026-11-01T10:00:00Z');
    const b = await clipOfSyncedResponse(store, '2026-11-01T11:00:00Z');
    const { api, sent } = fakeApi([{ ok: false, failure: { kind: 'network', message: 'offline' } }]);
    expect(await uploadSpokenClips(store, api, 'token', now)).toEqual({ uploaded: 0, failed: 1 });
    expect(sent).toHaveLength(1);
    for (const id of [a, b]) {
      const kept = await clip(store, id);
      expect([kept?.uploadedAt, kept?.error, kept?.ct.byteLength]).toEqual([undefined, undefined, 300]);
    }
    await uploadSpokenClips(store, fakeApi([http(503, 'unavailable')]).api, 'token', now);
    expect((await clip(store, a))?.error).toBeUndefined();
  });

  it('keeps a refused clip with the server\'s reason for staff, never dropping it, and does not resend it', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    const refused = await clipOfSyncedResponse(store, '2026-11-01T10:00:00Z');
    const { api } = fakeApi([http(400, 'bad_request', 'closing.spoken is not a spoken question')]);
    expect(await uploadSpokenClips(store, api, 'token', now)).toEqual({ uploaded: 0, failed: 1 });
    const kept = await clip(store, refused);
    expect(kept?.error).toBe('400 bad_request: closing.spoken is not a spoken question');
    expect(kept?.ct.byteLength).toBe(300);
    const again = fakeApi([]);
    await uploadSpokenClips(store, again.api, 'token', now);
    expect(again.sent).toEqual([]);
  });

  it('sends nothing for a response the server has not acknowledged', async () => {
    const store = makeDeviceStore(makeTestDatabase());
    const responseId = makeUuidV7();
    await store.recordAnswers({ responseId, surveyId: 'resident-satisfaction', surveyVersion: 2, language: 'en' }, [{ questionId: 'room.satisfied', value: true }]);
    await saveSpokenClip(store, { responseId, questionId: 'closing.spoken', clipId: crypto.randomUUID(), mime: 'audio/webm', iv: 'x', ct: new ArrayBuffer(64), durationMs: 1000 });
    const { api, sent } = fakeApi([]);
    await uploadSpokenClips(store, api, 'token', now);
    expect(sent).toEqual([]);
  });
});
