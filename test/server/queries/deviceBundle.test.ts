import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { deviceBundle } from '../../../src/server/queries/deviceBundle.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { enrollTablet } from '../reports/support/reportFixture.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';

const shipped = (id: string) => JSON.parse(readFileSync(`public/surveys/${id}.json`, 'utf8')) as unknown;

for (const kind of testDatabaseKinds()) {
  describe(`the device bundle's surveys on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
    });
    afterAll(() => dispose?.());

    it('carries the residents\' surveys and never an inspectors\' one (the monitoring visit is filled in by staff, not on a tablet)', async () => {
      const organisationId = (await createOrganisation(database.db, { name: 'Prefettura' })).id;
      const facilityId = (await createFacility(database.db, { organisationId, name: 'CAS Aurora', timeZone: 'Europe/Rome' })).id;
      for (const id of ['centre-satisfaction', 'monitoring-visit']) await publishSurveyVersion(database.db, { organisationId, definition: shipped(id) });
      const tablet = await enrollTablet(database.db, facilityId);
      const bundle = JSON.parse((await deviceBundle(database.db, tablet.device)).json) as { surveys: Array<{ id: string }> };
      expect(bundle.surveys.map((s) => s.id)).toEqual(['centre-satisfaction']);
    });
  });
}
