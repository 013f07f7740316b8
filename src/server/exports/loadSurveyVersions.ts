import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '../../survey/schema.ts';
import type { Database } from '../db/schema.ts';

/** Every published version of one survey, oldest first (the last is the current one); empty when the survey is unknown. */
export async function loadSurveyVersions(db: Kysely<Database>, organisationId: string, surveyId: string): Promise<SurveyDefinition[]> {
  const rows = await db.selectFrom('survey_versions').select('definition')
    .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId)
    .orderBy('version').execute();
  return rows.map((row) => JSON.parse(row.definition) as SurveyDefinition);
}
