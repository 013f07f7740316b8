import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { PaperEntriesRequest, PaperEntry, type PaperEntryResult } from '../../survey/paper/paperEntry.ts';
import { containsNul, readStaffBody } from '../auth/readStaffBody.ts';
import { requireRole, requireStaff, seesWholeOrganisation, visibleFacility, visibleFacilityIds, type StaffEnv } from '../auth/staffAuth.ts';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/apiError.ts';
import { readJsonBody } from '../http/readJsonBody.ts';
import { getSurveyVersion } from '../queries/surveyVersions.ts';
import { makePaperChecker, type CheckedSheet } from './checkPaperSheet.ts';
import { keyPaperSheets } from './keyPaperSheets.ts';
import { createPaperBatch, SerialsExhausted } from './paperBatches.ts';
import { listOpenMismatches, resolveMismatch } from './paperMismatches.ts';
import { listSurveyVersions, paperWorkspace } from './paperWorkspace.ts';

export interface PaperRouteOptions {
  db: Kysely<Database>;
  now?: () => Date;
}

/** 200 sheets of a long form with written comments fit; a device batch has the same order of size. */
export const PAPER_ENTRIES_BODY_LIMIT = 2 * 1024 * 1024;

const SurveyIdParam = /^[a-z][a-z0-9-]{1,62}$/;

const NewBatch = v.strictObject({
  facilityId: v.pipe(v.string(), v.minLength(1, 'is required'), v.maxLength(200)),
  surveyId: v.pipe(v.string(), v.regex(SurveyIdParam, 'must be a survey id')),
  surveyVersion: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more')),
  language: v.pipe(v.string(), v.minLength(2), v.maxLength(35)),
  count: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'), v.maxValue(500, 'must be at most 500')),
});

/** What a resolver read off the sheet: the rest (facility, survey, serial) is the mismatch's own. */
const Resolution = v.pick(PaperEntry, ['language', 'filledOn', 'answers', 'unreadable']);

/** The entry's own id for its result, when it has a usable one. */
function claimedEntryId(raw: unknown): string | null {
  const id = (raw as { entryId?: unknown } | null)?.entryId;
  return typeof id === 'string' && id.length <= 100 && !id.includes('\u0000') ? id : null;
}

const unknownFacility = (c: Context) => apiError(c, 404, 'unknown_facility', 'no such facility among yours');
const unknownSurvey = (c: Context, surveyId: string) => apiError(c, 404, 'unknown_survey', `this organisation has no survey ${surveyId.slice(0, 64)}`);

/**
 * Paper work of docs/paper-api.md: the transcription workspace, survey versions to print,
 * batches of numbered sheets, keyed entries (single or double entry) and mismatches.
 * admin, manager and inspector, each for the facilities they see.
 */
