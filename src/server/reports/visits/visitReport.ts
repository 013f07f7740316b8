import type { Kysely } from 'kysely';
import type { Answers } from '../../../survey/answers.ts';
import type { SurveyDefinition } from '../../../survey/schema.ts';
import type { Database } from '../../db/schema.ts';
import { getSurveyVersion } from '../../queries/surveyVersions.ts';
import { localDay } from '../../rollupCells.ts';
import { buildVisitSummary } from './buildVisitSummary.ts';
import { listVisits } from './listVisits.ts';
import type { VisitReport } from './visitReportTypes.ts';

export interface VisitReportInput {
  organisationId: string;
  facility: { id: string; time_zone: string };
  /** The survey's current version: the report's title. */
  survey: SurveyDefinition;
  from?: string | undefined;
  to?: string | undefined;
}

const parseList = (json: string | null): string[] => {
  if (!json) return [];
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

/**
 * A facility's visits with their findings, each read with the survey version it was filled
 * in. Inspectors' assessments of the centre, not residents' answers: the small-cell rule does
 * not apply, and nothing of a resident is in them (the notes are the inspector's).
 */
export async function visitReport(db: Kysely<Database>, input: VisitReportInput): Promise<VisitReport> {
  const rows = await listVisits(db, { organisationId: input.organisationId, facilityId: input.facility.id, surveyId: input.survey.id, from: input.from, to: input.to });
  const definitions = new Map<number, SurveyDefinition | undefined>();
  for (const version of new Set(rows.map((row) => row.survey_version))) {
    definitions.set(version, version === input.survey.version ? input.survey : await getSurveyVersion(db, input.organisationId, input.survey.id, version));
  }
  const visits = rows.flatMap((row) => {
    const definition = definitions.get(row.survey_version);
    if (!definition) return [];
    return [buildVisitSummary(definition, {
      responseId: row.id,
      serial: row.serial,
      visitDay: localDay(row.reported_at, input.facility.time_zone),
      language: row.language,
      answers: JSON.parse(row.answers) as Answers,
      unreadable: parseList(row.unreadable),
    })];
  });
  return {
    facilityId: input.facility.id,
    surveyId: input.survey.id,
    from: input.from ?? null,
    to: input.to ?? null,
    survey: { id: input.survey.id, title: input.survey.title, defaultLanguage: input.survey.defaultLanguage },
    visits,
  };
}
