import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { requireRole, requireStaff, type StaffEnv } from '../auth/staffAuth.ts';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/apiError.ts';
import { readBinaryBody } from '../http/readBinaryBody.ts';
import { getSurveyVersion } from '../queries/surveyVersions.ts';
import { exportXlsform } from '../../survey/xlsform/exportXlsform.ts';
import { kioskWords } from './kioskWords.ts';
import { importXlsform } from '../../survey/xlsform/importXlsform.ts';
import { readWorkbookInWorker } from './readWorkbookInWorker.ts';
import { WORKBOOK_LIMITS, type WorkbookLimits } from './workbookLimits.ts';
import { writeXlsxWorkbook } from './writeWorkbook.ts';
import { xlsformFileName, xlsformOptions } from './xlsformOptions.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The routes of XLSForm import reports and exports (docs/xlsform.md, "Files, HTTP and the
 * command line"): a check that reads a file and says what survey it makes (nothing is
 * stored: the import screen saves it as a draft through the authoring API), and the
 * download of any published version as an XLSForm.
 */
export function xlsformRoutes(options: { db: Kysely<Database>; now?: () => Date; limits?: WorkbookLimits }): Hono<StaffEnv> {
  const { db } = options;
  const limits = options.limits ?? WORKBOOK_LIMITS;
  const app = new Hono<StaffEnv>();
  // Per route, not app.use('*'): this app is mounted beside others under /api/v1.
  const signedIn = requireStaff(db, options.now ? { now: options.now } : undefined);
  const designers = requireRole('admin', 'designer');

  app.post('/staff/xlsform/check', signedIn, designers, async (c) => {
    const query = xlsformOptions({ surveyId: c.req.query('surveyId'), languages: c.req.query('languages') });
    if (!query.ok) return apiError(c, 400, 'invalid_query', query.message);
    const fileName = xlsformFileName(c.req.query('fileName'));
    const body = await readBinaryBody(c, limits.maxBytes, {
      code: 'too_large',
      message: `the file is over ${Math.round(limits.maxBytes / 1024 / 1024)} MB, more than any XLSForm needs: check it is the right file`,
    });
    if (!body.ok) return body.response;
    if (body.bytes.length === 0) return apiError(c, 400, 'invalid_request', 'the request holds no file: send the .xlsx or .xls file as the body');
    const read = await readWorkbookInWorker(body.bytes, fileName, limits);
    c.header('Cache-Control', 'no-store');
    if (!read.ok) {
      if (read.reason === 'unsupported') return apiError(c, 415, 'unsupported_file', read.message);
      if (read.reason === 'too_large') return apiError(c, 413, 'too_large', read.message);
      return apiError(c, 400, 'broken_file', read.message);
    }
    const result = importXlsform(read.workbook, { fileName, ...query.options });
    return c.json({ fileName, kind: read.kind, survey: result.survey, publishable: result.publishable, problems: result.problems, summary: result.summary });
  });

  app.get('/staff/surveys/:surveyId/versions/:version/xlsform', signedIn, designers, async (c) => {
    const surveyId = c.req.param('surveyId');
    const version = Number(c.req.param('version'));
    const known = /^[a-z][a-z0-9-]{1,62}$/.test(surveyId) && Number.isInteger(version) && version >= 1
      ? await getSurveyVersion(db, c.get('staff').organisationId, surveyId, version)
      : undefined;
    if (!known) return apiError(c, 404, 'unknown_survey', `this organisation has no survey ${surveyId.slice(0, 80)} version ${c.req.param('version').slice(0, 12)}`);
    const bytes = writeXlsxWorkbook(exportXlsform(known, { translate: kioskWords }));
    c.header('Content-Type', XLSX_TYPE);
    c.header('Content-Disposition', `attachment; filename="${known.id}-v${known.version}.xlsx"`);
    c.header('Cache-Control', 'no-store');
    return c.body(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  });

  return app;
}
