import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { requireRole, requireStaff, visibleFacility, type StaffEnv } from '../../auth/staffAuth.ts';
import type { Database } from '../../db/schema.ts';
import { apiError } from '../../http/apiError.ts';
import { isForInspectors } from '../../../survey/schema.ts';
import { loadReportSurvey } from '../reportSurvey.ts';
import { parseVisitQuery } from './parseVisitQuery.ts';
import { visitReport } from './visitReport.ts';

export interface VisitReportRouteOptions {
  db: Kysely<Database>;
  now?: () => Date;
}

/** GET /reports/visits (docs/staff-api.md, docs/monitoring-visit.md): a facility's monitoring visits and their findings. */
export function visitReportRoutes(options: VisitReportRouteOptions) {
  const { db } = options;
  const app = new Hono<StaffEnv>();
  // Per route, not app.use('*'): this app is mounted beside others under /api/v1.
  const signedIn = requireStaff(db, options.now ? { now: options.now } : undefined);

  app.get('/reports/visits', signedIn, requireRole('admin', 'analyst', 'manager', 'inspector'), async (c) => {
    const parsed = parseVisitQuery(c.req.queries());
    if (!parsed.ok) return apiError(c, 400, 'invalid_query', parsed.message);
    const staff = c.get('staff');
    const facility = await visibleFacility(db, staff, parsed.query.facility);
    if (!facility) return apiError(c, 404, 'unknown_facility', 'no such facility among yours');
    const survey = await loadReportSurvey(db, staff.organisationId, parsed.query.survey);
    if (!survey) return apiError(c, 404, 'unknown_survey', `this organisation has no survey ${parsed.query.survey}`);
    // A residents' survey listed response by response would get round the small-cell rule.
    if (!isForInspectors(survey.definition)) {
      return apiError(c, 400, 'not_a_visit_survey', `${parsed.query.survey} is answered by residents; the visit report reads inspectors' surveys only`);
    }
    c.header('Cache-Control', 'no-store');
    return c.json(await visitReport(db, {
      organisationId: staff.organisationId, facility, survey: survey.definition, from: parsed.query.from, to: parsed.query.to,
    }));
  });

  return app;
}
