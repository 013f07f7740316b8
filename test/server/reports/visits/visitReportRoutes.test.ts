import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSurveyVersion } from '../../../../src/server/queries/surveyVersions.ts';
import { formatSerial } from '../../../../src/survey/paper/paperSerial.ts';
import { errorCode } from '../../auth/staffClient.ts';
import { testDatabaseKinds } from '../../support/testDatabases.ts';
import { visitWorld } from './support/visitWorld.ts';

type World = Awaited<ReturnType<typeof visitWorld>>;

const CRITICAL_VISIT = {
  filledOn: '2026-11-24',
  answers: {
    centre_type: 'cas', 'visit.residents_interviewed': '3_5', 'visit.mediator_present': true,
    'food.meals.observation': 'critical', 'food.meals.resident_interview': 'critical', 'food.meals.managing_body': 'effective',
    'food.meals.notes': 'Cold meals <b>twice</b> a week',
    'accommodation.rooms.observation': 'effective', 'accommodation.rooms.resident_interview': 'partial', 'accommodation.rooms.managing_body': 'effective',
    'safety.fire.observation': 'effective', 'safety.fire.managing_body': 'effective',
    'health.doctor.resident_interview': 'partial',
  },
  unreadable: ['health.doctor.observation'],
};
const QUIET_VISIT = {
  filledOn: '2026-10-02',
  answers: { centre_type: 'cas', 'accommodation.rooms.observation': 'effective', 'accommodation.rooms.resident_interview': 'effective' },
};

