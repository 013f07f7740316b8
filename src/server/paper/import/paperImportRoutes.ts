import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { requireRole, requireStaff, visibleFacility, type StaffEnv } from '../../auth/staffAuth.ts';
import type { Database } from '../../db/schema.ts';
import { apiError } from '../../http/apiError.ts';
import { currentSurveyVersions, getSurveyVersion } from '../../queries/surveyVersions.ts';
import { paperImportTemplate } from './paperImportTemplate.ts';
import { readUploadBody } from './readUploadBody.ts';
import { runPaperImport } from './runPaperImport.ts';
import { IMPORT_LIMITS, type ImportLimits } from './sheetGrid.ts';

export interface PaperImportRouteOptions {
  db: Kysely<Database>;
  now?: () => Date;
  /** Smaller limits for tests. */
  limits?: ImportLimits;
}

/** The name the browser sent (URI-encoded, since headers are Latin-1), cut to something safe to store and show. */
function fileNameOf(header: string | undefined): string {
  let name = header ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // kept as sent
  }
  name = name.replace(/[\u0000-\u001f\u007f]/g, '').replace(/^.*[\\/]/, '').trim().slice(0, 200);
  return name || 'upload';
}

/** POST /paper/imports and GET /paper/imports/template.csv (docs/paper-import.md). */
export function paperImportRoutes(options: PaperImportRouteOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const limits = options.limits ?? IMPORT_LIMITS;
  const app = new Hono<StaffEnv>();
  // Per route, not app.use('*'): this app is mounted beside others under /api/v1.
  const signedIn = requireStaff(db, options.now ? { now: options.now } : undefined);
  const paperRoles = requireRole('admin', 'manager', 'inspector');

  app.post('/paper/imports', signedIn, paperRoles, async (c) => {
    const staff = c.get('staff');
    const facilityId = c.req.query('facility') ?? '';
    if (!facilityId) return apiError(c, 400, 'invalid_request', 'say which facility the sheets are from: ?facility=ID');
    const facility = await visibleFacility(db, staff, facilityId);
    if (!facility) return apiError(c, 404, 'unknown_facility', 'no such facility among yours');
    const body = await readUploadBody(c, limits.maxBytes);
    if (!body.ok) return body.response;
    if (body.bytes.length === 0) return apiError(c, 400, 'invalid_request', 'the request holds no file: send the CSV or XLSX file as the body');
    const outcome = await runPaperImport(db, { organisationId: staff.organisationId, facility, staffId: staff.id }, {
      fileName: fileNameOf(c.req.header('x-file-name')),
      bytes: body.bytes,
      // A dry run unless told otherwise: importing is the deliberate step.
      dryRun: c.req.query('dryRun') !== '0',
      onlyClean: c.req.query('onlyClean') === '1',
      limits,
    }, now());
    c.header('Cache-Control', 'no-store');
    if (outcome.kind === 'unsupported') return apiError(c, 415, 'unsupported_file', outcome.message);
    if (outcome.kind === 'blocked') {
      const message = outcome.report.fileProblems.length
        ? 'the file has problems as a whole: nothing was imported'
        : `${outcome.report.problemRows} rows have problems: nothing was imported. Correct them, or import only the clean rows`;
      return c.json({ error: { code: 'import_has_problems', message }, report: outcome.report }, 422);
    }
    return c.json(outcome.report);
  });

  app.get('/paper/imports/template.csv', signedIn, paperRoles, async (c) => {
    const organisationId = c.get('staff').organisationId;
    const surveyId = c.req.query('survey') ?? '';
    const versionText = c.req.query('version');
    const version = versionText === undefined || versionText === '' ? undefined : Number(versionText);
    if (version !== undefined && (!Number.isInteger(version) || version < 1)) return apiError(c, 400, 'invalid_query', 'version must be a whole number from 1');
    const survey = version === undefined
      ? (await currentSurveyVersions(db, organisationId)).find((s) => s.id === surveyId)
      : /^[a-z][a-z0-9-]{1,62}$/.test(surveyId) ? await getSurveyVersion(db, organisationId, surveyId, version) : undefined;
    if (!survey) return apiError(c, 404, 'unknown_survey', `this organisation has no survey ${surveyId.slice(0, 80)}${version ? ` version ${version}` : ''}`);
    const template = paperImportTemplate(survey);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${template.fileName}"`);
    return c.body(template.text);
  });

  return app;
}
