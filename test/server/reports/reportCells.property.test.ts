import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { ingestBatch } from '../../../src/server/queries/ingestBatch.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { rebuildReportCells } from '../../../src/server/reports/rebuildReportCells.ts';
import type { Answers } from '../../../src/survey/answers.ts';
import type { ResponseEnvelope } from '../../../src/survey/responseEnvelope.ts';
import { makeResponseMac } from '../../../src/survey/responseMac.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { enrollTablet, tabletResponse, type Tablet } from './support/reportFixture.ts';
import { reportSurvey } from './support/reportSurvey.ts';

const SEED = Number(process.env.SAYSO_REPORT_SEED ?? Date.now() % 1_000_000);
console.log(`report cells property test: SAYSO_REPORT_SEED=${SEED}`);

function makeRandom(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

// What the test knows of its survey, written out here rather than taken from the production code.
const KINDS: Record<string, string> = {
  'room.satisfied': 'yesno', 'room.reasons': 'multi', 'room.score': 'rating', mood: 'faces', desk: 'faces',
  food: 'expectation', safety: 'compliance', comment: 'text', 'about.age': 'single', 'about.sex': 'single',
};
const DEMOGRAPHICS = ['about.age', 'about.sex'];
const PNA = 'prefer-not-to-answer';

/** The local date in a time zone, by a different route than the server's. */
function localDate(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}
const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** Counts every cell the design says a response adds, straight from the stored answers. */
function recount(rows: Array<{ survey_id: string; survey_version: number; facility_id: string; reported_at: string; status: string; mode: string; language: string; source: string; answers: string; assistance: string | null; time_zone: string }>) {
  const report = new Map<string, number>();
  const rollup = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const row of rows) {
    const answers = JSON.parse(row.answers) as Answers;
    const day = localDate(row.reported_at, row.time_zone);
    for (const [question, value] of [['_response.status', row.status], ['_response.mode', row.mode], ['_response.language', row.language]]) {
      add(rollup, [row.survey_id, row.survey_version, row.facility_id, day, question, value].join('|'));
    }
    const values: Array<[string, string]> = [['_response.status', row.status]];
    for (const [question, value] of Object.entries(answers)) {
      if (KINDS[question] === 'multi') values.push([question, '_n']);
      if (value === PNA) values.push([question, PNA]);
      else if (KINDS[question] === 'text') values.push([question, '_answered']);
      else if (Array.isArray(value)) for (const choice of value) values.push([question, choice]);
      else values.push([question, String(value)]);
    }
    const groups: Array<[string, string]> = [['', ''], ['language', row.language], ['mode', row.mode], ['source', row.source]];
    for (const d of DEMOGRAPHICS) groups.push([d, answers[d] === undefined || answers[d] === PNA ? '_none' : String(answers[d])]);
    for (const [dimension, group] of groups) {
      for (const [question, value] of values) add(report, [row.survey_id, row.facility_id, quarterOf(day), dimension, group, question, value, row.survey_version].join('|'));
    }
    // Every other question's respondents, under all responses only.
    for (const question of Object.keys(answers)) {
      if (KINDS[question] !== 'multi') add(report, [row.survey_id, row.facility_id, quarterOf(day), '', '', question, '_n', row.survey_version].join('|'));
    }
    // An assisted response's help, under all responses only: each kind and question once, its role.
    if (row.assistance) {
      const help = JSON.parse(row.assistance) as { role: string; kinds: string[]; questions: string[] };
      const cells: Array<[string, string]> = [...new Set(help.kinds)].map((k) => ['_assistance', k]);
      cells.push(['_assistant', help.role]);
      for (const q of new Set(help.questions)) if (KINDS[q]) cells.push(['_helped', q]);
      for (const [question, value] of cells) add(report, [row.survey_id, row.facility_id, quarterOf(day), '', '', question, value, row.survey_version].join('|'));
    }
  }
  return { report, rollup };
}

