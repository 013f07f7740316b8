import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Every published version of a survey, oldest first (none: the organisation has no such survey). */
export async function listVersions(db: Kysely<Database>, organisationId: string, surveyId: string): Promise<Array<{ version: number; publishedAt: string }>> {
  const rows = await db.selectFrom('survey_versions').select(['version', 'published_at'])
    .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).orderBy('version').execute();
  return rows.map((row) => ({ version: Number(row.version), publishedAt: row.published_at }));
}
