import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { call } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { audioWorld, bearer, putSpoken, syncSealedResponse, wavBytes } from './support/audioFixture.ts';

const HOSTILE = ["'; DROP TABLE media_clips; --", '%00', '%EF%BF%BF', '..%2F..%2Fetc%2Fpasswd', '%F0%9F%92%A9', 'x'.repeat(5000), '%D8%00'];

for (const kind of testDatabaseKinds()) {
  describe(`hostile input to the audio routes on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    let world: Awaited<ReturnType<typeof audioWorld>>;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      app = createApp({ staticRoot: 'dist', db: database.db, staff: { loginPerMinute: 1000 }, device: { enrollPerMinute: 1000, requestsPerMinute: 100_000 } });
      world = await audioWorld(app, database.db);
    });
    afterAll(() => dispose?.());

    it('answers every malformed or hostile request with a JSON 4xx, never a 5xx', async () => {
      const response = await syncSealedResponse(app, world.deviceA);
      const sealed = await response.sealSpoken('voice.comment', wavBytes(50));
      const answers: Array<{ what: string; status: number; json: boolean }> = [];
      const record = async (what: string, r: Response) => {
        const text = await r.text();
        let json = false;
        try {
          json = typeof (JSON.parse(text) as { error?: { code?: unknown } }).error?.code === 'string';
        } catch { /* not JSON */ }
        answers.push({ what, status: r.status, json });
      };
      const mediaQuery = (field: string, value: string) => {
        const base: Record<string, string> = { clipId: crypto.randomUUID(), key: 'k.k', language: 'en', textHash: '0123456789abcd', durationMs: '1' };
        return Object.entries({ ...base, [field]: value }).map(([k, v]) => `${k}=${v}`).join('&');
      };
      for (const value of HOSTILE) {
        for (const field of ['clipId', 'key', 'language', 'textHash', 'durationMs']) {
          await record(`POST /media ${field}=${value.slice(0, 20)}`, await app.request(`/api/v1/media?${mediaQuery(field, value)}`, { method: 'POST', headers: { 'content-type': 'audio/wav', ...bearer(world.deviceA) }, body: wavBytes(10) }));
        }
        await record(`GET /media/${value.slice(0, 20)}`, await app.request(`/api/v1/media/${value}`));
        for (const [path, query] of [
          [`/api/v1/responses/${value}/spoken/voice.comment`, `clipId=${crypto.randomUUID()}&mime=audio/wav&iv=${sealed.iv}&durationMs=1`],
          [`/api/v1/responses/${response.id}/spoken/${value}`, `clipId=${crypto.randomUUID()}&mime=audio/wav&iv=${sealed.iv}&durationMs=1`],
          [`/api/v1/responses/${response.id}/spoken/voice.comment`, `clipId=${crypto.randomUUID()}&mime=${value}&iv=${sealed.iv}&durationMs=1`],
          [`/api/v1/responses/${response.id}/spoken/voice.comment`, `clipId=${crypto.randomUUID()}&mime=audio/wav&iv=${value}&durationMs=1`],
        ] as const) {
          await record(`PUT spoken ${path.slice(-30)} ${query.slice(-30)}`, await app.request(`${path}?${query}`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', ...bearer(world.deviceA) }, body: sealed.ct }));
        }
        for (const param of ['facilityId', 'surveyId', 'period']) {
          const params: Record<string, string> = { facilityId: world.A, surveyId: 'voice', period: '2026-Q1', [param]: value };
          await record(`GET spoken list ${param}`, await call(app, world.sessions.admin, 'GET', `/reports/spoken-comments?${Object.entries(params).map(([k, v]) => `${k}=${v}`).join('&')}`));
        }
        await record(`GET spoken audio ${value.slice(0, 20)}`, await call(app, world.sessions.admin, 'GET', `/reports/spoken-comments/${value}/audio`));
        await record(`PUT transcript ${value.slice(0, 20)}`, await call(app, world.sessions.admin, 'PUT', `/reports/spoken-comments/${value}/transcript`, { body: { text: 'x' } }));
      }
      const clip = await (await app.request(`/api/v1/media?${mediaQuery('key', 'range.key')}`, { method: 'POST', headers: { 'content-type': 'audio/wav', ...bearer(world.deviceA) }, body: wavBytes(100) })).json();
      for (const range of ['bytes=999999999999999-', 'bytes=5-2', 'bytes=-0', 'bytes=0-1,5-6', 'items=0-5', 'bytes=abc', `bytes=${'9'.repeat(40)}-`, 'bytes=-99999999']) {
        await record(`GET /media range ${range}`, await app.request(clip.clip.url, { headers: { range } }));
      }
      for (const body of ['{"text": "\\u0000"}', '{"text": 5}', '[]', 'null', '{"text": "\\ud800"}', `{"text": "${'x'.repeat(70_000)}"}`]) {
        const anyComment = (await database.db.selectFrom('spoken_comments').select('id').executeTakeFirst())?.id ?? 'AAAAAAAAAAAAAAAAAAAAAA';
        await record(`PUT transcript body ${body.slice(0, 20)}`, await call(app, world.sessions.admin, 'PUT', `/reports/spoken-comments/${anyComment}/transcript`, { body }));
      }
      for (const type of ['audio/wav; codecs=\u00e9', 'audio/wav;;', 'audio/wav; x', `audio/${'w'.repeat(200)}`, '']) {
        await record(`POST /media type ${type.slice(0, 20)}`, await app.request(`/api/v1/media?${mediaQuery('key', 'k')}`, { method: 'POST', headers: { 'content-type': type, ...bearer(world.deviceA) }, body: wavBytes(10) }));
      }
      const bad = answers.filter((a) => a.status >= 500 || (a.status >= 400 && !a.json));
      expect(bad).toEqual([]);
      // Only a clip upload with well-formed parameters, or a clip fetched with a Range it may ignore (RFC 9110 §14.2), succeeds.
      expect(answers.filter((a) => a.status < 400 && !a.what.startsWith('POST /media type') && !a.what.startsWith('GET /media range'))).toEqual([]);
    });
  });
}
