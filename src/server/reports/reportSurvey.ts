import type { Kysely } from 'kysely';
import type { FacilityReport, QuestionReport } from '../../survey/reportTypes.ts';
import type { Question, SurveyDefinition } from '../../survey/schema.ts';
import { listQuestions } from '../../survey/walkItems.ts';
import type { Database } from '../db/schema.ts';
import { DEFAULT_TARGET_PERCENT } from './indicators.ts';

/** What every report needs beside the counts: the survey's current definition and the organisation's settings. */
export interface ReportSurvey {
  definition: SurveyDefinition;
  /** Every published version: the counts of all of them add up under the current labels. */
  versions: number[];
  minCellSize: number;
  targets: Map<string, number>;
}

/** Published versions are immutable: each is parsed once per database. */
const definitions = new WeakMap<Kysely<Database>, Map<string, SurveyDefinition>>();

export async function loadReportSurvey(db: Kysely<Database>, organisationId: string, surveyId: string): Promise<ReportSurvey | undefined> {
  const versions = (await db.selectFrom('survey_versions').select('version')
    .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).orderBy('version').execute()).map((r) => Number(r.version));
  const current = versions.at(-1);
  if (current === undefined) return undefined;
  let cache = definitions.get(db);
  if (!cache) definitions.set(db, (cache = new Map()));
  const key = `${organisationId}/${surveyId}@${current}`;
  let definition = cache.get(key);
  if (!definition) {
    const row = await db.selectFrom('survey_versions').select('definition')
      .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).where('version', '=', current).executeTakeFirstOrThrow();
    definition = JSON.parse(row.definition) as SurveyDefinition;
    cache.set(key, definition);
  }
  const [organisation, targets] = await Promise.all([
    db.selectFrom('organisations').select('min_cell_size').where('id', '=', organisationId).executeTakeFirst(),
    db.selectFrom('indicator_targets').select(['question_id', 'target_percent']).where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).execute(),
  ]);
  return {
    definition,
    versions,
    // The threshold is never below 5, whatever the row says.
    minCellSize: Math.max(5, Number(organisation?.min_cell_size ?? 5)),
    targets: new Map(targets.map((t) => [t.question_id, Number(t.target_percent)])),
  };
}

export function targetPercent(survey: ReportSurvey, questionId: string): number {
  return survey.targets.get(questionId) ?? DEFAULT_TARGET_PERCENT;
}

export function surveySummary(definition: SurveyDefinition): FacilityReport['survey'] {
  return { id: definition.id, version: definition.version, title: definition.title, languages: definition.languages, defaultLanguage: definition.defaultLanguage };
}

export interface ReportQuestion {
  question: Question;
  topic?: QuestionReport['topic'];
}

/**
 * The questions a report shows, in the definition's order: everything that takes an
 * answer, except demographics, which are reported only as breakdowns (schema.ts).
 */
export function reportQuestions(definition: SurveyDefinition): ReportQuestion[] {
  return listQuestions(definition.items)
    .filter((p) => p.question.kind !== 'info' && !p.question.demographic)
    .map((p) => {
      const group = p.groups[0];
      return group ? { question: p.question, topic: { id: group.id, title: group.title, pictogram: group.pictogram } } : { question: p.question };
    });
}
