import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '../../survey/schema.ts';
import { isForInspectors } from '../../survey/schema.ts';
import type { Database } from '../db/schema.ts';

export interface WaveSurveyChoice {
  id: string;
  /** The newest version's title. */
  title: SurveyDefinition['title'];
  defaultLanguage: string;
  versions: Array<{ version: number; publishedAt: string; languages: string[] }>;
}

/** The residents' surveys a wave can run, each with its published versions, newest first (the create form's picker). */
export async function listWaveSurveys(db: Kysely<Database>, organisationId: string): Promise<WaveSurveyChoice[]> {
  const rows = await db.selectFrom('survey_versions').select(['survey_id', 'version', 'definition', 'published_at'])
    .where('organisation_id', '=', organisationId).orderBy('survey_id').orderBy('version', 'desc').execute();
  const surveys = new Map<string, WaveSurveyChoice>();
  for (const row of rows) {
    const definition = JSON.parse(row.definition) as SurveyDefinition;
    if (isForInspectors(definition)) continue;
    let choice = surveys.get(row.survey_id);
    if (!choice) surveys.set(row.survey_id, (choice = { id: row.survey_id, title: definition.title, defaultLanguage: definition.defaultLanguage, versions: [] }));
    choice.versions.push({ version: Number(row.version), publishedAt: row.published_at, languages: definition.languages });
  }
  return [...surveys.values()];
}