for (const kind of testDatabaseKinds()) {
  describe(`report cells on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    const tablets: Tablet[] = [];
    const random = makeRandom(SEED + (kind.name === 'postgres' ? 1 : 0));
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const now = new Date('2026-12-20T12:00:00Z');

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      const organisationId = (await createOrganisation(database.db, { name: 'Fedasil test' })).id;
      await publishSurveyVersion(database.db, { organisationId, definition: reportSurvey(1) });
      await publishSurveyVersion(database.db, { organisationId, definition: reportSurvey(2) });
      for (const timeZone of ['Europe/Brussels', 'Pacific/Auckland', 'America/Los_Angeles']) {
        const facility = await createFacility(database.db, { organisationId, name: `Centre ${timeZone}`, timeZone });
        tablets.push(await enrollTablet(database.db, facility.id));
      }
    });
    afterAll(() => dispose?.());

    /** Valid random answers: follow-ups only where shown, required ones in complete responses. */
    function randomAnswers(version: 1 | 2, status: 'complete' | 'partial'): Answers {
      const answers: Answers = {};
      const maybe = (p = 0.7) => random() < p;
      if (status === 'complete' || maybe()) answers['room.satisfied'] = pick([true, true, false, PNA]);
      if (answers['room.satisfied'] === false && maybe(0.8)) {
        answers['room.reasons'] = maybe(0.15) ? PNA : ['noise', 'cold', version === 1 ? 'smell' : 'crowded'].filter(() => maybe(0.5));
      }
      if (maybe()) answers['room.score'] = maybe(0.1) ? PNA : Math.floor(random() * 11);
      if (maybe()) answers.mood = 1 + Math.floor(random() * 5);
      if (maybe()) answers.desk = 1 + Math.floor(random() * 3);
      if (maybe()) answers.food = pick(['below', 'at', 'above', PNA]);
      if (maybe()) answers.safety = pick(['effective', 'partial', 'critical']);
      if (maybe(0.3)) answers.comment = pick(['Too loud at night', 'ok', 'مرحبا']);
      if (maybe()) answers['about.age'] = pick(['under_18', 'adult', PNA]);
      if (maybe()) answers['about.sex'] = pick(['female', 'male', PNA]);
      return answers;
    }

    /** Around quarter ends (where time zones disagree on the quarter) and anywhere in 2026. */
    function randomTime(): string {
      if (random() < 0.5) {
        const edge = Date.parse(pick(['2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', '2026-07-01T00:00:00Z', '2026-10-01T00:00:00Z']));
        return new Date(edge + (random() - 0.5) * 2 * 14 * 3_600_000).toISOString();
      }
      return new Date(Date.parse('2025-12-01T00:00:00Z') + random() * (now.getTime() - 86_400_000 - Date.parse('2025-12-01T00:00:00Z'))).toISOString();
    }

    it('keeps report cells and day rollups equal to a recount of the stored answers, through duplicates, conflicts and rejections', async () => {
      const sent: Array<{ tablet: Tablet; item: ResponseEnvelope }> = [];
      let accepted = 0;
      for (let batch = 0; batch < 25; batch++) {
        const tablet = pick(tablets);
        const items: ResponseEnvelope[] = [];
        const expected: string[] = [];
        const size = 1 + Math.floor(random() * 16);
        for (let i = 0; i < size; i++) {
          const roll = random();
          const earlier = sent.filter((s) => s.tablet === tablet);
          if (roll < 0.08 && earlier.length) {
            items.push(pick(earlier).item);
            expected.push('duplicate');
          } else if (roll < 0.14 && earlier.length) {
            const original = pick(earlier).item;
            const status = original.status;
            items.push(await tabletResponse(tablet, 'report-test', { answers: randomAnswers(original.surveyVersion as 1 | 2, status), at: randomTime(), status, surveyVersion: original.surveyVersion }, now, { id: original.id }));
            // Random answers may come out the same as the original's: then it is a plain duplicate.
            expected.push('conflict-or-duplicate');
          } else if (roll < 0.2) {
            const bad = pick(['mac', 'answers', 'version']);
            const good = await tabletResponse(tablet, 'report-test', { answers: randomAnswers(1, 'complete'), at: randomTime() }, now);
            if (bad === 'mac') items.push({ ...good, answers: { ...good.answers, 'room.score': 3 }, mac: good.mac.startsWith('A') ? `B${good.mac.slice(1)}` : `A${good.mac.slice(1)}` });
            else if (bad === 'answers') {
              const unsigned = { ...good, answers: { ...good.answers, 'room.score': 11 } };
              items.push({ ...unsigned, mac: await makeResponseMac(unsigned, tablet.secret) });
            } else items.push(await tabletResponse(tablet, 'report-test', { answers: { 'room.satisfied': true }, at: randomTime(), surveyVersion: 9 }, now));
            expected.push('rejected');
          } else {
            const version = pick([1, 2] as const);
            const status = random() < 0.25 ? 'partial' : 'complete';
            const response: Parameters<typeof tabletResponse>[2] = {
              answers: randomAnswers(version, status), at: randomTime(), status, surveyVersion: version,
              language: pick(['en', 'fr', 'ar', 'ti']), mode: pick(['self', 'assisted']), source: pick(['tablet', 'paper', 'invitation']),
            };
            // An assisted response says how (kinds and questions may repeat, or name no question of the survey).
            const help = response.mode === 'assisted' ? {
              assistance: {
                role: pick(['social-worker', 'intercultural-mediator', 'interpreter', 'peer', 'mediator', 'other'] as const),
                kinds: (['read-aloud', 'translated', 'answered-on-behalf', 'read-aloud'] as const).filter(() => random() < 0.4),
                questions: ['room.score', 'mood', 'food', 'mood', 'not.a.question'].filter(() => random() < 0.4),
                ...(random() < 0.5 && { staffRef: 'sr_propertyTestReference0' }),
              },
            } : {};
            // Now and then a tablet clock far off: reported at the time the server received it.
            const item = await tabletResponse(tablet, 'report-test', response, now, { ...help, ...(random() < 0.05 ? { meta: { deviceClock: '2020-01-01T00:00:00.000Z' } } : {}) });
            items.push(item);
            expected.push(items.slice(0, -1).some((other) => other.id === item.id) ? 'duplicate' : 'accepted');
            sent.push({ tablet, item });
          }
        }
        const results = await ingestBatch(database.db, { device: tablet.device, items }, now);
        results.forEach((result, i) => {
          const want = expected[i]!;
          if (want === 'conflict-or-duplicate') expect(['rejected', 'duplicate']).toContain(result.status);
          else expect(result.status, `seed ${SEED}, batch ${batch}, item ${i}: ${JSON.stringify(result)}`).toBe(want);
          if (result.status === 'accepted') accepted += 1;
        });
      }

      const rows = await database.db.selectFrom('responses').innerJoin('facilities', 'facilities.id', 'responses.facility_id')
        .select(['responses.survey_id', 'responses.survey_version', 'responses.facility_id', 'responses.reported_at', 'responses.status', 'responses.mode',
          'responses.language', 'responses.source', 'responses.answers', 'responses.assistance', 'facilities.time_zone']).execute();
      expect(rows.length).toBe(accepted);
      const expected = recount(rows);
      expect(await reportCellsInTable()).toEqual(expected.report);
      const rollup = await database.db.selectFrom('rollup_counts').selectAll().execute();
      expect(new Map(rollup.map((r) => [[r.survey_id, r.survey_version, r.facility_id, r.period_day, r.question_id, r.answer_value].join('|'), Number(r.count)]))).toEqual(expected.rollup);
      // The quarter edges were crossed: some response counts in a different quarter than its UTC date says.
      expect(rows.some((r) => quarterOf(localDate(r.reported_at, r.time_zone)) !== quarterOf(r.reported_at.slice(0, 10)))).toBe(true);
    });

    it('rebuilds the same table from the responses, in small pages, when asked to or when it is empty', async () => {
      const before = await reportCellsInTable();
      expect(before.size).toBeGreaterThan(100);
      const forced = await rebuildReportCells(database.db, { force: true, pageSize: 7, flushAt: 40 });
      expect(forced.rebuilt).toBe(true);
      expect(forced.cells).toBe(before.size);
      expect(await reportCellsInTable()).toEqual(before);

      await database.db.deleteFrom('report_cells').execute();
      expect((await rebuildReportCells(database.db, { pageSize: 13 })).rebuilt).toBe(true);
      expect(await reportCellsInTable()).toEqual(before);
      // Filled: the start-up call does nothing.
      expect(await rebuildReportCells(database.db)).toEqual({ rebuilt: false, responses: 0, cells: 0 });
    });

    async function reportCellsInTable() {
      const cells = await database.db.selectFrom('report_cells').selectAll().execute();
      return new Map(cells.map((c) => [[c.survey_id, c.facility_id, c.period, c.dimension, c.dimension_value, c.question_id, c.answer_value, c.survey_version].join('|'), Number(c.count)]));
    }
  });
}
