import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOrganisation } from '../../src/server/queries/organisations.ts';
import { currentSurveyVersions, getSurveyVersion } from '../../src/server/queries/surveyVersions.ts';
import { publishBuiltInSurveys, publishBuiltInSurveysToAll } from '../../src/server/seedDemo.ts';
import { testDatabaseKinds } from './support/testDatabases.ts';

const shipped = (id: string) => JSON.parse(readFileSync(`public/surveys/${id}.json`, 'utf8')) as { version: number };

describe('built-in surveys on the server', () => {
  it('keep their shipped version numbers, so answers given before enrollment name a version the server has', async () => {
    const { handle, dispose } = await testDatabaseKinds()[0]!.open();
    try {
      const { id } = await createOrganisation(handle.db, { name: 'Org', retentionDays: 730 });
      await publishBuiltInSurveys(handle.db, id);
      const current = await currentSurveyVersions(handle.db, id);
      expect(current.map((s) => [s.id, s.version])).toEqual([
        ['centre-satisfaction', shipped('centre-satisfaction').version],
        ['children-satisfaction', shipped('children-satisfaction').version],
        ['monitoring-visit', shipped('monitoring-visit').version],
        ['resident-satisfaction', shipped('resident-satisfaction').version],
      ]);
      // The server refuses a children's response given without a mediator by this flag.
      expect(current.find((s) => s.id === 'children-satisfaction')?.requiresMediator).toBe(true);
      expect(await publishBuiltInSurveys(handle.db, id)).toEqual([]);
    } finally {
      await dispose();
    }
  });

  it('reach existing organisations when a release ships a newer version, and never overwrite one', async () => {
    const { handle, dispose } = await testDatabaseKinds()[0]!.open();
    try {
      const dir = mkdtempSync(join(tmpdir(), 'sayso-builtins-'));
      const resident = JSON.parse(readFileSync('public/surveys/resident-satisfaction.json', 'utf8')) as Record<string, unknown>;
      writeFileSync(join(dir, 'resident-satisfaction.json'), JSON.stringify({ ...resident, version: 1 }));
      const { id } = await createOrganisation(handle.db, { name: 'Org', retentionDays: 730 });
      await publishBuiltInSurveys(handle.db, id, dir);
      writeFileSync(join(dir, 'resident-satisfaction.json'), JSON.stringify({ ...resident, version: 3 }));
      expect(await publishBuiltInSurveysToAll(handle.db, dir)).toBe(1);
      expect((await currentSurveyVersions(handle.db, id)).map((s) => s.version)).toEqual([3]);
      expect(await getSurveyVersion(handle.db, id, 'resident-satisfaction', 1)).toMatchObject({ version: 1 });
      // An older built-in than the organisation's own newest version is not published.
      writeFileSync(join(dir, 'resident-satisfaction.json'), JSON.stringify({ ...resident, version: 2 }));
      expect(await publishBuiltInSurveysToAll(handle.db, dir)).toBe(0);
    } finally {
      await dispose();
    }
  });
});
