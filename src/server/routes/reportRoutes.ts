import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import { requireRole, requireStaff, visibleFacility, type StaffEnv } from '../auth/staffAuth.ts';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/apiError.ts';
import { breakdownDimensions, breakdownReport } from '../reports/breakdownReport.ts';
import { comparisonReport } from '../reports/comparisonReport.ts';
import { facilityReport } from '../reports/facilityReport.ts';
import { parseBreakdownQuery, parseComparisonQuery, parseFacilityQuery, type Parsed } from '../reports/parseReportQuery.ts';
import { loadReportSurvey } from '../reports/reportSurvey.ts';

export interface ReportRouteOptions {
  db: Kysely<Database>;
  now?: () => Date;
}

const invalidQuery = (c: Context, problem: Extract<Parsed<unknown>, { ok: false }>) => apiError(c, 400, 'invalid_query', problem.message);
const unknownFacility = (c: Context) => apiError(c, 404, 'unknown_facility', 'no such facility among yours');
const unknownSurvey = (c: Context, id: string) => apiError(c, 404, 'unknown_survey', `this organisation has no survey ${id}`);

/**
 * The report routes of docs/staff-api.md: a facility's dashboard, the central comparison
 * and breakdowns. They read report_cells and rollup_counts only, never the responses.
 */
export function reportRoutes(options: ReportRouteOptions) {
  const { db } = options;
  const app = new Hono<StaffEnv>();
  // Per route, not app.use('*'): this app is mounted beside others under /api/v1.
  const signedIn = requireStaff(db, options.now ? { now: options.now } : undefined);

  app.get('/reports/facility', signedIn, requireRole('admin', 'analyst', 'manager'), async (c) => {
    const parsed = parseFacilityQuery(c.req.queries());
    if (!parsed.ok) return invalidQuery(c, parsed);
    const staff = c.get('staff');
    const facility = await visibleFacility(db, staff, parsed.query.facility);
    if (!facility) return unknownFacility(c);
    const survey = await loadReportSurvey(db, staff.organisationId, parsed.query.survey);
    if (!survey) return unknownSurvey(c, parsed.query.survey);
    return c.json(await facilityReport(db, survey, facility, parsed.query.period));
  });

  app.get('/reports/comparison', signedIn, requireRole('admin', 'analyst'), async (c) => {
    const parsed = parseComparisonQuery(c.req.queries());
    if (!parsed.ok) return invalidQuery(c, parsed);
    const staff = c.get('staff');
    const survey = await loadReportSurvey(db, staff.organisationId, parsed.query.survey);
    if (!survey) return unknownSurvey(c, parsed.query.survey);
    return c.json(await comparisonReport(db, survey, staff.organisationId, parsed.query.quarter));
  });

  app.get('/reports/breakdown', signedIn, requireRole('admin', 'analyst', 'manager'), async (c) => {
    const parsed = parseBreakdownQuery(c.req.queries());
    if (!parsed.ok) return invalidQuery(c, parsed);
    const staff = c.get('staff');
    const { facility: facilityId, quarter, dimension } = parsed.query;
    // A manager sees their own facilities one at a time, never a total that includes others.
    if (staff.role === 'manager' && facilityId === undefined) return apiError(c, 400, 'invalid_query', 'facility is required: name one of your facilities');
    if (facilityId !== undefined && !(await visibleFacility(db, staff, facilityId))) return unknownFacility(c);
    const survey = await loadReportSurvey(db, staff.organisationId, parsed.query.survey);
    if (!survey) return unknownSurvey(c, parsed.query.survey);
    const dimensions = breakdownDimensions(survey.definition);
    if (!dimensions.includes(dimension)) return apiError(c, 400, 'invalid_query', `dimension must be one of ${dimensions.join(', ')}`);
    const scope = facilityId !== undefined ? { facilityId } : { organisationId: staff.organisationId };
    return c.json(await breakdownReport(db, survey, scope, quarter, dimension));
  });

  return app;
}
