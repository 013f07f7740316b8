import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCommentId, makeCommentKey, parseCommentId } from '../../../src/server/comments/commentId.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import type { CommentList } from '../../../src/survey/reportTypes.ts';
import { call, errorCode } from '../auth/staffClient.ts';
import { insertResponses, makeExportWorld, response, type ExportWorld, type SeededResponse } from '../exports/exportFixture.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`comments on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let world: ExportWorld;
    let a1: SeededResponse, a2: SeededResponse, a3: SeededResponse, before: SeededResponse, after: SeededResponse, b1: SeededResponse;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      world = await makeExportWorld(database.db);
      const inA = { facilityId: world.facilityA.id, enrollmentId: world.enrollmentA };
      a1 = response({ ...inA, reportedAt: '2026-07-10T10:00:00.000Z', language: 'fr', answers: {
        'room.satisfied': false, 'room.reasons': ['noise'], 'room.comment': 'Le chauffage ne marche pas', 'food.comment': 'Too salty', comment: '=HYPERLINK("x")',
      } });
      // 00:30 on 1 July in Brussels: the third quarter there, though still June in UTC.
      a2 = response({ ...inA, reportedAt: '2026-06-30T22:30:00.000Z', answers: { 'room.comment': 'Broken WINDOW lock', 'room.score': 3 } });
      a3 = response({ ...inA, surveyVersion: 1, reportedAt: '2026-08-01T09:00:00.000Z', answers: { 'room.comment': 'prefer-not-to-answer', 'food.comment': '   ', comment: 'Thanks for the window repair' } });
      before = response({ ...inA, reportedAt: '2026-06-30T21:00:00.000Z', answers: { comment: 'June comment' } });
      after = response({ ...inA, reportedAt: '2026-09-30T22:30:00.000Z', answers: { comment: 'October comment' } });
      b1 = response({ facilityId: world.facilityB.id, enrollmentId: world.enrollmentB, reportedAt: '2026-07-15T10:00:00.000Z', answers: { comment: 'Facility B window comment' } });
      await insertResponses(database.db, world.organisationId, [a1, a2, a3, before, after, b1]);
    });
    afterAll(() => dispose?.());

    const list = (session: keyof ExportWorld['sessions'], query: Record<string, string>) =>
      call(world.app, world.sessions[session], 'GET', `/reports/comments?${new URLSearchParams({ survey: 'resident-survey', period: '2026-Q3', ...query })}`);
    const listed = async (session: keyof ExportWorld['sessions'], query: Record<string, string>) => {
      const res = await list(session, query);
      expect(res.status).toBe(200);
      return (await res.json()) as CommentList;
    };
    const tag = (session: keyof ExportWorld['sessions'], id: string, body: unknown, csrf?: false) =>
      call(world.app, world.sessions[session], 'PUT', `/reports/comments/${encodeURIComponent(id)}/tag`, { body, ...(csrf === false ? { csrf } : {}) });

    it("lists every free-text answer of the facility's local quarter with its question, topic and language, and nothing else of the response", async () => {
      const body = await listed('admin', { facility: world.facilityA.id });
      expect(body.facility).toEqual({ id: world.facilityA.id, name: 'Centre A' });
      expect(body.period).toEqual({ kind: 'quarter', id: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
      const byText = Object.fromEntries(body.comments.map((c) => [c.text, c]));
      expect(Object.keys(byText).sort()).toEqual(['=HYPERLINK("x")', 'Broken WINDOW lock', 'Le chauffage ne marche pas', 'Thanks for the window repair', 'Too salty']);
      expect(byText['Le chauffage ne marche pas']).toEqual({
        id: expect.any(String), questionId: 'room.comment', language: 'fr', text: 'Le chauffage ne marche pas', tag: null,
        // The current definition's words, for an answer given in either version.
        questionText: { en: 'What would make your room better?', fr: 'Qu’est-ce qui rendrait votre chambre meilleure ?' },
        topic: { id: 'room', title: { en: 'Your room', fr: 'Votre chambre' }, pictogram: 'room' },
      });
      expect(byText['Thanks for the window repair']).toMatchObject({ questionId: 'comment', questionText: { en: 'Anything else?', fr: 'Autre chose ?' } });
      expect(byText['Thanks for the window repair']).not.toHaveProperty('topic');
      expect(body.comments.map((c) => c.questionId)).toEqual(['room.comment', 'room.comment', 'food.comment', 'comment', 'comment']);
      const text = JSON.stringify(body);
      for (const secret of [a1.id, a2.id, a3.id, world.enrollmentA, '10:00', '22:30', '2026-07-10', 'noise']) expect(text).not.toContain(secret);
      expect(parseCommentId(byText['Too salty']!.id)).toEqual({ key: makeCommentKey(a1.id, 'food.comment'), facilityId: world.facilityA.id, period: '2026-Q3' });
    });

    it('filters by question, by text in any letter case, and combines the filters', async () => {
      expect((await listed('admin', { facility: world.facilityA.id, question: 'room.comment' })).comments.map((c) => c.text).sort()).toEqual(['Broken WINDOW lock', 'Le chauffage ne marche pas']);
      expect((await listed('admin', { facility: world.facilityA.id, q: 'window' })).comments.map((c) => c.text)).toEqual(['Broken WINDOW lock', 'Thanks for the window repair']);
      expect((await listed('admin', { facility: world.facilityA.id, q: 'WINDOW', question: 'comment' })).comments.map((c) => c.text)).toEqual(['Thanks for the window repair']);
      expect((await listed('admin', { facility: world.facilityA.id, q: 'nothing like this' })).comments).toEqual([]);
    });

    it("shows a manager their own facility's comments only: another facility is unknown to them", async () => {
      expect((await listed('managerA', { facility: world.facilityA.id })).comments).toHaveLength(5);
      expect((await listed('managerB', { facility: world.facilityB.id })).comments.map((c) => c.text)).toEqual(['Facility B window comment']);
      const other = await list('managerA', { facility: world.facilityB.id });
      expect([other.status, await errorCode(other)]).toEqual([404, 'unknown_facility']);
      const elsewhere = await list('admin', { facility: world.elsewhere.id });
      expect([elsewhere.status, await errorCode(elsewhere)]).toEqual([404, 'unknown_facility']);
      expect((await listed('analyst', { facility: world.facilityB.id })).comments).toHaveLength(1);
      const designer = await list('designer', { facility: world.facilityA.id });
      expect([designer.status, await errorCode(designer)]).toEqual([403, 'forbidden']);
      expect((await call(world.app, undefined, 'GET', `/reports/comments?survey=resident-survey&facility=${world.facilityA.id}&period=2026-Q3`)).status).toBe(401);
    });

    it('lets a manager tag and untag a comment of their facility, and filters by tag, none meaning untagged', async () => {
      const salty = (await listed('managerA', { facility: world.facilityA.id, q: 'salty' })).comments[0]!;
      const res = await tag('managerA', salty.id, { tag: 'tip' });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id: salty.id, tag: 'tip' });
      expect((await listed('admin', { facility: world.facilityA.id, tag: 'tip' })).comments.map((c) => [c.text, c.tag])).toEqual([['Too salty', 'tip']]);
      expect((await listed('admin', { facility: world.facilityA.id, tag: 'none' })).comments.map((c) => c.text)).not.toContain('Too salty');
      expect((await listed('admin', { facility: world.facilityA.id, tag: 'none' })).comments).toHaveLength(4);
      expect((await listed('admin', { facility: world.facilityA.id, tag: 'remark' })).comments).toEqual([]);

      const stored = await database.db.selectFrom('comment_tags').selectAll().execute();
      expect(stored).toEqual([expect.objectContaining({ comment_id: makeCommentKey(a1.id, 'food.comment'), facility_id: world.facilityA.id, tag: 'tip', tagged_by: world.sessions.managerA.staff.id })]);

      expect((await tag('admin', salty.id, { tag: 'technical-failure' })).status).toBe(200);
      expect((await listed('managerA', { facility: world.facilityA.id, q: 'salty' })).comments[0]!.tag).toBe('technical-failure');
      expect(await (await tag('admin', salty.id, { tag: null })).json()).toEqual({ id: salty.id, tag: null });
      expect((await listed('managerA', { facility: world.facilityA.id, q: 'salty' })).comments[0]!.tag).toBeNull();
      expect(await database.db.selectFrom('comment_tags').selectAll().execute()).toEqual([]);
    });

    it("refuses to tag for the wrong role, another facility's manager, a forged or unknown id, a bad tag or a missing CSRF token", async () => {
      const window = (await listed('admin', { facility: world.facilityA.id, q: 'broken' })).comments[0]!;
      const analyst = await tag('analyst', window.id, { tag: 'remark' });
      expect([analyst.status, await errorCode(analyst)]).toEqual([403, 'forbidden']);
      const stranger = await tag('managerB', window.id, { tag: 'remark' });
      expect([stranger.status, await errorCode(stranger)]).toEqual([404, 'unknown_comment']);
      // The same key under the facility manager B may see: no such comment there.
      const ref = parseCommentId(window.id)!;
      const forged = await tag('managerB', formatCommentId({ ...ref, facilityId: world.facilityB.id }), { tag: 'remark' });
      expect([forged.status, await errorCode(forged)]).toEqual([404, 'unknown_comment']);
      const made = await tag('admin', formatCommentId({ ...ref, key: makeCommentKey(a2.id, 'room.score') }), { tag: 'remark' });
      expect([made.status, await errorCode(made)]).toEqual([404, 'unknown_comment']);
      expect((await tag('admin', 'not-an-id', { tag: 'remark' })).status).toBe(404);
      const badTag = await tag('admin', window.id, { tag: 'spam' });
      expect([badTag.status, await errorCode(badTag)]).toEqual([400, 'invalid_request']);
      expect((await tag('admin', window.id, {})).status).toBe(400);
      const noCsrf = await tag('managerA', window.id, { tag: 'remark' }, false);
      expect([noCsrf.status, await errorCode(noCsrf)]).toEqual([403, 'csrf_failed']);
      expect(await database.db.selectFrom('comment_tags').selectAll().execute()).toEqual([]);
      // After a refused tag by the other manager, the rightful one still can.
      expect((await tag('managerA', window.id, { tag: 'remark' })).status).toBe(200);
      const again = await tag('managerB', window.id, { tag: null });
      expect(again.status).toBe(404);
      expect((await listed('admin', { facility: world.facilityA.id, q: 'broken' })).comments[0]!.tag).toBe('remark');
    });

    it('answers 400 invalid_query naming the parameter, and 404 for an unknown survey', async () => {
      const cases: Array<[Record<string, string>, string]> = [
        [{ facility: world.facilityA.id, period: '' }, 'period'],
        [{ facility: world.facilityA.id, period: '2026-Q5' }, 'period'],
        [{ facility: world.facilityA.id, period: '', from: '2026-07-01', to: '2026-07-31' }, 'period'],
        [{ facility: world.facilityA.id, tag: 'spam' }, 'tag'],
        [{ facility: world.facilityA.id, question: 'room.score' }, 'question'],
        [{ facility: '' }, 'facility'],
        [{ facility: world.facilityA.id, survey: 'Not A Survey' }, 'survey'],
      ];
      for (const [query, parameter] of cases) {
        const res = await list('admin', query);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect([res.status, body.error.code], JSON.stringify(query)).toEqual([400, 'invalid_query']);
        expect(body.error.message).toContain(parameter);
      }
      const unknown = await list('admin', { facility: world.facilityA.id, survey: 'no-such-survey' });
      expect([unknown.status, await errorCode(unknown)]).toEqual([404, 'unknown_survey']);
    });
  });
}
