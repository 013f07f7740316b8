import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import { createStaff } from '../../../src/server/queries/staff.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import type { BreakdownReport, ComparisonReport, FacilityReport, QuestionReport } from '../../../src/survey/reportTypes.ts';
import { call, errorCode, signIn, type StaffSession } from '../auth/staffClient.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { enrollTablet, ingestAll, type Answered } from './support/reportFixture.ts';
import { reportSurvey } from './support/reportSurvey.ts';

const PASSWORD = 'correct horse battery';
const PNA = 'prefer-not-to-answer';
const day = (n: number) => `2026-08-${String(n).padStart(2, '0')}T10:00:00.000Z`;

/** Centre A's third quarter of 2026: ten responses whose figures are worked out by hand in the tests. */
const CENTRE_A_Q3: Answered[] = [
  // 00:30 on 1 July in Brussels: third quarter there, second in UTC.
  { at: '2026-06-30T22:30:00.000Z', surveyVersion: 2, answers: { 'room.satisfied': true, 'room.score': 2, mood: 5, food: 'at', 'about.age': 'under_18', 'about.sex': 'female' } },
  { at: day(2), surveyVersion: 2, answers: { 'room.satisfied': true, 'room.score': 4, mood: 4, food: 'above', 'about.age': 'under_18', 'about.sex': 'female' } },
  { at: day(3), surveyVersion: 2, answers: { 'room.satisfied': true, 'room.score': 4, mood: 4, food: 'below', 'about.age': 'adult', 'about.sex': 'female' } },
  { at: day(4), surveyVersion: 2, answers: { 'room.satisfied': true, 'room.score': 6, mood: 2, food: 'below', 'about.age': 'adult', 'about.sex': 'female', comment: 'Too loud at night' } },
  { at: day(5), surveyVersion: 2, answers: { 'room.satisfied': false, 'room.reasons': ['noise', 'cold'], 'room.score': 8, mood: 1, food: 'at', 'about.age': 'adult', 'about.sex': 'male' } },
  { at: day(6), surveyVersion: 2, answers: { 'room.satisfied': false, 'room.reasons': ['noise'], 'room.score': 10, food: PNA, 'about.age': 'adult', 'about.sex': 'male' } },
  { at: day(7), surveyVersion: 1, language: 'fr', answers: { 'room.satisfied': false, 'room.reasons': ['smell'], 'room.score': 10, 'about.age': 'adult', 'about.sex': 'male', comment: 'x' } },
  { at: day(8), surveyVersion: 1, language: 'fr', answers: { 'room.satisfied': false, 'room.reasons': ['smell', 'cold'], 'room.score': 7, 'about.age': 'adult', 'about.sex': 'male' } },
  { at: day(9), surveyVersion: 2, language: 'fr', status: 'partial', answers: { 'room.satisfied': false, 'room.reasons': PNA, 'room.score': PNA, 'about.sex': 'male' } },
  { at: day(10), surveyVersion: 2, status: 'partial', answers: { 'room.satisfied': PNA, 'about.sex': PNA } },
];

const repeat = (count: number, response: Answered): Answered[] => Array.from({ length: count }, () => response);

