import type { Kysely } from 'kysely';
import { checkForPublishing } from '../../survey/checkForPublishing.ts';
import { describeProblems } from '../../survey/parseSurvey.ts';
import type { SurveyDefinition } from '../../survey/schema.ts';
import type { Database } from '../db/schema.ts';

/**
 * Publishes a definition as the survey's next version (the file's own version number is
 * replaced): published versions are immutable, and every one is kept.
 */
export async function publishSurveyVersion(db: Kysely<Database>, input: { organisationId: string; definition: unknown }, now = new Date()): Promise<SurveyDefinition> {
  const parsed = checkForPublishing(input.definition);
  if (!parsed.ok) throw new Error(`the survey definition has errors:\n${describeProblems(parsed.problems)}`);
  return db.transaction().execute(async (tx) => {
    const latest = await tx
      .selectFrom('survey_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('organisation_id', '=', input.organisationId)
      .where('survey_id', '=', parsed.survey.id)
      .executeTakeFirst();
    const survey = { ...parsed.survey, version: Number(latest?.version ?? 0) + 1 };
    await tx.insertInto('survey_versions').values({
      organisation_id: input.organisationId, survey_id: survey.id, version: survey.version,
      definition: JSON.stringify(survey), published_at: now.toISOString(),
    }).execute();
    return survey;
  });
}

export async function getSurveyVersion(db: Kysely<Database>, organisationId: string, surveyId: string, version: number): Promise<SurveyDefinition | undefined> {
  const row = await db.selectFrom('survey_versions').select('definition')
    .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).where('version', '=', version)
    .executeTakeFirst();
  return row ? (JSON.parse(row.definition) as SurveyDefinition) : undefined;
}

/** The newest version of each of the organisation's surveys. */
export async function currentSurveyVersions(db: Kysely<Database>, organisationId: string): Promise<SurveyDefinition[]> {
  const rows = await db.selectFrom('survey_versions as v').select(['v.definition'])
    .where('v.organisation_id', '=', organisationId)
    .where(({ eb, selectFrom }) => eb('v.version', '=',
      selectFrom('survey_versions as w').select((w) => w.fn.max('w.version').as('m'))
        .whereRef('w.organisation_id', '=', 'v.organisation_id').whereRef('w.survey_id', '=', 'v.survey_id')))
    .orderBy('v.survey_id')
    .execute();
  return rows.map((row) => JSON.parse(row.definition) as SurveyDefinition);
}
