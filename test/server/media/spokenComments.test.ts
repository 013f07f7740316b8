import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { quarterOfDay } from '../../../src/survey/periods.ts';
import { makeUuidV7 } from '../../../src/survey/makeUuidV7.ts';
import { makeResponseSealer, spokenAad, type SealingKey } from '../../../src/survey/sealing.ts';
import { call, errorCode } from '../auth/staffClient.ts';
import { signedResponse } from '../support/signedResponse.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { audioWorld, bearer, bundleOf, putSpoken, syncSealedResponse, wavBytes } from './support/audioFixture.ts';

const period = () => quarterOfDay(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date()));

for (const kind of testDatabaseKinds()) {
  describe(`spoken comments (PUT /responses/:id/spoken/:q, /reports/spoken-comments) on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    let world: Awaited<ReturnType<typeof audioWorld>>;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      app = createApp({ staticRoot: 'dist', db: database.db, staff: { loginPerMinute: 1000 }, device: { enrollPerMinute: 1000 } });
      world = await audioWorld(app, database.db);
    });
    afterAll(() => dispose?.());

    const list = async (role: keyof typeof world.sessions = 'admin', facilityId = world.A) =>
      call(app, world.sessions[role], 'GET', `/reports/spoken-comments?facilityId=${facilityId}&surveyId=voice&period=${period()}`);
    const listed = async (facilityId = world.A) => ((await (await list('admin', facilityId)).json()) as { comments: Array<{ id: string; questionId: string; durationMs: number; audio: boolean; transcript: string | null }> }).comments;

    /** A synced sealed response of tablet A with one spoken comment stored; the comment's listed id. */
    async function storedComment(audio = wavBytes(600, 9)) {
      const response = await syncSealedResponse(app, world.deviceA);
      const sealed = await response.sealSpoken('voice.comment', audio);
      const put = await putSpoken(app, world.deviceA, { responseId: response.id, questionId: 'voice.comment', clipId: crypto.randomUUID(), ...sealed });
      expect(put.status).toBe(201);
      const ids = (await listed()).map((c) => c.id);
      const row = await database.db.selectFrom('spoken_comments').select('id').where('response_id', '=', response.id).executeTakeFirstOrThrow();
      expect(ids).toContain(row.id);
      return { id: row.id, responseId: response.id, audio };
    }

    it('asks for the response first (409 response_not_synced), then stores the clip (201), takes a retry (200) and refuses another clip (409)', async () => {
      // Sealed for a response id the server has not got yet.
      const early = await syncSealedResponse(app, world.deviceA);
      const unknownId = makeUuidV7();
      const notSynced = await putSpoken(app, world.deviceA, { responseId: unknownId, questionId: 'voice.comment', clipId: crypto.randomUUID(), ...(await early.sealSpoken('voice.comment', wavBytes(100))) });
      expect([notSynced.status, await errorCode(notSynced)]).toEqual([409, 'response_not_synced']);

      const clipId = crypto.randomUUID();
      const sealed = await early.sealSpoken('voice.comment', wavBytes(500, 3));
      const first = await putSpoken(app, world.deviceA, { responseId: early.id, questionId: 'voice.comment', clipId, ...sealed });
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({ status: 'stored' });
      const retry = await putSpoken(app, world.deviceA, { responseId: early.id, questionId: 'voice.comment', clipId, ...sealed });
      expect(retry.status).toBe(200);
      expect(await retry.json()).toEqual({ status: 'duplicate' });
      const another = await putSpoken(app, world.deviceA, { responseId: early.id, questionId: 'voice.comment', clipId: crypto.randomUUID(), ...(await early.sealSpoken('voice.comment', wavBytes(500, 4))) });
      expect([another.status, await errorCode(another)]).toEqual([409, 'clip_conflict']);
      const sameIdOtherBytes = await putSpoken(app, world.deviceA, { responseId: early.id, questionId: 'voice.comment', clipId, ...(await early.sealSpoken('voice.comment', wavBytes(500, 5))) });
      expect(sameIdOtherBytes.status).toBe(409);
    });

    it('opens a clip sealed by the tablet\'s own sealer (sealBytes, spokenAad) into the bytes recorded', async () => {
      const sealingKey = (await bundleOf(app, world.deviceA)).body.sealing as SealingKey;
      const id = makeUuidV7();
      const sealer = await makeResponseSealer(id, sealingKey);
      const response = await signedResponse(world.deviceA, {
        id, surveyId: 'voice', surveyVersion: 1, answers: null,
        sealed: { key: sealer.key, events: [], final: await sealer.sealFinal({ 'room.satisfied': false, 'voice.comment': 'clip' }) },
      } as never);
      const sync = await app.request('/api/v1/sync', { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(world.deviceA) }, body: JSON.stringify({ responses: [response] }) });
      expect((await sync.json()).results[0].status).toBe('accepted');
      const audio = wavBytes(700, 13);
      const sealed = await sealer.sealBytes(audio, spokenAad(id, 'voice.comment'));
      const put = await putSpoken(app, world.deviceA, { responseId: id, questionId: 'voice.comment', clipId: crypto.randomUUID(), iv: sealed.iv, ct: new Uint8Array(sealed.ct) });
      expect(put.status).toBe(201);
      const row = await database.db.selectFrom('spoken_comments').select('id').where('response_id', '=', id).executeTakeFirstOrThrow();
      const played = await call(app, world.sessions.admin, 'GET', `/reports/spoken-comments/${row.id}/audio`);
      expect(new Uint8Array(await played.arrayBuffer())).toEqual(audio);
    });

    it('hides a response of another facility or organisation behind 404 not_found', async () => {
      const response = await syncSealedResponse(app, world.deviceA);
      const sealed = await response.sealSpoken('voice.comment', wavBytes(100));
      for (const device of [world.deviceB, world.deviceOther]) {
        const put = await putSpoken(app, device, { responseId: response.id, questionId: 'voice.comment', clipId: crypto.randomUUID(), ...sealed });
        expect([put.status, await errorCode(put)]).toEqual([404, 'not_found']);
      }
    });

    it('refuses with 400 a question that is not spoken, an unsealed response, a clip sealed for another question; 415 a clip that is not its type; 413 over 4 MiB', async () => {
      const response = await syncSealedResponse(app, world.deviceA);
      const wav = wavBytes(100);
      const cases: Array<[string, Response, number, string]> = [];
      const put = async (label: string, input: Partial<Parameters<typeof putSpoken>[2]>, status: number, code: string) =>
        cases.push([label, await putSpoken(app, world.deviceA, { responseId: response.id, questionId: 'voice.comment', clipId: crypto.randomUUID(), ...(await response.sealSpoken('voice.comment', wav)), ...input }), status, code]);
      await put('a text question', { questionId: 'typed', ...(await response.sealSpoken('typed', wav)) }, 400, 'bad_request');
      await put('no such question', { questionId: 'nope' }, 400, 'bad_request');
      await put('sealed for another question', await response.sealSpoken('typed', wav), 400, 'bad_request');
      await put('sealed for another response', await response.sealSpoken('voice.comment', wav, `sayso/${makeUuidV7()}/spoken/voice.comment`), 400, 'bad_request');
      await put('opens to other bytes than its type', { mime: 'audio/webm' }, 415, 'unsupported_audio');
      await put('not an audio type', { mime: 'text/html' }, 415, 'unsupported_audio');
      await put('a bad IV', { iv: 'short' }, 400, 'bad_request');
      await put('a bad clip id', { clipId: 'x' }, 400, 'bad_request');
      await put('a bad duration', { durationMs: 1.5 }, 400, 'bad_request');
      await put('a bad response id', { responseId: 'not-a-uuid' }, 400, 'bad_request');
      await put('too short to hold a tag', { ct: new Uint8Array(10) }, 400, 'bad_request');
      await put('over 4 MiB', { ct: new Uint8Array(4 * 1024 * 1024 + 1) }, 413, 'too_large');

      // A plaintext response (no content key to seal with).
      const plain = await signedResponse(world.deviceA, { surveyId: 'voice', surveyVersion: 1, answers: { 'room.satisfied': true } });
      await app.request('/api/v1/sync', { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(world.deviceA) }, body: JSON.stringify({ responses: [plain] }) });
      await put('an unsealed response', { responseId: plain.id }, 400, 'bad_request');

      const outcomes = await Promise.all(cases.map(async ([label, r, status, code]) => ({ label, got: [r.status, r.status >= 400 ? await errorCode(r) : undefined], want: [status, code] })));
      for (const outcome of outcomes) expect(outcome.got, outcome.label).toEqual(outcome.want);
    });

    it('lists the facility\'s spoken comments to roles that read comments: opaque ids, no times, no response ids', async () => {
      const comment = await storedComment();
      const response = await list('admin');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const text = await response.clone().text();
      expect(text).not.toContain(comment.responseId);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      const mine = ((await response.json()) as { comments: Array<Record<string, unknown>> }).comments.find((c) => c.id === comment.id);
      expect(mine).toEqual({ id: comment.id, questionId: 'voice.comment', durationMs: 1200, audio: true, transcript: null });
      expect(comment.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(await listed(world.B)).toEqual([]);

      const statuses: Record<string, number> = {};
      for (const role of ['admin', 'analyst', 'designer', 'manager', 'inspector', 'mediator', 'foreign'] as const) statuses[role] = (await list(role)).status;
      expect(statuses).toEqual({ admin: 200, analyst: 200, designer: 403, manager: 200, inspector: 403, mediator: 403, foreign: 404 });
      expect((await list('manager', world.B)).status).toBe(404);
      const bad = await call(app, world.sessions.admin, 'GET', `/reports/spoken-comments?facilityId=${world.A}&surveyId=voice&period=2026-13`);
      expect([bad.status, await errorCode(bad)]).toEqual([400, 'invalid_query']);
      const noSurvey = await call(app, world.sessions.admin, 'GET', `/reports/spoken-comments?facilityId=${world.A}&surveyId=nothing-here&period=${period()}`);
      expect([noSurvey.status, await errorCode(noSurvey)]).toEqual([404, 'unknown_survey']);
    });

    it('opens the recording for roles that read comments: the original bytes, not cached, with ranges', async () => {
      const comment = await storedComment(wavBytes(900, 11));
      const audio = await call(app, world.sessions.analyst, 'GET', `/reports/spoken-comments/${comment.id}/audio`);
      expect(audio.status).toBe(200);
      expect(audio.headers.get('content-type')).toBe('audio/wav');
      expect(audio.headers.get('cache-control')).toBe('no-store');
      expect(new Uint8Array(await audio.arrayBuffer())).toEqual(comment.audio);
      const part = await call(app, world.sessions.manager, 'GET', `/reports/spoken-comments/${comment.id}/audio`, { headers: { range: 'bytes=44-143' } });
      expect(part.status).toBe(206);
      expect(new Uint8Array(await part.arrayBuffer())).toEqual(comment.audio.subarray(44, 144));

      const statuses: Record<string, string> = {};
      for (const role of ['designer', 'inspector', 'mediator', 'foreign'] as const) {
        const r = await call(app, world.sessions[role], 'GET', `/reports/spoken-comments/${comment.id}/audio`);
        statuses[role] = `${r.status} ${await errorCode(r)}`;
      }
      expect(statuses).toEqual({ designer: '403 forbidden', inspector: '403 forbidden', mediator: '403 forbidden', foreign: '404 unknown_comment' });
      expect((await call(app, world.sessions.admin, 'GET', '/reports/spoken-comments/not-an-id/audio')).status).toBe(404);
      // Sealed at rest: the stored bytes are not the recording.
      const stored = await database.db.selectFrom('spoken_comments').select('audio').where('id', '=', comment.id).executeTakeFirstOrThrow();
      expect(Buffer.from(stored.audio!).includes(Buffer.from(comment.audio.subarray(44, 100)))).toBe(false);
    });

    it('keeps a transcript set by a reading role; an empty text removes it; over 5000 characters is refused', async () => {
      const comment = await storedComment();
      const path = `/reports/spoken-comments/${comment.id}/transcript`;
      const set = await call(app, world.sessions.manager, 'PUT', path, { body: { text: '  The heating is broken.  ' } });
      expect(set.status).toBe(200);
      expect(await set.json()).toEqual({ id: comment.id, transcript: 'The heating is broken.' });
      expect((await listed()).find((c) => c.id === comment.id)?.transcript).toBe('The heating is broken.');
      expect((await call(app, world.sessions.designer, 'PUT', path, { body: { text: 'x' } })).status).toBe(403);
      expect((await call(app, world.sessions.admin, 'PUT', path, { body: { text: 'x' }, csrf: false })).status).toBe(403);
      const long = await call(app, world.sessions.admin, 'PUT', path, { body: { text: 'x'.repeat(5001) } });
      expect([long.status, await errorCode(long)]).toEqual([400, 'invalid_request']);
      expect((await call(app, world.sessions.admin, 'PUT', path, { body: { words: 'x' } })).status).toBe(400);
      expect((await call(app, world.sessions.admin, 'PUT', path, { body: '{oops' })).status).toBe(400);
      const cleared = await call(app, world.sessions.analyst, 'PUT', path, { body: { text: '' } });
      expect(await cleared.json()).toEqual({ id: comment.id, transcript: null });
      expect((await call(app, world.sessions.foreign, 'PUT', path, { body: { text: 'x' } })).status).toBe(404);
    });
  });
}