for (const kind of testDatabaseKinds()) {
  describe(`report routes on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    let organisationId: string;
    const centre: Record<'A' | 'B' | 'C' | 'D' | 'X', string> = { A: '', B: '', C: '', D: '', X: '' };
    const as: Partial<Record<'admin' | 'analyst' | 'manager' | 'designer', StaffSession>> = {};

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      const db = database.db;
      app = createApp({ staticRoot: 'dist', db, staff: { loginPerMinute: 1000 } });
      organisationId = (await createOrganisation(db, { name: 'Fedasil test' })).id;
      const otherOrganisation = (await createOrganisation(db, { name: 'Another agency' })).id;
      for (const definition of [reportSurvey(1), reportSurvey(2)]) {
        await publishSurveyVersion(db, { organisationId, definition });
        await publishSurveyVersion(db, { organisationId: otherOrganisation, definition });
      }
      centre.A = (await createFacility(db, { organisationId, name: 'A Arendonk', timeZone: 'Europe/Brussels' })).id;
      centre.B = (await createFacility(db, { organisationId, name: 'B Bierset', timeZone: 'Pacific/Auckland' })).id;
      centre.C = (await createFacility(db, { organisationId, name: 'C Charleroi', timeZone: 'America/Los_Angeles' })).id;
      centre.D = (await createFacility(db, { organisationId, name: 'D Dinant', timeZone: 'Europe/Brussels' })).id;
      centre.X = (await createFacility(db, { organisationId: otherOrganisation, name: 'X elsewhere', timeZone: 'Europe/Warsaw' })).id;
      const satisfied = (yes: boolean, at: string): Answered => ({ at, surveyVersion: 2, answers: { 'room.satisfied': yes } });
      await ingestAll(db, await enrollTablet(db, centre.A), 'report-test', [
        ...CENTRE_A_Q3,
        ...repeat(6, satisfied(true, '2026-05-10T10:00:00.000Z')),
        ...repeat(2, satisfied(false, '2026-02-10T10:00:00.000Z')),
      ]);
      await ingestAll(db, await enrollTablet(db, centre.B), 'report-test', repeat(3, satisfied(true, day(12))));
      await ingestAll(db, await enrollTablet(db, centre.C), 'report-test', repeat(12, satisfied(true, day(12))));
      await ingestAll(db, await enrollTablet(db, centre.D), 'report-test', repeat(7, satisfied(false, day(12))));
      await ingestAll(db, await enrollTablet(db, centre.X), 'report-test', repeat(7, satisfied(false, day(12))));
      await db.insertInto('resident_counts').values({ facility_id: centre.A, period: '2026-Q3', residents: 20, updated_at: new Date().toISOString(), updated_by: null }).execute();
      await db.insertInto('indicator_targets').values({ organisation_id: organisationId, survey_id: 'report-test', question_id: 'mood', target_percent: 80 }).execute();

      for (const role of ['admin', 'analyst', 'manager', 'designer'] as const) {
        const email = `${role}@example.org`;
        await createStaff(db, { organisationId, email, password: PASSWORD, role, facilityIds: role === 'manager' ? [centre.A] : [] });
        as[role] = await signIn(app, email, PASSWORD);
      }
    });
    afterAll(() => dispose?.());

    const get = (session: StaffSession | undefined, path: string) => call(app, session, 'GET', path);
    const json = async <T,>(response: Response): Promise<T> => {
      expect(response.status, await response.clone().text()).toBe(200);
      return (await response.json()) as T;
    };
    const facility = (query: string, session = as.manager) => get(session, `/reports/facility?survey=report-test&${query}`);
    const question = (report: FacilityReport, id: string): QuestionReport => report.questions!.find((q) => q.questionId === id)!;
    const setMinCellSize = (k: number) => database.db.updateTable('organisations').set({ min_cell_size: k }).where('id', '=', organisationId).execute();

    describe('facility dashboard', () => {
      it('counts the quarter in the facility time zone, with participation over the residents entered', async () => {
        const report = await json<FacilityReport>(await facility(`facility=${centre.A}&period=2026-Q3`));
        expect(report.period).toEqual({ kind: 'quarter', id: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
        expect(report.responses).toEqual({ complete: 8, partial: 2, total: 10 });
        expect(report.participation).toEqual({ residents: 20, rate: 0.4 });
        expect(report.survey).toMatchObject({ id: 'report-test', version: 2 });
        expect(report.facility).toEqual({ id: centre.A, name: 'A Arendonk', timeZone: 'Europe/Brussels' });
        expect(report.minCellSize).toBe(5);
      });

      it('gives a yes/no indicator its share over those who did not decline, against the default target of 60%', async () => {
        const satisfied = question(await json<FacilityReport>(await facility(`facility=${centre.A}&period=2026-Q3`)), 'room.satisfied');
        expect(satisfied.figures).toMatchObject({ n: 10, hidden: false, declined: 1 });
        expect(satisfied.figures.satisfiedShare).toBeCloseTo(4 / 9, 10);
        expect(satisfied.figures.distribution.map((d) => [d.value, d.count, d.pictogram])).toEqual([['true', 4, 'yes'], ['false', 5, 'no']]);
        // Scale words come from the kiosk's own strings, in every language it has.
        expect(satisfied.figures.distribution[0]!.label).toMatchObject({ en: 'Yes', ar: 'نعم' });
        expect(satisfied.target).toEqual({ percent: 60, met: false });
        expect(satisfied.topic).toEqual({ id: 'room', title: { en: 'Your room' }, pictogram: 'room' });
      });

      it('meets a target exactly at it, and misses a target raised to 80%', async () => {
        const report = await json<FacilityReport>(await facility(`facility=${centre.A}&period=2026-Q3`));
        const food = question(report, 'food');
        expect(food.figures).toMatchObject({ n: 6, declined: 1, satisfiedShare: 0.6 });
        expect(food.figures.distribution.map((d) => [d.value, d.count])).toEqual([['below', 2], ['at', 2], ['above', 1]]);
        expect(food.target).toEqual({ percent: 60, met: true });
        const mood = question(report, 'mood');
        expect(mood.figures).toMatchObject({ n: 5, satisfiedShare: 0.6 });
        expect(mood.figures.distribution.map((d) => `${d.value}:${d.count}:${d.pictogram}`)).toEqual(['1:1:face-1', '2:1:face-2', '3:0:face-3', '4:2:face-4', '5:1:face-5']);
        expect(mood.target).toEqual({ percent: 80, met: false });
      });

      it('gives a rating its mean and median, lowest value first, with the end labels of the definition', async () => {
        const score = question(await json<FacilityReport>(await facility(`facility=${centre.A}&period=2026-Q3`)), 'room.score');
        expect(score.figures).toMatchObject({ n: 9, declined: 1, mean: 51 / 8, median: 6.5 });
        expect(score.figures.distribution.map((d) => d.value)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
        expect(score.figures.distribution.map((d) => d.count)).toEqual([0, 0, 1, 0, 2, 0, 1, 1, 1, 0, 2]);
        expect(score.figures.distribution[0]!.label).toEqual({ en: '0: Very bad' });
        expect(score.target).toBeUndefined();
      });

      it('ranks a multi-select by count over its respondents, and shows a value only an older version had, labelled by itself', async () => {
        const reasons = question(await json<FacilityReport>(await facility(`facility=${centre.A}&period=2026-Q3`)), 'room.reasons');
        expect(reasons.figures).toMatchObject({ n: 5, declined: 1, hidden: false });
        expect(reasons.figures.distribution.map((d) => [d.value, d.count])).toEqual([['noise', 2], ['cold', 2], ['smell', 2], ['crowded', 0]]);
        expect(reasons.figures.distribution.find((d) => d.value === 'smell')!.label).toEqual({ en: 'smell' });
        expect(reasons.figures.distribution.find((d) => d.value === 'crowded')!.label).toEqual({ en: 'Too crowded' });
      });

      it('hides a question fewer than 5 answered, and shows no demographics on the dashboard', async () => {
        const report = await json<FacilityReport>(await facility(`facility=${centre.A}&period=2026-Q3`));
        expect(question(report, 'comment').figures).toEqual({ n: 2, hidden: true, distribution: [], declined: 0 });
        expect(question(report, 'desk').figures).toMatchObject({ n: 0, hidden: true, distribution: [], satisfiedShare: null });
        expect(question(report, 'desk').target).toEqual({ percent: 60, met: null });
        expect(report.questions!.map((q) => q.questionId)).toEqual(['room.satisfied', 'room.reasons', 'room.score', 'mood', 'desk', 'food', 'safety', 'comment']);
        expect(JSON.stringify(report)).not.toContain('Too loud');
      });

      it('hides every figure of a facility quarter with fewer than 5 responses, but still counts them', async () => {
        const report = await json<FacilityReport>(await facility(`facility=${centre.B}&period=2026-Q3`, as.admin));
        expect(report.responses.total).toBe(3);
        expect(report.questions!.every((q) => q.figures.hidden && q.figures.distribution.length === 0)).toBe(true);
        expect(question(report, 'room.satisfied').target).toEqual({ percent: 60, met: null });
      });

      it('draws the trend from the first quarter with responses, hiding quarters below the threshold', async () => {
        const { trend } = await json<FacilityReport>(await facility(`facility=${centre.A}&period=2026-Q3`));
        expect(trend.map((t) => [t.period, t.responses.total])).toEqual([['2026-Q1', 2], ['2026-Q2', 6], ['2026-Q3', 10]]);
        expect(trend[0]!.indicators['room.satisfied']).toBeNull();
        expect(trend[1]!.indicators).toEqual({ 'room.satisfied': 1, mood: null, desk: null, food: null, safety: null });
        expect(trend[2]!.indicators['room.satisfied']).toBeCloseTo(4 / 9, 10);
      });

      it('applies a raised threshold of 10', async () => {
        await setMinCellSize(10);
        try {
          const report = await json<FacilityReport>(await facility(`facility=${centre.A}&period=2026-Q3`));
          expect(report.minCellSize).toBe(10);
          expect(question(report, 'room.satisfied').figures.hidden).toBe(false);
          expect(question(report, 'room.score').figures).toMatchObject({ hidden: true, mean: null, median: null, distribution: [] });
          expect(question(report, 'food').target).toEqual({ percent: 60, met: null });
        } finally {
          await setMinCellSize(5);
        }
      });

      it('shows a custom date range as response counts only, summed from the days in the facility time zone', async () => {
        const range = async (from: string, to: string) => json<FacilityReport>(await facility(`facility=${centre.A}&from=${from}&to=${to}`));
        const q3 = await range('2026-07-01', '2026-09-30');
        expect(q3).toMatchObject({ period: { kind: 'range', from: '2026-07-01', to: '2026-09-30' }, responses: { complete: 8, partial: 2, total: 10 }, questions: null, trend: [] });
        expect(q3.participation).toEqual({ residents: null, rate: null });
        expect((await range('2026-07-01', '2026-07-01')).responses.total).toBe(1);
        expect((await range('2026-06-30', '2026-06-30')).responses.total).toBe(0);
        expect((await range('2025-12-31', '2026-12-31')).responses.total).toBe(18);
      });
    });

    describe('comparison', () => {
      const comparison = async (session = as.analyst) => json<ComparisonReport>(await get(session, '/reports/comparison?survey=report-test&period=2026-Q3'));

      it("lists every facility of the organisation and no other organisation's, with the total", async () => {
        const report = await comparison();
        expect(report.rows.map((r) => [r.facility.name, r.responses.total])).toEqual([['A Arendonk', 10], ['B Bierset', 3], ['C Charleroi', 12], ['D Dinant', 7]]);
        expect(report.total['room.satisfied']).toMatchObject({ n: 32, hidden: false, met: true });
        expect(report.total['room.satisfied']!.satisfiedShare).toBeCloseTo(19 / 31, 10);
        expect(report.indicators.map((i) => [i.questionId, i.targetPercent])).toEqual([['room.satisfied', 60], ['mood', 80], ['desk', 60], ['food', 60], ['safety', 60]]);
        expect(report.rows[0]!.participation).toEqual({ residents: 20, rate: 0.4 });
        expect(report.rows[2]!.participation).toEqual({ residents: null, rate: null });
      });

      it('hides a facility with fewer than 5 responses, and the next smallest so it cannot be subtracted from the total', async () => {
        const cells = (await comparison()).rows.map((r) => r.cells['room.satisfied']!);
        expect(cells.map((c) => c.hidden)).toEqual([false, true, false, true]);
        expect(cells[1]).toEqual({ n: 3, hidden: true, satisfiedShare: null, met: null });
        expect(cells[3]).toEqual({ n: 7, hidden: true, satisfiedShare: null, met: null });
        expect(cells[2]).toEqual({ n: 12, hidden: false, satisfiedShare: 1, met: true });
      });

      it('with a threshold of 10 hides the facilities below it, which together reach it, and nothing more', async () => {
        await setMinCellSize(10);
        try {
          const report = await comparison(as.admin);
          expect(report.rows.map((r) => r.cells['room.satisfied']!.hidden)).toEqual([false, true, false, true]);
          // Only A answered the mood question, with 5: hidden, and nothing else to hide.
          expect(report.rows.map((r) => r.cells.mood!.hidden)).toEqual([true, true, true, true]);
          expect(report.total.mood).toEqual({ n: 5, hidden: true, satisfiedShare: null, met: null });
        } finally {
          await setMinCellSize(5);
        }
      });

      it("hides on a facility's dashboard and breakdown what the comparison hides to protect another facility", async () => {
        // D's 7 answers are enough on their own, but shown they would give B's 3 as the total minus A, C and D.
        const report = await json<FacilityReport>(await facility(`facility=${centre.D}&period=2026-Q3`, as.admin));
        expect(report.responses.total).toBe(7);
        expect(question(report, 'room.satisfied').figures).toMatchObject({ n: 7, hidden: true, satisfiedShare: null });
        expect(report.trend.at(-1)!.indicators['room.satisfied']).toBeNull();
        const breakdown = await json<BreakdownReport>(await get(as.admin, `/reports/breakdown?survey=report-test&period=2026-Q3&dimension=mode&facility=${centre.D}`));
        const satisfied = breakdown.questions.find((q) => q.questionId === 'room.satisfied')!;
        expect(satisfied.overall.hidden).toBe(true);
        expect(satisfied.groups.map((g) => g.figures.hidden)).toEqual([true]);
        // A and C stay shown everywhere.
        expect(question(await json<FacilityReport>(await facility(`facility=${centre.C}&period=2026-Q3`, as.admin)), 'room.satisfied').figures.hidden).toBe(false);
      });

      it('is for admins and analysts only', async () => {
        expect(await errorCode(await get(as.manager, '/reports/comparison?survey=report-test&period=2026-Q3'))).toBe('forbidden');
        expect((await get(as.designer, '/reports/comparison?survey=report-test&period=2026-Q3')).status).toBe(403);
        expect((await get(undefined, '/reports/comparison?survey=report-test&period=2026-Q3')).status).toBe(401);
      });
    });

    describe('breakdown', () => {
      const breakdown = async (query: string, session = as.analyst) => json<BreakdownReport>(await get(session, `/reports/breakdown?survey=report-test&period=2026-Q3&${query}`));
      const groupsOf = (report: BreakdownReport, id: string) => report.questions.find((q) => q.questionId === id)!.groups;

      it('hides two small groups that together come to fewer than 5, and the next smallest with them', async () => {
        const report = await breakdown(`dimension=about.age&facility=${centre.A}`);
        expect(report.dimension).toEqual({ id: 'about.age', label: { en: 'Your age' } });
        const groups = groupsOf(report, 'room.satisfied');
        expect(groups.map((g) => g.value)).toEqual(['under_18', 'adult', '_none']);
        expect(groups.map((g) => g.figures.hidden)).toEqual([true, true, true]);
        // A hidden group does not even say how many answered.
        expect(groups.map((g) => g.figures.n)).toEqual([0, 0, 0]);
        expect(report.questions.find((q) => q.questionId === 'room.satisfied')!.overall).toMatchObject({ n: 10, hidden: false });
      });

      it('shows a group once the hidden ones together reach 5', async () => {
        const groups = groupsOf(await breakdown(`dimension=about.sex&facility=${centre.A}`), 'room.satisfied');
        expect(groups.map((g) => [g.value, g.figures.hidden])).toEqual([['female', true], ['male', false], ['_none', true]]);
        expect(groups[1]!.figures).toMatchObject({ n: 5, satisfiedShare: 0 });
        expect(groups[1]!.label).toEqual({ en: 'Male' });
      });

      it('hides the only small group of a built-in dimension together with the next one', async () => {
        const groups = groupsOf(await breakdown(`dimension=language&facility=${centre.A}`), 'room.satisfied');
        expect(groups.map((g) => [g.value, g.figures.hidden])).toEqual([['en', true], ['fr', true]]);
        expect(groups[1]!.label).toMatchObject({ en: 'French', fr: 'Français' });
      });

      it('breaks down the whole organisation when no facility is named, for admins and analysts', async () => {
        const report = await breakdown('dimension=mode');
        expect(report.facilityId).toBeNull();
        const groups = groupsOf(report, 'room.satisfied');
        expect(groups).toHaveLength(1);
        expect(groups[0]!.figures).toMatchObject({ n: 32, hidden: false });
        expect(groups[0]!.label).toMatchObject({ en: 'Answered alone', fr: 'Répondu seul' });
      });

      it('lets a manager break down their own facility only, and only by naming it', async () => {
        expect((await breakdown(`dimension=about.sex&facility=${centre.A}`, as.manager)).facilityId).toBe(centre.A);
        const unnamed = await get(as.manager, '/reports/breakdown?survey=report-test&period=2026-Q3&dimension=mode');
        expect([unnamed.status, await errorCode(unnamed)]).toEqual([400, 'invalid_query']);
        const other = await get(as.manager, `/reports/breakdown?survey=report-test&period=2026-Q3&dimension=mode&facility=${centre.B}`);
        expect([other.status, await errorCode(other)]).toEqual([404, 'unknown_facility']);
      });
    });

    describe('access and bad queries', () => {
      it("answers 404 for a facility outside the caller's, and for another organisation's", async () => {
        for (const [session, id] of [[as.manager, centre.B], [as.admin, centre.X], [as.admin, 'no-such-facility']] as const) {
          const response = await facility(`facility=${id}&period=2026-Q3`, session);
          expect([response.status, await errorCode(response)]).toEqual([404, 'unknown_facility']);
        }
        expect((await facility(`facility=${centre.A}&period=2026-Q3`, as.designer)).status).toBe(403);
        const unknown = await get(as.admin, `/reports/facility?survey=no-such-survey&facility=${centre.A}&period=2026-Q3`);
        expect([unknown.status, await errorCode(unknown)]).toEqual([404, 'unknown_survey']);
      });

      it('answers 400 invalid_query naming the parameter for every malformed query, never a 500', async () => {
        const cases: Array<[string, string]> = [
          [`/reports/facility?facility=${centre.A}&period=2026-Q3`, 'survey'],
          [`/reports/facility?survey=Report!&facility=${centre.A}&period=2026-Q3`, 'survey'],
          [`/reports/facility?survey=report-test&period=2026-Q3`, 'facility'],
          [`/reports/facility?survey=report-test&facility=${centre.A}`, 'period'],
          [`/reports/facility?survey=report-test&facility=${centre.A}&period=2026-Q5`, 'period'],
          [`/reports/facility?survey=report-test&facility=${centre.A}&period=2026-Q3'%20OR%201=1`, 'period'],
          [`/reports/facility?survey=report-test&facility=${centre.A}&period=2026-Q3&from=2026-07-01&to=2026-07-02`, 'period'],
          [`/reports/facility?survey=report-test&facility=${centre.A}&from=2026-02-30&to=2026-03-01`, 'from'],
          [`/reports/facility?survey=report-test&facility=${centre.A}&from=2026-07-01`, 'to'],
          [`/reports/facility?survey=report-test&facility=${centre.A}&from=2026-07-02&to=2026-07-01`, 'to'],
          [`/reports/facility?survey=report-test&facility=${centre.A}&from=2025-12-30&to=2026-12-31`, 'to'],
          [`/reports/facility?survey=report-test&survey=other&facility=${centre.A}&period=2026-Q3`, 'survey'],
          ['/reports/comparison?survey=report-test', 'period'],
          ['/reports/comparison?survey=report-test&period=2026-Q3&from=2026-07-01', 'from'],
          ['/reports/breakdown?survey=report-test&period=2026-Q3', 'dimension'],
          ['/reports/breakdown?survey=report-test&period=2026-Q3&dimension=room.satisfied', 'dimension'],
          ['/reports/breakdown?survey=report-test&period=2026-Q3&dimension=nationality', 'dimension'],
          ['/reports/breakdown?survey=report-test&period=2026-Q3&dimension=DROP%20TABLE', 'dimension'],
        ];
        for (const [path, parameter] of cases) {
          const response = await get(as.admin, path);
          const body = (await response.json()) as { error: { code: string; message: string } };
          expect([response.status, body.error.code], path).toEqual([400, 'invalid_query']);
          expect(body.error.message.startsWith(parameter), `${path}: ${body.error.message}`).toBe(true);
        }
      });

      it('reads no response rows: the reports come from the counts alone', async () => {
        const saved = await database.db.selectFrom('responses').selectAll().execute();
        await database.db.deleteFrom('responses').execute();
        try {
          const report = await json<FacilityReport>(await facility(`facility=${centre.A}&period=2026-Q3`));
          expect(report.responses.total).toBe(10);
          expect(question(report, 'room.satisfied').figures.n).toBe(10);
        } finally {
          for (let i = 0; i < saved.length; i += 100) await database.db.insertInto('responses').values(saved.slice(i, i + 100)).execute();
        }
      });
    });
  });
}
