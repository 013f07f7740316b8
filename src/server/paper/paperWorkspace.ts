import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '../../survey/schema.ts';
import type { Database } from '../db/schema.ts';
import { currentSurveyVersions, getSurveyVersion } from '../queries/surveyVersions.ts';
import { listPaperBatches, type PaperBatchView } from './paperBatches.ts';

export interface PaperWorkspace {
  doubleEntry: boolean;
  staffId: string;
  facilities: Array<{ id: string; name: string; timeZone: string }>;
  surveys: SurveyDefinition[];
  batches: PaperBatchView[];
}

/**
 * What the offline transcription keeps (GET /paper/workspace): the caller's facilities,
 * their batches, the organisation's current survey versions and every older version a
 * batch names (a sheet is keyed in the version it was printed in).
 */
export async function paperWorkspace(db: Kysely<Database>, input: { organisationId: string; staffId: string; facilityIds: readonly string[] }): Promise<PaperWorkspace> {
  const organisation = await db.selectFrom('organisations').select('paper_double_entry').where('id', '=', input.organisationId).executeTakeFirstOrThrow();
  const facilities = input.facilityIds.length === 0 ? [] : await db.selectFrom('facilities').select(['id', 'name', 'time_zone'])
    .where('organisation_id', '=', input.organisationId).where('id', 'in', [...input.facilityIds]).orderBy('name').orderBy('id').execute();
  const batches = await listPaperBatches(db, input.organisationId, input.facilityIds);
  const surveys = await currentSurveyVersions(db, input.organisationId);
  const have = new Set(surveys.map((s) => `${s.id}@${s.version}`));
  for (const batch of batches) {
    const key = `${batch.surveyId}@${batch.surveyVersion}`;
    if (have.has(key)) continue;
    have.add(key);
    const survey = await getSurveyVersion(db, input.organisationId, batch.surveyId, batch.surveyVersion);
    if (survey) surveys.push(survey);
  }
  surveys.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version));
  return {
    doubleEntry: Number(organisation.paper_double_entry) === 1,
    staffId: input.staffId,
    facilities: facilities.map((f) => ({ id: f.id, name: f.name, timeZone: f.time_zone })),
    surveys,
    batches,
  };
}

/** Every published version of a survey, oldest first (GET /paper/surveys/:id/versions). */
export async function listSurveyVersions(db: Kysely<Database>, organisationId: string, surveyId: string): Promise<Array<{ version: number; title: SurveyDefinition['title'] }>> {
  const rows = await db.selectFrom('survey_versions').select(['version', 'definition'])
    .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).orderBy('version').execute();
  return rows.map((row) => ({ version: Number(row.version), title: (JSON.parse(row.definition) as SurveyDefinition).title }));
}
