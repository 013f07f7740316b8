import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { MediaIndexSchema } from '../../../src/survey/mediaIndex.ts';
import { LAUNCH_LANGUAGES } from '../../../src/survey/languages.ts';
import * as v from 'valibot';
import { call, errorCode } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { audioWorld, bearer, bundleOf, wavBytes, webmBytes } from './support/audioFixture.ts';

const HASH = '0123456789abcd';
const DAY_MS = 86_400_000;

for (const kind of testDatabaseKinds()) {
  describe(`prompt clips (POST /media, GET /media/:id, the bundle's media index) on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    let world: Awaited<ReturnType<typeof audioWorld>>;
    // The tablet side's clock: moved forward to see a replaced clip expire.
    let offsetMs = 0;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      app = createApp({ staticRoot: 'dist', db: database.db, staff: { loginPerMinute: 1000 }, device: { enrollPerMinute: 1000, now: () => new Date(Date.now() + offsetMs) } });
      world = await audioWorld(app, database.db);
    });
    afterAll(() => dispose?.());

    const params = (over: Record<string, string> = {}) =>
      new URLSearchParams({ clipId: crypto.randomUUID(), key: 'resident.room.satisfied', language: 'ti', textHash: HASH, durationMs: '1500', ...over });
    const upload = (device: { token: string }, bytes: Uint8Array<ArrayBuffer>, query: URLSearchParams, type = 'audio/wav', headers: Record<string, string> = {}) =>
      app.request(`/api/v1/media?${query}`, { method: 'POST', headers: { 'content-type': type, ...bearer(device), ...headers }, body: bytes });

    it('stores a tablet\'s clip as the organisation\'s current one and lists it in the bundle of every tablet of the organisation, with a new ETag', async () => {
      const before = await bundleOf(app, world.deviceB);
      expect(before.body.media).toEqual({ clips: [] });
      const audio = wavBytes(800);
      const query = params({ key: 'app.welcome.title', language: 'ps' });
      const response = await upload(world.deviceA, audio, query);
      expect(response.status).toBe(201);
      const { clip } = (await response.json()) as { clip: Record<string, unknown> };
      expect(clip).toMatchObject({ key: 'app.welcome.title', language: 'ps', mime: 'audio/wav', bytes: audio.length, textHash: HASH, origin: 'recorded', durationMs: 1500 });
      expect(clip.url).toMatch(/^\/api\/v1\/media\/[A-Za-z0-9_-]{22}$/);
      expect(Object.keys(clip).sort()).toEqual(['bytes', 'durationMs', 'key', 'language', 'mime', 'origin', 'recordedAt', 'textHash', 'url']);

      const after = await bundleOf(app, world.deviceB);
      expect(after.etag).not.toBe(before.etag);
      expect(v.parse(MediaIndexSchema, after.body.media).clips).toEqual([clip]);
      // Who recorded it stays on the server.
      expect(JSON.stringify(after.body.media)).not.toContain(world.deviceA.enrollmentId);
      const served = await app.request(clip.url as string);
      expect(served.status).toBe(200);
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(audio);
    });

    it('answers a retry with the same clipId and bytes as a duplicate, and the same clipId with other bytes as a conflict', async () => {
      const query = params({ key: 'app.retry.title' });
      const first = await upload(world.deviceA, wavBytes(400, 2), query);
      expect(first.status).toBe(201);
      const { clip } = await first.json();
      const etag = (await bundleOf(app, world.deviceA)).etag;
      const again = await upload(world.deviceA, wavBytes(400, 2), query);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ clip, duplicate: true });
      expect((await bundleOf(app, world.deviceA)).etag).toBe(etag);
      const other = await upload(world.deviceA, wavBytes(400, 3), query);
      expect(other.status).toBe(409);
      expect(await errorCode(other)).toBe('clip_conflict');
    });

    it('replaces the earlier clip of a key and language; the replaced one keeps playing for 30 days, then is gone', async () => {
      const key = 'app.replace.title';
      const old = await (await upload(world.deviceA, wavBytes(300, 4), params({ key }))).json();
      const fresh = await (await upload(world.deviceB, webmBytes(300), params({ key }), 'audio/webm;codecs=opus'))?.json();
      expect(fresh.clip.mime).toBe('audio/webm;codecs=opus');
      const listed = (await bundleOf(app, world.deviceA)).body.media.clips.filter((c: { key: string }) => c.key === key);
      expect(listed).toEqual([fresh.clip]);
      expect((await app.request(old.clip.url)).status).toBe(200);
      offsetMs = 31 * DAY_MS;
      try {
        const gone = await app.request(old.clip.url);
        expect(gone.status).toBe(404);
        expect(await errorCode(gone)).toBe('not_found');
        expect((await app.request(fresh.clip.url)).status).toBe(200);
      } finally {
        offsetMs = 0;
      }
    });

    it('refuses a type not listed, and bytes that are not the container they claim, with 415 unsupported_audio', async () => {
      for (const [bytes, type] of [
        [wavBytes(100), 'audio/webm'], [webmBytes(100), 'audio/ogg'], [wavBytes(100), 'audio/mp4'], [new TextEncoder().encode('<html>not audio</html>'), 'audio/mpeg'],
        [wavBytes(100), 'text/plain'], [wavBytes(100), 'audio/flac'], [wavBytes(100), 'application/octet-stream'],
      ] as const) {
        const response = await upload(world.deviceA, bytes as Uint8Array<ArrayBuffer>, params(), type);
        expect([type, response.status, await errorCode(response)]).toEqual([type, 415, 'unsupported_audio']);
      }
      const mp3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 1, 2]);
      expect((await upload(world.deviceA, mp3, params(), 'audio/mpeg')).status).toBe(201);
      const ogg = new Uint8Array([...new TextEncoder().encode('OggS'), 0, 2, 0, 0]);
      expect((await upload(world.deviceA, ogg, params(), 'audio/ogg')).status).toBe(201);
      const mp4 = new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode('ftypM4A '), 0, 0, 0, 0]);
      expect((await upload(world.deviceA, mp4, params(), 'audio/mp4')).status).toBe(201);
    });

    it('refuses a clip over 2 MiB with 413 too_large, declared or not', async () => {
      const big = new Uint8Array(2 * 1024 * 1024 + 1);
      big.set(wavBytes(10).subarray(0, 44));
      const response = await upload(world.deviceA, big, params());
      expect(response.status).toBe(413);
      expect(await errorCode(response)).toBe('too_large');
      // A stream with no length given is stopped at the limit too.
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 5; i++) controller.enqueue(big.subarray(i * 500_000, (i + 1) * 500_000));
          controller.close();
        },
      });
      const streamed = await app.request(`/api/v1/media?${params()}`, { method: 'POST', headers: { 'content-type': 'audio/wav', ...bearer(world.deviceA) }, body: stream, duplex: 'half' } as RequestInit);
      expect(streamed.status).toBe(413);
    });

    it('refuses malformed parameters with 400 bad_request', async () => {
      const bad: Array<Record<string, string>> = [
        { clipId: 'not-a-uuid' }, { key: '' }, { key: 'has space' }, { language: 'English' }, { textHash: 'abc' }, { textHash: '0123456789ABCD' },
        { durationMs: '1.5' }, { durationMs: '-1' }, { durationMs: 'soon' },
      ];
      for (const over of bad) {
        const response = await upload(world.deviceA, wavBytes(50), params(over));
        expect([over, response.status, await errorCode(response)]).toEqual([over, 400, 'bad_request']);
      }
      const missing = params();
      missing.delete('textHash');
      expect((await upload(world.deviceA, wavBytes(50), missing)).status).toBe(400);
      const twice = params();
      twice.append('key', 'other.key');
      expect((await upload(world.deviceA, wavBytes(50), twice)).status).toBe(400);
    });

    it('keeps organisations apart: another organisation\'s tablet neither sees nor replaces this one\'s clips', async () => {
      const key = 'app.apart.title';
      const query = params({ key });
      const ours = await (await upload(world.deviceA, wavBytes(200, 5), query)).json();
      // Same clip id, other organisation: its own clip, not a duplicate or conflict of ours.
      const theirs = await upload(world.deviceOther, wavBytes(200, 6), query);
      expect(theirs.status).toBe(201);
      const theirClip = (await theirs.json()).clip;
      expect(theirClip.url).not.toBe(ours.clip.url);
      expect((await bundleOf(app, world.deviceA)).body.media.clips.filter((c: { key: string }) => c.key === key)).toEqual([ours.clip]);
      const otherBundle = (await bundleOf(app, world.deviceOther)).body.media.clips;
      expect(otherBundle.map((c: { url: string }) => c.url)).toEqual([theirClip.url]);
    });

    it('takes clips from staff who record (admin, designer, mediator) with CSRF, and from no other role', async () => {
      const outcomes: Record<string, number> = {};
      for (const role of ['admin', 'analyst', 'designer', 'manager', 'inspector', 'mediator'] as const) {
        const response = await call(app, world.sessions[role], 'POST', `/media?${params({ key: `app.staff.${role}` })}`, { body: wavBytes(60), headers: { 'content-type': 'audio/wav' } });
        outcomes[role] = response.status;
      }
      expect(outcomes).toEqual({ admin: 201, analyst: 403, designer: 201, manager: 403, inspector: 403, mediator: 201 });
      const noCsrf = await call(app, world.sessions.designer, 'POST', `/media?${params()}`, { body: wavBytes(60), headers: { 'content-type': 'audio/wav' }, csrf: false });
      expect([noCsrf.status, await errorCode(noCsrf)]).toEqual([403, 'csrf_failed']);
      const nobody = await app.request(`/api/v1/media?${params()}`, { method: 'POST', headers: { 'content-type': 'audio/wav' }, body: wavBytes(60) });
      expect([nobody.status, await errorCode(nobody)]).toEqual([401, 'not_signed_in']);
      const wrongToken = await upload({ token: 'x'.repeat(43) }, wavBytes(60), params());
      expect([wrongToken.status, await errorCode(wrongToken)]).toEqual([401, 'invalid_token']);
    });

    it('serves byte ranges (206 with Content-Range), the whole clip immutable, and 416 past the end', async () => {
      const audio = wavBytes(1000, 7);
      const { clip } = await (await upload(world.deviceA, audio, params({ key: 'app.range.title' }))).json();
      const whole = await app.request(clip.url);
      expect(whole.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(whole.headers.get('accept-ranges')).toBe('bytes');
      expect(whole.headers.get('content-type')).toBe('audio/wav');
      expect(new Uint8Array(await whole.arrayBuffer())).toEqual(audio);

      const part = await app.request(clip.url, { headers: { range: 'bytes=100-199' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 100-199/${audio.length}`);
      expect(new Uint8Array(await part.arrayBuffer())).toEqual(audio.subarray(100, 200));
      const open = await app.request(clip.url, { headers: { range: 'bytes=2000-' } });
      expect(new Uint8Array(await open.arrayBuffer())).toEqual(audio.subarray(2000));
      const suffix = await app.request(clip.url, { headers: { range: 'bytes=-10' } });
      expect(suffix.headers.get('content-range')).toBe(`bytes ${audio.length - 10}-${audio.length - 1}/${audio.length}`);
      expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(audio.subarray(audio.length - 10));
      const past = await app.request(clip.url, { headers: { range: `bytes=${audio.length}-` } });
      expect(past.status).toBe(416);
      expect(past.headers.get('content-range')).toBe(`bytes */${audio.length}`);

      for (const id of ['nope', 'A'.repeat(22), `${'A'.repeat(21)}%00`]) {
        const missing = await app.request(`/api/v1/media/${id}`);
        expect([id, missing.status, await errorCode(missing)]).toEqual([id, 404, 'not_found']);
      }
    });

    it('gives each tablet its facility\'s languages in settings.languages (all launch languages until an admin chooses)', async () => {
      const before = await bundleOf(app, world.deviceA);
      expect(before.body.settings.languages).toEqual([...LAUNCH_LANGUAGES]);
      const change = await call(app, world.sessions.admin, 'PATCH', `/staff/facilities/${world.A}`, { body: { languages: ['ti', 'en', 'ar'] } });
      expect(change.status).toBe(200);
      expect((await change.json()).languages).toEqual(['en', 'ar', 'ti']);
      const after = await bundleOf(app, world.deviceA);
      expect(after.body.settings.languages).toEqual(['en', 'ar', 'ti']);
      expect(after.etag).not.toBe(before.etag);
      expect((await bundleOf(app, world.deviceB)).body.settings.languages).toEqual([...LAUNCH_LANGUAGES]);
    });
  });
}
