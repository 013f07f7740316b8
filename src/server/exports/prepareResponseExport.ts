import type { Kysely } from 'kysely';
import type { QuarterId } from '../../survey/periods.ts';
import type { Database } from '../db/schema.ts';
import { chooseLanguage, type ExportProblem } from './exportProblem.ts';
import { loadSurveyVersions } from './loadSurveyVersions.ts';
import type { ResponseExportPlan } from './responseRows.ts';

export interface ResponseExportQuery {
  organisationId: string;
  surveyId: string;
  /** One facility of the organisation; absent or null for all of them. */
  facilityId?: string | null;
  /** One quarter; absent or null for all time. */
  period?: QuarterId | null;
  /** A language of the survey; absent for its default language. */
  lang?: string | null;
}

/** Checks a per-response export's survey, facility and language against the database, before any byte is sent. */
export async function prepareResponseExport(db: Kysely<Database>, query: ResponseExportQuery): Promise<{ ok: true; plan: ResponseExportPlan } | { ok: false; problem: ExportProblem }> {
  const versions = await loadSurveyVersions(db, query.organisationId, query.surveyId);
  const current = versions[versions.length - 1];
  if (!current) return { ok: false, problem: { status: 404, code: 'unknown_survey', message: 'no such survey in your organisation' } };
  const language = chooseLanguage(current, query.lang);
  if (typeof language !== 'string') return { ok: false, problem: language };
  const rows = await db.selectFrom('facilities').select(['id', 'name', 'time_zone']).where('organisation_id', '=', query.organisationId).orderBy('name').orderBy('id').execute();
  const facilities = new Map(rows.map((row) => [row.id, { name: row.name, timeZone: row.time_zone }]));
  const facilityId = query.facilityId ?? null;
  if (facilityId !== null && !facilities.has(facilityId)) return { ok: false, problem: { status: 404, code: 'unknown_facility', message: 'no such facility among yours' } };
  return { ok: true, plan: { organisationId: query.organisationId, versions, language, facilities, facilityId, period: query.period ?? null } };
}
