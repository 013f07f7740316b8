import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import { isQuarterId, type QuarterId } from '../../survey/periods.ts';
import { requireRole, requireStaff, visibleFacility, type StaffEnv } from '../auth/staffAuth.ts';
import type { Database } from '../db/schema.ts';
import { aggregateRows } from '../exports/aggregateRows.ts';
import { byteStream } from '../exports/byteStream.ts';
import type { Row } from '../exports/cell.ts';
import { exportBytes, type ExportFormat } from '../exports/exportBytes.ts';
import { attachment, CONTENT_TYPES, exportFileName } from '../exports/exportFileName.ts';
import { chooseLanguage, type ExportProblem } from '../exports/exportProblem.ts';
import { prepareResponseExport } from '../exports/prepareResponseExport.ts';
import { responseRows } from '../exports/responseRows.ts';
import { singleParam } from '../exports/singleParam.ts';
import { apiError } from '../http/apiError.ts';
import { facilityReport } from '../reports/facilityReport.ts';
import { parseFacilityQuery } from '../reports/parseReportQuery.ts';
import { loadReportSurvey } from '../reports/reportSurvey.ts';

export interface ExportRouteOptions {
  db: Kysely<Database>;
  now?: () => Date;
}

const FORMATS: ExportFormat[] = ['csv', 'xlsx'];
const SURVEY = /^[a-z][a-z0-9-]{1,62}$/;
const FACILITY = /^[A-Za-z0-9_-]{1,100}$/;

const problem = (c: Context, p: ExportProblem) => apiError(c, p.status, p.code, p.message);

function download(body: BodyInit, format: ExportFormat, fileName: string, rows?: number): Response {
  const headers = new Headers({
    'content-type': CONTENT_TYPES[format],
    'content-disposition': attachment(fileName),
    // Exports hold answers: never kept by a shared cache or the browser's.
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (rows !== undefined) headers.set('x-sayso-rows', String(rows));
  return new Response(body, { status: 200, headers });
}

/** GET /exports/aggregate.csv|.xlsx and GET /exports/responses.csv|.xlsx (docs/staff-api.md). */
export function exportRoutes(options: ExportRouteOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const app = new Hono<StaffEnv>();
  // Per route, not app.use('*'): this app is mounted beside others under /api/v1.
  const signedIn = requireStaff(db, { now });

  for (const format of FORMATS) {
    app.get(`/exports/aggregate.${format}`, signedIn, requireRole('admin', 'analyst', 'manager'), async (c) => {
      const raw = c.req.queries();
      const parsed = parseFacilityQuery(raw);
      if (!parsed.ok) return apiError(c, 400, 'invalid_query', parsed.message);
      const lang = singleParam(raw, 'lang', 40);
      if (!lang.ok) return apiError(c, 400, 'invalid_query', lang.message);
      const staff = c.get('staff');
      const facility = await visibleFacility(db, staff, parsed.query.facility);
      if (!facility) return apiError(c, 404, 'unknown_facility', 'no such facility among yours');
      const survey = await loadReportSurvey(db, staff.organisationId, parsed.query.survey);
      if (!survey) return apiError(c, 404, 'unknown_survey', 'no such survey in your organisation');
      const language = chooseLanguage(survey.definition, lang.value);
      if (typeof language !== 'string') return problem(c, language);
      const report = await facilityReport(db, survey, facility, parsed.query.period);
      const rows = aggregateRows(report, language);
      const period = report.period.kind === 'quarter' ? report.period.id : `${report.period.from}-${report.period.to}`;
      const chunks: Uint8Array[] = [];
      for await (const chunk of exportBytes(rows, format, 'Report')) chunks.push(chunk);
      return download(new Blob(chunks as BlobPart[]), format, exportFileName([survey.definition.id, facility.name, period], format), rows.length - 1);
    });

    app.get(`/exports/responses.${format}`, signedIn, requireRole('admin', 'analyst'), async (c) => {
      const raw = c.req.queries();
      const params: Record<'survey' | 'period' | 'facility' | 'lang', string | undefined> = { survey: undefined, period: undefined, facility: undefined, lang: undefined };
      for (const name of ['survey', 'period', 'facility', 'lang'] as const) {
        const param = singleParam(raw, name, 100);
        if (!param.ok) return apiError(c, 400, 'invalid_query', param.message);
        params[name] = param.value;
      }
      if (params.survey === undefined) return apiError(c, 400, 'invalid_query', 'survey is required');
      if (!SURVEY.test(params.survey)) return apiError(c, 400, 'invalid_query', 'survey must be a survey id such as resident-satisfaction');
      if (params.period !== undefined && !(isQuarterId(params.period) && Number(params.period.slice(0, 4)) >= 1970)) {
        return apiError(c, 400, 'invalid_query', 'period must be a quarter such as 2026-Q3 (or left out for all time)');
      }
      if (params.facility !== undefined && !FACILITY.test(params.facility)) return apiError(c, 400, 'invalid_query', 'facility must be a facility id');
      const staff = c.get('staff');
      const facility = params.facility === undefined ? undefined : await visibleFacility(db, staff, params.facility);
      if (params.facility !== undefined && !facility) return apiError(c, 404, 'unknown_facility', 'no such facility among yours');
      const prepared = await prepareResponseExport(db, {
        organisationId: staff.organisationId, surveyId: params.survey, facilityId: facility?.id ?? null,
        period: (params.period as QuarterId | undefined) ?? null, lang: params.lang ?? null,
      });
      if (!prepared.ok) return problem(c, prepared.problem);

      // The first page is read before answering, so an empty export can say so (X-Sayso-Rows: 0)
      // and a database failure there is still an error response rather than a cut file.
      const rows = responseRows(db, prepared.plan);
      const header = await rows.next();
      const first = await rows.next();
      async function* all(): AsyncGenerator<Row> {
        if (!header.done) yield header.value;
        if (first.done) return;
        yield first.value;
        yield* rows;
      }
      const fileName = exportFileName([params.survey, 'responses', facility?.name, params.period], format);
      return download(byteStream(exportBytes(all(), format, 'Responses')), format, fileName, first.done ? 0 : undefined);
    });
  }
  return app;
}
