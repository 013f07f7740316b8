import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { rebuildReportCells } from '../../../src/server/reports/rebuildReportCells.ts';
import { quarterOfDay } from '../../../src/survey/periods.ts';
import type { AssistanceReport, MediatorNotesList } from '../../../src/survey/reportTypes.ts';
import type { Assistance } from '../../../src/survey/responseEnvelope.ts';
import { call, type StaffSession } from '../auth/staffClient.ts';
import { bearer } from '../media/support/audioFixture.ts';
import { assistance, mediationWorld, plainResponse, sync, type MediationWorld } from '../mediation/support/mediationWorld.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';

const period = quarterOfDay(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()));

for (const kind of testDatabaseKinds()) {
  describe(`assistance report and mediator notes on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let world: MediationWorld;
    let analyst: StaffSession;
    let managerA: StaffSession;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      world = await mediationWorld(database.db);
      analyst = (await world.member('analyst')).session;
      managerA = (await world.member('manager', [world.A])).session;
      // Facility A: 12 alone, 8 assisted (6 by interpreters, 2 by peers); three notes.
      const helped = (fields: Partial<Assistance>, note?: string) => plainResponse(world.deviceA, { mode: 'assisted', assistance: assistance(fields), ...(note && { mediatorNotes: { text: note } }) });
      const inA = [
        ...(await Promise.all(Array.from({ length: 12 }, () => plainResponse(world.deviceA)))),
        ...(await Promise.all(Array.from({ length: 6 }, (_, i) => helped({ role: 'interpreter', kinds: i < 2 ? ['read-aloud', 'translated', 'answered-on-behalf'] : ['read-aloud', 'translated'], questions: i < 3 ? ['room.score', 'overall'] : ['room.score'] }, i < 3 ? `Note ${i}` : undefined)))),
        ...(await Promise.all(Array.from({ length: 2 }, () => helped({ role: 'peer', kinds: ['read-aloud'], questions: ['room.score'] })))),
      ];
      expect((await sync(world.app, world.deviceA, inA)).every((r) => r.status === 'accepted')).toBe(true);
      // Facility B: three responses, two assisted with notes: too few to show anything.
      const inB = [await plainResponse(world.deviceB), ...(await Promise.all([0, 1].map((i) => plainResponse(world.deviceB, { mode: 'assisted', assistance: assistance(), mediatorNotes: { text: `B note ${i}` } }))))];
      expect((await sync(world.app, world.deviceB, inB)).every((r) => r.status === 'accepted')).toBe(true);
      for (const [device, count] of [[world.deviceA, 3], [world.deviceB, 1]] as const) {
        await world.app.request('/api/v1/device/withdrawals', { method: 'PUT', headers: { 'content-type': 'application/json', ...bearer(device) }, body: JSON.stringify({ counts: [{ surveyId: 'mini', period, count }] }) });
      }
    }, 90_000);
    afterAll(() => dispose?.());

    const get = async <T,>(session: StaffSession, path: string) => {
      const response = await call(world.app, session, 'GET', path);
      return { status: response.status, body: (await response.json()) as T };
    };
    const query = (facility: string) => `survey=mini&facility=${facility}&period=${period}`;

    it('counts a facility\'s quarter by mode, kind of help, role and question helped, hiding what is below the threshold and what would give it away', async () => {
      const { status, body } = await get<AssistanceReport>(world.admin.session, `/reports/assistance?${query(world.A)}`);
      expect(status).toBe(200);
      expect(body).toEqual({
        surveyId: 'mini', facilityId: world.A, period, minCellSize: 5,
        modes: { self: 12, assisted: 8 },
        // answered-on-behalf: 2 is below 5.
        kinds: [{ kind: 'read-aloud', responses: 8 }, { kind: 'translated', responses: 6 }, { kind: 'explained', responses: 0 }, { kind: 'answered-on-behalf', responses: null }],
        // Peers (2) are hidden, and interpreters with them: 8 assisted minus 6 would give the peers.
        roles: [
          { role: 'social-worker', responses: 0 }, { role: 'intercultural-mediator', responses: 0 }, { role: 'interpreter', responses: null },
          { role: 'peer', responses: null }, { role: 'other', responses: 0 },
        ],
        questionsHelped: [
          { questionId: 'room.score', text: { en: 'Rate your room', ar: 'قيّم غرفتك' }, responses: 8 },
          { questionId: 'overall', text: { en: 'How do you feel here?', ar: 'كيف تشعر هنا؟' }, responses: null },
        ],
        withdrawals: 3,
      });
    });

    it('hides every figure of a quarter with fewer responses than the threshold, but not its withdrawals', async () => {
      const { body } = await get<AssistanceReport>(analyst, `/reports/assistance?${query(world.B)}`);
      expect(body.modes).toEqual({ self: null, assisted: null });
      expect(body.kinds.every((k) => k.responses === null)).toBe(true);
      expect(body.roles.every((r) => r.responses === null)).toBe(true);
      expect(body.questionsHelped.every((q) => q.responses === null)).toBe(true);
      expect(body.withdrawals).toBe(1);
    });

    it('lists mediators\' notes apart, by opaque id, and none for a quarter too small to show', async () => {
      const { status, body } = await get<MediatorNotesList>(managerA, `/reports/mediator-notes?${query(world.A)}`);
      expect(status).toBe(200);
      expect(body.hidden).toBe(false);
      expect(body.notes.map((n) => n.text).sort()).toEqual(['Note 0', 'Note 1', 'Note 2']);
      expect(body.notes.map((n) => n.id)).toEqual([...body.notes.map((n) => n.id)].sort());
      const responseIds = (await database.db.selectFrom('responses').select('id').execute()).map((r) => r.id);
      for (const note of body.notes) expect(responseIds).not.toContain(note.id);
      expect((await get<MediatorNotesList>(world.admin.session, `/reports/mediator-notes?${query(world.B)}`)).body).toEqual({ notes: [], hidden: true });
    });

    it('keeps the facility report\'s questions to the survey\'s own: the help cells never show as questions', async () => {
      const { body } = await get<{ questions: Array<{ questionId: string }> }>(world.admin.session, `/reports/facility?${query(world.A)}`);
      expect(body.questions.map((q) => q.questionId)).toEqual(['room.satisfied', 'room.reasons', 'room.score', 'overall', 'comment']);
      expect(JSON.stringify(body)).not.toMatch(/_assistance|_assistant|_helped/);
      const breakdown = await get<{ questions: Array<{ questionId: string }> }>(world.admin.session, `/reports/breakdown?${query(world.A)}&dimension=mode`);
      expect(JSON.stringify(breakdown.body)).not.toMatch(/_assistance|_assistant|_helped/);
      const organisationWide = await get<object>(world.admin.session, `/reports/breakdown?survey=mini&period=${period}&dimension=mode`);
      expect(JSON.stringify(organisationWide.body)).not.toMatch(/_assistance|_assistant|_helped/);
      const aggregate = await call(world.app, world.admin.session, 'GET', `/exports/aggregate.csv?${query(world.A)}&lang=en`);
      expect(await aggregate.text()).not.toMatch(/_assistance|_assistant|_helped/);
    });

    it('gives the same report after the cells are rebuilt from the stored responses', async () => {
      const before = (await get<AssistanceReport>(world.admin.session, `/reports/assistance?${query(world.A)}`)).body;
      expect((await rebuildReportCells(database.db, { force: true })).rebuilt).toBe(true);
      expect((await get<AssistanceReport>(world.admin.session, `/reports/assistance?${query(world.A)}`)).body).toEqual(before);
    });

    it('answers a manager only for their own facility, and refuses bad queries', async () => {
      expect((await get(managerA, `/reports/assistance?${query(world.B)}`)).status).toBe(404);
      expect((await get(managerA, `/reports/mediator-notes?${query(world.B)}`)).status).toBe(404);
      for (const bad of [`survey=mini&facility=${world.A}`, `survey=mini&period=${period}`, `survey=mini&facility=${world.A}&from=2026-01-01&to=2026-01-31`]) {
        const response = await get<{ error: { code: string } }>(world.admin.session, `/reports/assistance?${bad}`);
        expect([response.status, response.body.error.code], bad).toEqual([400, 'invalid_query']);
      }
      const unknown = await get<{ error: { code: string } }>(world.admin.session, `/reports/mediator-notes?survey=nope&facility=${world.A}&period=${period}`);
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'unknown_survey']);
    });
  });
}
