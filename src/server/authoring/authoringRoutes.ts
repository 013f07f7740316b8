import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { LanguageCode, SURVEY_SCHEMA_ID } from '../../survey/schema.ts';
import { readStaffBody } from '../auth/readStaffBody.ts';
import { requireRole, requireStaff, type StaffEnv } from '../auth/staffAuth.ts';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/apiError.ts';
import { currentMediaClips } from '../media/mediaClipRows.ts';
import { getSurveyVersion } from '../queries/surveyVersions.ts';
import { publishDraft } from './publishDraft.ts';
import { deleteDraft, draftProblems, findDraft, insertDraft, saveDraft, surveyIdInUse, toDraftView } from './surveyDrafts.ts';
import { surveyLibrary } from './surveyLibrary.ts';
import { listVersions } from './surveyVersionList.ts';
import { loadTemplate, templateSummaries } from './surveyTemplates.ts';

/** A whole survey definition travels in a draft: 2 MB holds the longest built-in ten times over. */
const DRAFT_BODY_LIMIT = 2 * 1024 * 1024;

export interface AuthoringRouteOptions {
  db: Kysely<Database>;
  now?: () => Date;
  /** Where the built-in surveys are (public/surveys): four of the six templates. */
  surveysDir?: string;
}

const SURVEY_ID = /^[a-z][a-z0-9-]{1,62}$/;
const VERSION = /^[1-9]\d{0,8}$/;
const SurveyIdField = v.pipe(v.string(), v.regex(SURVEY_ID, 'must be 2-63 lower-case letters, digits and "-", starting with a letter (e.g. "desk-smiley")'));
const Revision = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more'));
const VersionNumber = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more'));
const Definition = v.record(v.string(), v.unknown(), 'must be a JSON object');

const From = v.variant('kind', [
  v.strictObject({ kind: v.literal('blank'), title: v.pipe(v.string(), v.trim(), v.minLength(1, 'is required'), v.maxLength(200)), defaultLanguage: LanguageCode }),
  v.strictObject({ kind: v.literal('template'), templateId: v.pipe(v.string(), v.maxLength(100)) }),
  v.strictObject({ kind: v.literal('definition'), definition: Definition, origin: v.pipe(v.string(), v.minLength(1, 'is required'), v.maxLength(300)) }),
  v.strictObject({ kind: v.literal('copy'), surveyId: SurveyIdField, version: VersionNumber }),
], 'kind must be blank, template, definition or copy');
const NewSurvey = v.strictObject({ id: SurveyIdField, from: From });
const NewDraft = v.strictObject({ fromVersion: VersionNumber });
const SaveBody = v.strictObject({ revision: Revision, definition: Definition });
const PublishBody = v.strictObject({ revision: Revision });

const noDraft = (c: Context, id: string) => apiError(c, 404, 'no_draft', `survey ${id} has no draft: start one from a version (POST .../draft)`);
const conflict = (c: Context, currentRevision: number | null) => c.json({
  error: { code: 'revision_conflict', message: 'someone else changed this draft since you loaded it: reload it, then make your change again' },
  currentRevision,
}, 409);

/** A definition made into survey `id`'s first draft: its own id, version 1 (publishing numbers it). */
const asSurvey = (definition: Record<string, unknown>, id: string) => ({ ...definition, id, version: 1 });

/**
 * Drafts, publishing, versions and the template library (docs/authoring-api.md), for
 * admins and designers. Every survey is the organisation's own: another organisation's id
 * is simply not there (404).
 */