for (const kind of testDatabaseKinds()) {
  describe(`GET /reports/visits on ${kind.name}`, () => {
    let dispose: () => Promise<void>;
    let w: World;
    let keyed: Array<{ responseId: string; serial: number }>;
    beforeAll(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      w = await visitWorld(opened.handle.db);
      keyed = await w.keyVisits(w.A, [QUIET_VISIT, CRITICAL_VISIT]);
    });
    afterAll(() => dispose?.());

    const reportOf = async (query: string) => {
      const admin = await w.member('admin');
      const response = await w.report(admin, query);
      expect(response.status, await response.clone().text()).toBe(200);
      return (await response.json()) as { visits: Array<Record<string, unknown> & { areas: Array<{ id: string; critical: unknown[]; disagreements: unknown[] }> }> };
    };

    it('lists the facility\'s visits newest first, each with its sheet serial, visit day and centre type', async () => {
      const { visits } = await reportOf(`facility=${w.A}&survey=monitoring-visit`);
      expect(visits.map((v) => [v.responseId, v.serial, v.serialText, v.visitDay])).toEqual([
        [keyed[1]!.responseId, keyed[1]!.serial, formatSerial(keyed[1]!.serial), '2026-11-24'],
        [keyed[0]!.responseId, keyed[0]!.serial, formatSerial(keyed[0]!.serial), '2026-10-02'],
      ]);
      expect(visits[0]!.centreType).toMatchObject({ value: 'cas', label: { en: 'Extraordinary reception centre (CAS)', it: 'Centro di accoglienza straordinaria (CAS)' } });
    });

    it('lists a critical issue by area with the sources that said critical and the inspector\'s notes as written', async () => {
      const [latest] = (await reportOf(`facility=${w.A}`)).visits;
      const food = latest!.areas.find((a) => a.id === 'food');
      expect(food?.critical).toEqual([{
        itemId: 'food.meals',
        text: expect.objectContaining({ en: 'Meals are enough in quantity and quality, at regular times' }),
        ratings: { observation: 'critical', 'resident-interview': 'critical', 'managing-body-interview': 'effective' },
        criticalSources: ['observation', 'resident-interview'],
        notes: 'Cold meals <b>twice</b> a week',
      }]);
    });

    it('lists the items whose sources disagree with their three ratings, and no item with a single real rating', async () => {
      const [latest] = (await reportOf(`facility=${w.A}`)).visits;
      expect(latest!.areas.map((a) => [a.id, a.critical.length, a.disagreements.length])).toEqual([['accommodation', 0, 1], ['food', 1, 1]]);
      expect(latest!.areas[0]!.disagreements).toEqual([expect.objectContaining({
        itemId: 'accommodation.rooms', ratings: { observation: 'effective', 'resident-interview': 'partial', 'managing-body-interview': 'effective' }, notes: null,
      })]);
    });

    it('counts effective, partial and critical per source; an unreadable mark is shown, not counted', async () => {
      const [latest, older] = (await reportOf(`facility=${w.A}`)).visits;
      expect(latest!.counts).toEqual({
        observation: { effective: 2, partial: 0, critical: 1 },
        'resident-interview': { effective: 0, partial: 2, critical: 1 },
        'managing-body-interview': { effective: 3, partial: 0, critical: 0 },
      });
      expect(latest!.itemsRated).toBe(4);
      expect(older!.areas).toEqual([]);
      expect(older!.counts).toMatchObject({ observation: { effective: 1 }, 'resident-interview': { effective: 1 } });
    });

    it('shows even a single visit: inspectors\' assessments are not hidden by the small-cell rule, and carry no resident answers', async () => {
      const [onlyOne] = await w.keyVisits(w.B, [{ filledOn: '2026-11-20', answers: { centre_type: 'cpa', 'safety.fire.observation': 'critical' } }]);
      const { visits } = await reportOf(`facility=${w.B}`);
      expect(visits).toHaveLength(1);
      expect(visits[0]).toMatchObject({ responseId: onlyOne!.responseId, areas: [{ id: 'safety', critical: [expect.objectContaining({ itemId: 'safety.fire' })] }] });
      expect(Object.keys(visits[0]!).sort()).toEqual(['areas', 'centreType', 'counts', 'itemsRated', 'language', 'responseId', 'serial', 'serialText', 'surveyVersion', 'visitDay']);
    });

    it('keeps to the days asked for, both ends included', async () => {
      expect((await reportOf(`facility=${w.A}&from=2026-11-24&to=2026-11-24`)).visits.map((v) => v.visitDay)).toEqual(['2026-11-24']);
      expect((await reportOf(`facility=${w.A}&to=2026-11-23`)).visits.map((v) => v.visitDay)).toEqual(['2026-10-02']);
      expect((await reportOf(`facility=${w.A}&from=2026-12-01`)).visits).toEqual([]);
    });

    it('lets admins, analysts, and the managers and inspectors of the facility read it', async () => {
      for (const who of [await w.member('admin'), await w.member('analyst'), await w.member('manager', [w.A]), await w.member('inspector', [w.A])]) {
        const response = await w.report(who, `facility=${w.A}`);
        expect(response.status, who.staff.role).toBe(200);
      }
    });

    it('should reject if the facility is not the caller\'s (404 unknown_facility) or the role reads no visits (403)', async () => {
      for (const who of [await w.member('inspector', [w.B]), await w.member('manager', [w.B])]) {
        const response = await w.report(who, `facility=${w.A}`);
        expect([response.status, await errorCode(response)]).toEqual([404, 'unknown_facility']);
      }
      for (const role of ['designer', 'mediator'] as const) {
        const response = await w.report(await w.member(role, [w.A]), `facility=${w.A}`);
        expect([response.status, await errorCode(response)], role).toEqual([403, 'forbidden']);
      }
      const anonymous = await w.app.request(`/api/v1/reports/visits?facility=${w.A}`);
      expect(anonymous.status).toBe(401);
    });

    it('should reject a bad query, an unknown survey and a residents\' survey', async () => {
      const admin = await w.member('admin');
      for (const query of ['', `facility=${w.A}&from=24-11-2026`, `facility=${w.A}&facility=${w.B}`, `facility=${w.A}&from=2026-11-02&to=2026-11-01`]) {
        const response = await w.report(admin, query);
        expect([response.status, await errorCode(response)], query).toEqual([400, 'invalid_query']);
      }
      const unknown = await w.report(admin, `facility=${w.A}&survey=nothing-here`);
      expect([unknown.status, await errorCode(unknown)]).toEqual([404, 'unknown_survey']);
      await publishSurveyVersion(w.db, { organisationId: w.organisationId, definition: JSON.parse(readFileSync('public/surveys/centre-satisfaction.json', 'utf8')) });
      const residents = await w.report(admin, `facility=${w.A}&survey=centre-satisfaction`);
      expect([residents.status, await errorCode(residents)]).toEqual([400, 'not_a_visit_survey']);
    });
  });
}
