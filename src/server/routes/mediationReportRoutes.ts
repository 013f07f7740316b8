import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import { requireRole, requireStaff, visibleFacility, type StaffEnv } from '../auth/staffAuth.ts';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/apiError.ts';
import { assistanceReport } from '../reports/assistanceReport.ts';
import { mediatorNotesList } from '../reports/mediatorNotesList.ts';
import { parseFacilityQuarterQuery } from '../reports/parseReportQuery.ts';
import { loadReportSurvey } from '../reports/reportSurvey.ts';

export interface MediationReportRouteOptions {
  db: Kysely<Database>;
  now?: () => Date;
}

/** GET /reports/assistance and GET /reports/mediator-notes (docs/staff-api.md, "Mediator mode"). */
export function mediationReportRoutes(options: MediationReportRouteOptions) {
  const { db } = options;
  const app = new Hono<StaffEnv>();
  // Per route, not app.use('*'): this app is mounted beside others under /api/v1.
  const signedIn = requireStaff(db, options.now ? { now: options.now } : undefined);

  /** The facility (one of the caller's) and the survey of the query, or the refusal. */
  async function scope(c: Context<StaffEnv>) {
    const parsed = parseFacilityQuarterQuery(c.req.queries());
    if (!parsed.ok) return { response: apiError(c, 400, 'invalid_query', parsed.message) };
    const staff = c.get('staff');
    const facility = await visibleFacility(db, staff, parsed.query.facility);
    if (!facility) return { response: apiError(c, 404, 'unknown_facility', 'no such facility among yours') };
    const survey = await loadReportSurvey(db, staff.organisationId, parsed.query.survey);
    if (!survey) return { response: apiError(c, 404, 'unknown_survey', `this organisation has no survey ${parsed.query.survey}`) };
    return { facility, survey, quarter: parsed.query.quarter };
  }

  app.get('/reports/assistance', signedIn, requireRole('admin', 'analyst', 'manager'), async (c) => {
    const found = await scope(c);
    if ('response' in found) return found.response;
    return c.json(await assistanceReport(db, found.survey, found.facility.id, found.quarter));
  });

  app.get('/reports/mediator-notes', signedIn, requireRole('admin', 'analyst', 'manager'), async (c) => {
    const found = await scope(c);
    if ('response' in found) return found.response;
    c.header('Cache-Control', 'no-store');
    return c.json(await mediatorNotesList(db, { surveyId: found.survey.definition.id, facilityId: found.facility.id, period: found.quarter, minCellSize: found.survey.minCellSize }));
  });

  return app;
}