export function authoringRoutes(options: AuthoringRouteOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const app = new Hono<StaffEnv>();
  // Per route, not app.use('*'): this app is mounted beside others under /api/v1.
  const signedIn = requireStaff(db, { now });
  const authoring = requireRole('admin', 'designer');
  const base = '/staff/authoring';

  app.get(`${base}/surveys`, signedIn, authoring, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ surveys: await surveyLibrary(db, c.get('staff').organisationId) });
  });

  app.post(`${base}/surveys`, signedIn, authoring, async (c) => {
    const read = await readStaffBody(c, NewSurvey, DRAFT_BODY_LIMIT);
    if (!read.ok) return read.response;
    const { id, from } = read.body;
    const staff = c.get('staff');
    if (await surveyIdInUse(db, staff.organisationId, id)) return surveyExists(c, id);
    let definition: Record<string, unknown>;
    let origin: string;
    if (from.kind === 'blank') {
      const lang = from.defaultLanguage;
      definition = {
        schema: SURVEY_SCHEMA_ID, id, version: 1, title: { [lang]: from.title }, defaultLanguage: lang,
        languages: [lang], translationStatus: { [lang]: 'unreviewed' }, items: [],
      };
      origin = 'blank';
    } else if (from.kind === 'template') {
      const template = loadTemplate(from.templateId, options.surveysDir);
      if (!template) return apiError(c, 400, 'unknown_template', `there is no template ${from.templateId.slice(0, 64)}: GET ${base}/templates lists them`);
      definition = asSurvey(template, id);
      origin = `template:${from.templateId}`;
    } else if (from.kind === 'definition') {
      definition = asSurvey(from.definition, id);
      origin = from.origin;
    } else {
      const source = await getSurveyVersion(db, staff.organisationId, from.surveyId, from.version);
      if (!source) return apiError(c, 404, 'unknown_survey', `this organisation has no survey ${from.surveyId} version ${from.version}`);
      definition = asSurvey(source, id);
      origin = `copy:${from.surveyId}:v${from.version}`;
    }
    const row = await insertDraft(db, { organisationId: staff.organisationId, surveyId: id, definition, origin, basedOnVersion: null, staffId: staff.id, now: now() });
    if (!row) return surveyExists(c, id);
    return c.json({ draft: toDraftView(row) }, 201);
  });

  app.post(`${base}/surveys/:id/draft`, signedIn, authoring, async (c) => {
    const id = c.req.param('id');
    const read = await readStaffBody(c, NewDraft, DRAFT_BODY_LIMIT);
    if (!read.ok) return read.response;
    const staff = c.get('staff');
    const source = SURVEY_ID.test(id) ? await getSurveyVersion(db, staff.organisationId, id, read.body.fromVersion) : undefined;
    if (!source) return apiError(c, 404, 'unknown_survey', `this organisation has no survey ${id.slice(0, 64)} version ${read.body.fromVersion}`);
    const row = await insertDraft(db, {
      organisationId: staff.organisationId, surveyId: id, definition: source as unknown as Record<string, unknown>,
      origin: `version:${read.body.fromVersion}`, basedOnVersion: read.body.fromVersion, staffId: staff.id, now: now(),
    });
    if (!row) return apiError(c, 409, 'draft_exists', `survey ${id} already has a draft: open it, or delete it first`);
    return c.json({ draft: toDraftView(row) }, 201);
  });

  app.get(`${base}/surveys/:id/draft`, signedIn, authoring, async (c) => {
    const id = c.req.param('id');
    const row = SURVEY_ID.test(id) ? await findDraft(db, c.get('staff').organisationId, id) : undefined;
    if (!row) return noDraft(c, id.slice(0, 64));
    c.header('Cache-Control', 'no-store');
    return c.json(toDraftView(row));
  });

  app.put(`${base}/surveys/:id/draft`, signedIn, authoring, async (c) => {
    const id = c.req.param('id');
    const read = await readStaffBody(c, SaveBody, DRAFT_BODY_LIMIT);
    if (!read.ok) return read.response;
    const { revision, definition } = read.body;
    if (definition.id !== id) return apiError(c, 400, 'invalid_request', `definition.id must be "${id.slice(0, 64)}", the survey this draft belongs to`);
    const staff = c.get('staff');
    const saved = await saveDraft(db, { organisationId: staff.organisationId, surveyId: id, revision, definition, staffId: staff.id, now: now() });
    if (!saved.ok) return saved.currentRevision === null ? noDraft(c, id) : conflict(c, saved.currentRevision);
    return c.json({ revision: saved.revision, problems: draftProblems(definition), updatedAt: saved.updatedAt });
  });

  app.delete(`${base}/surveys/:id/draft`, signedIn, authoring, async (c) => {
    const id = c.req.param('id');
    if (!SURVEY_ID.test(id) || !(await deleteDraft(db, c.get('staff').organisationId, id))) return noDraft(c, id.slice(0, 64));
    return c.body(null, 204);
  });

  app.post(`${base}/surveys/:id/publish`, signedIn, authoring, async (c) => {
    const id = c.req.param('id');
    const read = await readStaffBody(c, PublishBody, DRAFT_BODY_LIMIT);
    if (!read.ok) return read.response;
    if (!SURVEY_ID.test(id)) return noDraft(c, id.slice(0, 64));
    const outcome = await publishDraft(db, { organisationId: c.get('staff').organisationId, surveyId: id, revision: read.body.revision, now: now() });
    if (outcome.ok) return c.json({ surveyId: outcome.surveyId, version: outcome.version, publishedAt: outcome.publishedAt }, 201);
    // Gone since the designer loaded it (a colleague published or deleted it): as much a conflict as a newer revision.
    if (outcome.reason === 'no_draft') return conflict(c, null);
    if (outcome.reason === 'conflict') return conflict(c, outcome.currentRevision);
    return c.json({
      error: { code: 'definition_invalid', message: `the draft has ${outcome.problems.length} problem(s) to fix before it can be published; nothing was published` },
      problems: outcome.problems,
    }, 422);
  });

  app.get(`${base}/surveys/:id/versions`, signedIn, authoring, async (c) => {
    const id = c.req.param('id');
    const versions = SURVEY_ID.test(id) ? await listVersions(db, c.get('staff').organisationId, id) : [];
    if (versions.length === 0) return apiError(c, 404, 'unknown_survey', `this organisation has no published survey ${id.slice(0, 64)}`);
    return c.json({ versions });
  });

  app.get(`${base}/surveys/:id/versions/:version`, signedIn, authoring, async (c) => {
    const id = c.req.param('id');
    const version = c.req.param('version');
    const definition = SURVEY_ID.test(id) && VERSION.test(version) ? await getSurveyVersion(db, c.get('staff').organisationId, id, Number(version)) : undefined;
    if (!definition) return apiError(c, 404, 'unknown_survey', `this organisation has no survey ${id.slice(0, 64)} version ${version.slice(0, 12)}`);
    return c.json(definition);
  });

  app.get(`${base}/templates`, signedIn, authoring, (c) => c.json({ templates: templateSummaries(options.surveysDir) }));

  app.get(`${base}/media-index`, signedIn, authoring, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ clips: await currentMediaClips(db, c.get('staff').organisationId) });
  });

  return app;
}

function surveyExists(c: Context, id: string) {
  return apiError(c, 409, 'survey_exists', `the id ${id} is already used by a survey or a draft of this organisation: choose another`);
}
