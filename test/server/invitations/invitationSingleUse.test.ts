import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { localDay, RESPONSE_STATUS } from '../../../src/server/rollupCells.ts';
import type { InvitationOffer } from '../../../src/survey/invitations/invitationResponse.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { invitationResponseFor } from './invitationResponseFor.ts';
import { seedInvitationWave } from './seedInvitationWave.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));
const answersFor = (score: number) => ({ 'room.satisfied': true, 'room.score': score, overall: 3 });
const ZONE = 'Europe/Brussels';
const dayPlus = (days: number) => localDay(new Date(Date.now() + days * 86_400_000).toISOString(), ZONE);

for (const kind of testDatabaseKinds()) {
  describe(`one response per invitation code under concurrent submissions, on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    let organisationId: string;
    let facilityId: string;
    /** Each test its own facility: waves of one survey may not overlap in a facility. */
    const newFacility = async () => (facilityId = (await createFacility(database.db, { organisationId, name: 'Centre A', timeZone: ZONE })).id);

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      app = createApp({ staticRoot: 'dist', db: database.db });
      organisationId = (await createOrganisation(database.db, { name: 'Fedasil test' })).id;
      await publishSurveyVersion(database.db, { organisationId, definition: mini });
    });
    afterAll(() => dispose?.());

    const post = async (code: string, response: unknown) => {
      const result = await app.request(`/api/v1/invitations/${code}/response`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ response }) });
      const body = (await result.json()) as { status?: string; error?: { code: string } };
      return `${result.status} ${body.status ?? body.error?.code}`;
    };
    const tally = (outcomes: string[]) => Object.fromEntries([...new Set(outcomes)].sort().map((o) => [o, outcomes.filter((x) => x === o).length]));
    const waveCounts = async (waveId: string) => {
      const responses = await database.db.selectFrom('responses').select('id').where('wave_id', '=', waveId).execute();
      const rollup = await database.db.selectFrom('rollup_counts').select('count')
        .where('facility_id', '=', facilityId).where('question_id', '=', RESPONSE_STATUS).where('answer_value', '=', 'complete').execute();
      return { responses: responses.length, rollupComplete: rollup.reduce((sum, row) => sum + Number(row.count), 0) };
    };

    it('20 different responses sent at once with one code: exactly one accepted, 19 told code_used, one response row, the rollups count one', async () => {
      const { waveId, codes } = await seedInvitationWave(database.db, { organisationId, facilityId: await newFacility(), surveyId: 'mini', surveyVersion: 1, startsOn: dayPlus(-1), endsOn: dayPlus(1), count: 1 });
      const { sealing } = (await (await app.request(`/api/v1/invitations/${codes[0]}`)).json()) as InvitationOffer;
      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => invitationResponseFor(answersFor(i % 11), { sealing })));
      const outcomes = await Promise.all(responses.map((response) => post(codes[0]!, response)));
      expect(tally(outcomes)).toEqual({ '200 accepted': 1, '409 code_used': 19 });
      expect(await waveCounts(waveId)).toEqual({ responses: 1, rollupComplete: 1 });
      // The one stored is the one told accepted.
      const winner = responses[outcomes.indexOf('200 accepted')]!;
      expect((await database.db.selectFrom('responses').select('id').where('wave_id', '=', waveId).executeTakeFirstOrThrow()).id).toBe(winner.id);
      expect(await post(codes[0]!, winner)).toBe('200 duplicate');
    });

    it('the same response sent 20 times at once (a phone retrying): one accepted, the rest duplicate, one row', async () => {
      const { waveId, codes } = await seedInvitationWave(database.db, { organisationId, facilityId: await newFacility(), surveyId: 'mini', surveyVersion: 1, startsOn: dayPlus(-1), endsOn: dayPlus(1), count: 1 });
      const response = await invitationResponseFor(answersFor(7));
      const before = await waveCounts(waveId);
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => post(codes[0]!, response)));
      expect(tally(outcomes)).toEqual({ '200 accepted': 1, '200 duplicate': 19 });
      expect((await waveCounts(waveId)).responses).toBe(before.responses + 1);
    });
  });
}