export function paperRoutes(options: PaperRouteOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const app = new Hono<StaffEnv>();
  // Per route, not app.use('*'): this app is mounted beside others under /api/v1.
  const signedIn = requireStaff(db, { now });
  const paperWork = requireRole('admin', 'manager', 'inspector');

  app.get('/paper/workspace', signedIn, paperWork, async (c) => {
    const staff = c.get('staff');
    c.header('Cache-Control', 'no-store');
    return c.json(await paperWorkspace(db, { organisationId: staff.organisationId, staffId: staff.id, facilityIds: await visibleFacilityIds(db, staff) }));
  });

  app.get('/paper/surveys/:surveyId/versions', signedIn, paperWork, async (c) => {
    const surveyId = c.req.param('surveyId');
    const versions = SurveyIdParam.test(surveyId) ? await listSurveyVersions(db, c.get('staff').organisationId, surveyId) : [];
    if (versions.length === 0) return unknownSurvey(c, surveyId);
    return c.json({ versions });
  });

  app.get('/paper/surveys/:surveyId/versions/:version', signedIn, paperWork, async (c) => {
    const surveyId = c.req.param('surveyId');
    const version = c.req.param('version');
    const definition = SurveyIdParam.test(surveyId) && /^[1-9]\d{0,8}$/.test(version)
      ? await getSurveyVersion(db, c.get('staff').organisationId, surveyId, Number(version)) : undefined;
    if (!definition) return apiError(c, 404, 'unknown_survey', `this organisation has no survey ${surveyId.slice(0, 64)} version ${version.slice(0, 12)}`);
    return c.json({ definition });
  });

  app.post('/paper/batches', signedIn, paperWork, async (c) => {
    const staff = c.get('staff');
    const body = await readStaffBody(c, NewBatch);
    if (!body.ok) return body.response;
    const input = body.body;
    const facility = await visibleFacility(db, staff, input.facilityId);
    if (!facility) return unknownFacility(c);
    const survey = await getSurveyVersion(db, staff.organisationId, input.surveyId, input.surveyVersion);
    if (!survey) return apiError(c, 404, 'unknown_survey', `this organisation has no survey ${input.surveyId} version ${input.surveyVersion}`);
    if (!survey.languages.includes(input.language)) {
      return apiError(c, 400, 'unknown_language', `survey ${survey.id} version ${survey.version} is in ${survey.languages.join(', ')}, not ${input.language}`);
    }
    try {
      const batch = await createPaperBatch(db, { organisationId: staff.organisationId, facilityId: facility.id, surveyId: survey.id, surveyVersion: survey.version, language: input.language, count: input.count, createdBy: staff.id }, now());
      return c.json({ batch }, 201);
    } catch (error) {
      if (error instanceof SerialsExhausted) return apiError(c, 409, 'serials_exhausted', error.message);
      throw error;
    }
  });

  const entriesSize = bodyLimit({ maxSize: PAPER_ENTRIES_BODY_LIMIT, onError: (c) => apiError(c, 413, 'body_too_large', `the body is over ${PAPER_ENTRIES_BODY_LIMIT} bytes: send fewer entries at a time`) });
  app.post('/paper/entries', signedIn, paperWork, entriesSize, async (c) => {
    const staff = c.get('staff');
    const read = await readJsonBody(c, PAPER_ENTRIES_BODY_LIMIT);
    if (!read.ok) return read.response;
    const parsed = v.safeParse(PaperEntriesRequest, read.body);
    if (!parsed.success) {
      return apiError(c, 400, 'invalid_request', parsed.issues.map((issue) => `${issue.path?.map((p) => String(p.key)).join('.') || 'body'}: ${issue.message}`).join('; '));
    }
    const entries = parsed.output.entries;
    const results: PaperEntryResult[] = new Array(entries.length);
    const reject = (index: number, code: string, message: string) => { results[index] = { entryId: claimedEntryId(entries[index]), status: 'rejected', error: { code, message } }; };
    const byFacility = new Map<string, number[]>();
    for (const [index, raw] of entries.entries()) {
      // PostgreSQL text cannot hold NUL, and no sheet needs one.
      if (containsNul(raw)) { reject(index, 'invalid_entry', 'entry: text must not contain NUL characters'); continue; }
      const facilityId = (raw as { facilityId?: unknown } | null)?.facilityId;
      const key = typeof facilityId === 'string' ? facilityId : '';
      byFacility.set(key, [...(byFacility.get(key) ?? []), index]);
    }
    const doubleEntry = Number((await db.selectFrom('organisations').select('paper_double_entry').where('id', '=', staff.organisationId).executeTakeFirstOrThrow()).paper_double_entry) === 1;
    for (const [facilityId, indexes] of byFacility) {
      const facility = facilityId === '' ? undefined : await visibleFacility(db, staff, facilityId);
      if (!facility) {
        for (const index of indexes) {
          if (v.is(PaperEntry, entries[index])) reject(index, 'unknown_facility', 'this sheet names a facility that is not one of yours (a sheet of another facility?)');
          else reject(index, 'invalid_entry', 'facilityId: must name one of your facilities');
        }
        continue;
      }
      const context = { organisationId: staff.organisationId, facility, staffId: staff.id };
      const check = await makePaperChecker(db, context);
      const ready: Array<{ index: number; sheet: CheckedSheet }> = [];
      for (const index of indexes) {
        const checked = await check(entries[index]);
        if (checked.ok) ready.push({ index, sheet: checked.sheet });
        else reject(index, checked.code, checked.message);
      }
      const keyed = await keyPaperSheets(db, context, ready.map((r) => r.sheet), doubleEntry, now());
      ready.forEach((r, i) => { results[r.index] = keyed[i]!; });
    }
    return c.json({ results });
  });

  app.get('/paper/mismatches', signedIn, paperWork, async (c) => {
    const staff = c.get('staff');
    const asked = c.req.queries('facility');
    if (asked && asked.length > 1) return apiError(c, 400, 'invalid_query', 'facility: give it once');
    let facilityIds: string[];
    if (asked?.[0] !== undefined) {
      const facility = await visibleFacility(db, staff, asked[0]);
      if (!facility) return unknownFacility(c);
      facilityIds = [facility.id];
    } else {
      facilityIds = await visibleFacilityIds(db, staff);
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ mismatches: await listOpenMismatches(db, staff.organisationId, facilityIds) });
  });

  app.post('/paper/mismatches/:id/resolve', signedIn, paperWork, async (c) => {
    const staff = c.get('staff');
    const body = await readStaffBody(c, Resolution);
    if (!body.ok) return body.response;
    const id = c.req.param('id');
    const resolution = id.length > 100 ? { ok: false as const, status: 404 as const, code: 'unknown_mismatch', message: 'no such mismatch among your facilities\'' }
      : await resolveMismatch(db, {
        organisationId: staff.organisationId, facilityIds: seesWholeOrganisation(staff) ? 'all' : new Set(staff.facilityIds),
        staffId: staff.id, mismatchId: id, keying: body.body,
      }, now());
    if (!resolution.ok) return apiError(c, resolution.status, resolution.code, resolution.message);
    return c.json({ responseId: resolution.responseId, status: 'accepted' });
  });

  return app;
}
