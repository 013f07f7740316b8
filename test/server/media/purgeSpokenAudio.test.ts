import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../../src/server/admin/runAdmin.ts';
import { createApp } from '../../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { purgeSpokenAudio } from '../../../src/server/media/purgeSpokenAudio.ts';
import { startSpokenRetention } from '../../../src/server/media/startSpokenRetention.ts';
import { purgeExpired } from '../../../src/server/queries/purgeExpired.ts';
import { call, errorCode } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { audioWorld, putSpoken, syncSealedResponse, wavBytes } from './support/audioFixture.ts';

const DAY_MS = 86_400_000;
const later = (days: number) => new Date(Date.now() + days * DAY_MS);

for (const kind of testDatabaseKinds()) {
  describe(`spoken-comment retention on ${kind.name}`, () => {
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

    async function storedComment(device = world.deviceA) {
      const response = await syncSealedResponse(app, device);
      const put = await putSpoken(app, device, { responseId: response.id, questionId: 'voice.comment', clipId: crypto.randomUUID(), ...(await response.sealSpoken('voice.comment', wavBytes(300))) });
      expect(put.status).toBe(201);
      const row = await database.db.selectFrom('spoken_comments').select('id').where('response_id', '=', response.id).executeTakeFirstOrThrow();
      return { id: row.id, responseId: response.id };
    }
    const audioOf = (id: string) => call(app, world.sessions.admin, 'GET', `/reports/spoken-comments/${id}/audio`);
    const storedSound = async (id: string) => (await database.db.selectFrom('spoken_comments').select('audio').where('id', '=', id).executeTakeFirstOrThrow()).audio;

    it('deletes the sound once the organisation\'s retention has passed and keeps the transcript; the list says audio: false', async () => {
      const settings = await call(app, world.sessions.admin, 'PATCH', '/staff/settings', { body: { spokenRetentionDays: 1 } });
      expect((await settings.json()).spokenRetentionDays).toBe(1);
      const comment = await storedComment();
      await call(app, world.sessions.admin, 'PUT', `/reports/spoken-comments/${comment.id}/transcript`, { body: { text: 'Too cold at night' } });
      const otherOrganisation = await storedComment(world.deviceOther);

      await purgeSpokenAudio(database.db, later(0.5));
      expect((await audioOf(comment.id)).status).toBe(200);

      const report = await purgeSpokenAudio(database.db, later(2));
      expect(report.organisations.find((o) => o.organisationId === world.organisationId)?.sounds).toBe(1);
      const gone = await audioOf(comment.id);
      expect([gone.status, await errorCode(gone)]).toEqual([410, 'deleted']);
      expect(await storedSound(comment.id)).toBeNull();
      const period = (await database.db.selectFrom('spoken_comments').select('period').where('id', '=', comment.id).executeTakeFirstOrThrow()).period;
      const listed = await (await call(app, world.sessions.admin, 'GET', `/reports/spoken-comments?facilityId=${world.A}&surveyId=voice&period=${period}`)).json();
      expect(listed.comments.find((c: { id: string }) => c.id === comment.id)).toEqual({ id: comment.id, questionId: 'voice.comment', durationMs: 1200, audio: false, transcript: 'Too cold at night' });
      // The other organisation keeps its default 90 days.
      expect(await storedSound(otherOrganisation.id)).not.toBeNull();
      // Running again deletes nothing more.
      expect((await purgeSpokenAudio(database.db, later(3))).organisations.every((o) => o.sounds === 0)).toBe(true);
    });

    it('drops a spoken comment whose response was deleted by purge-expired', async () => {
      await call(app, world.sessions.admin, 'PATCH', '/staff/settings', { body: { spokenRetentionDays: 730 } });
      const comment = await storedComment();
      await database.db.updateTable('organisations').set({ retention_days: 30 }).where('id', '=', world.organisationId).execute();
      try {
        await purgeExpired(database.db, later(31));
      } finally {
        await database.db.updateTable('organisations').set({ retention_days: null }).where('id', '=', world.organisationId).execute();
      }
      expect((await purgeSpokenAudio(database.db)).orphans).toBeGreaterThanOrEqual(1);
      expect(await database.db.selectFrom('spoken_comments').select('id').where('id', '=', comment.id).executeTakeFirst()).toBeUndefined();
      expect((await audioOf(comment.id)).status).toBe(404);
    });

    it('runs at start and on a timer that stop() ends', async () => {
      await call(app, world.sessions.admin, 'PATCH', '/staff/settings', { body: { spokenRetentionDays: 1 } });
      const comment = await storedComment();
      let runs = 0;
      const lines: string[] = [];
      const retention = startSpokenRetention(database.db, { intervalMs: 25, now: () => later(2), log: (line) => lines.push(line), onRun: () => runs++ });
      await retention.first;
      expect(await storedSound(comment.id)).toBeNull();
      expect(lines.join('\n')).toMatch(/deleted the sound of 1 spoken comments/);
      await new Promise((resolve) => setTimeout(resolve, 120));
      retention.stop();
      const stoppedAt = runs;
      expect(stoppedAt).toBeGreaterThan(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(runs).toBeLessThanOrEqual(stoppedAt + 1);
    });

    it('does the same at once with npm run admin -- purge-spoken', async () => {
      await call(app, world.sessions.admin, 'PATCH', '/staff/settings', { body: { spokenRetentionDays: 30 } });
      const comment = await storedComment();
      await database.db.updateTable('spoken_comments').set({ received_at: later(-31).toISOString() }).where('id', '=', comment.id).execute();
      const lines: string[] = [];
      await runAdmin(['purge-spoken'], database, { log: (line) => lines.push(line) });
      expect(lines.find((line) => line.includes(world.organisationId))).toMatch(/deleted the sound of 1 spoken comments/);
      expect(await storedSound(comment.id)).toBeNull();
    });
  });
}
