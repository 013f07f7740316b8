import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { LAUNCH_LANGUAGES } from '../../survey/languages.ts';
import { isQuarterId } from '../../survey/periods.ts';
import { listQuestions } from '../../survey/walkItems.ts';
import { readStaffBody } from '../auth/readStaffBody.ts';
import { readSessionCookie } from '../auth/sessionCookie.ts';
import { requireRole, requireStaff, visibleFacility, visibleFacilityIds, type StaffEnv } from '../auth/staffAuth.ts';
import { deleteSessionsOfStaff } from '../auth/staffSessions.ts';
import type { Database } from '../db/schema.ts';
import { hashToken } from '../hashToken.ts';
import { apiError } from '../http/apiError.ts';
import { facilityLanguages, readSpokenRetentionDays, setSpokenRetentionDays, storedLanguages } from '../queries/audioSettings.ts';
import { createEnrollmentCode, findEnrollment, listEnrollments, revokeEnrollment } from '../queries/enrollments.ts';
import { createFacility, isTimeZone } from '../queries/organisations.ts';
import {
  createStaff, DEFAULT_TARGET_PERCENT, emailTaken, findStaffAccount, listResidentCounts, listStaffAccounts, organisationFacilityIds,
  readOrganisationSettings, setIndicatorTarget, setMinCellSize, setPaperDoubleEntry, setResidentCount, STAFF_ROLES, updateStaffAccount,
} from '../queries/staff.ts';
import { currentSurveyVersions } from '../queries/surveyVersions.ts';

export interface StaffRouteOptions {
  db: Kysely<Database>;
  now?: () => Date;
}

const Name = v.pipe(v.string(), v.trim(), v.minLength(1, 'is required'), v.maxLength(200, 'is over 200 characters'));
const TimeZone = v.pipe(v.string(), v.maxLength(100), v.check(isTimeZone, 'must be an IANA time zone such as Europe/Brussels'));
const Email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(320), v.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address'));
const Role = v.picklist(STAFF_ROLES, `must be one of ${STAFF_ROLES.join(', ')}`);
const Password = v.pipe(v.string(), v.minLength(12, 'must have at least 12 characters'), v.maxLength(1024));
const FacilityIds = v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(1000));

const NewFacility = v.strictObject({ name: Name, timeZone: TimeZone });
/** The languages tablets of the facility cache audio for: launch languages, at least one. */
const Languages = v.pipe(
  v.array(v.picklist(LAUNCH_LANGUAGES, `must be one of ${LAUNCH_LANGUAGES.join(', ')}`)),
  v.minLength(1, 'must enable at least one language'),
  v.maxLength(LAUNCH_LANGUAGES.length * 2),
);
const FacilityChange = v.strictObject({ name: v.optional(Name), timeZone: v.optional(TimeZone), languages: v.optional(Languages) });
const NewAccount = v.strictObject({ email: Email, role: Role, password: Password, facilityIds: FacilityIds });
const AccountChange = v.strictObject({ role: v.optional(Role), facilityIds: v.optional(FacilityIds), disabled: v.optional(v.boolean()), password: v.optional(Password) });
const SettingsChange = v.pipe(
  v.strictObject({
    minCellSize: v.optional(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(5, 'must be at least 5'), v.maxValue(100, 'must be at most 100'))),
    spokenRetentionDays: v.optional(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'), v.maxValue(730, 'must be at most 730'))),
    paperDoubleEntry: v.optional(v.boolean('must be true or false')),
  }),
  v.check((change) => change.minCellSize !== undefined || change.spokenRetentionDays !== undefined || change.paperDoubleEntry !== undefined, 'give minCellSize, spokenRetentionDays or paperDoubleEntry'),
);
const TargetChange = v.strictObject({ percent: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'), v.maxValue(100, 'must be at most 100')) });
const ResidentsChange = v.strictObject({ residents: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must be 0 or more'), v.maxValue(100_000, 'must be at most 100000')) });

/** Question kinds with a "satisfied" share, which is what a target applies to (reportTypes.ts). */
const INDICATOR_KINDS = new Set(['yesno', 'expectation', 'faces', 'compliance']);

const unknownFacility = (c: Context) => apiError(c, 404, 'unknown_facility', 'no such facility among yours');

function facilityView(row: Database['facilities']) {
  return { id: row.id, name: row.name, timeZone: row.time_zone, languages: facilityLanguages(row.languages) };
}

function deviceView(row: Awaited<ReturnType<typeof listEnrollments>>[number]) {
  return { id: row.id, name: row.name, facilityId: row.facility_id, facilityName: row.facility_name, createdAt: row.created_at, lastSyncAt: row.last_seen_at, revokedAt: row.revoked_at };
}

/** The management routes of docs/staff-api.md: facilities, accounts, devices, surveys, settings, resident counts. */
export function staffRoutes(options: StaffRouteOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const app = new Hono<StaffEnv>();
  // Per route, not app.use('*'): this app is mounted beside others under /api/v1.
  const signedIn = requireStaff(db, { now });
  const admin = requireRole('admin');

  app.get('/staff/facilities', signedIn, async (c) => {
    const staff = c.get('staff');
    const ids = await visibleFacilityIds(db, staff);
    const rows = ids.length === 0 ? [] : await db.selectFrom('facilities').selectAll().where('id', 'in', ids).orderBy('name').orderBy('id').execute();
    return c.json({ facilities: rows.map(facilityView) });
  });

  app.post('/staff/facilities', signedIn, admin, async (c) => {
    const body = await readStaffBody(c, NewFacility);
    if (!body.ok) return body.response;
    const row = await createFacility(db, { organisationId: c.get('staff').organisationId, ...body.body }, now());
    return c.json(facilityView({ ...row, languages: null }), 201);
  });

  app.patch('/staff/facilities/:id', signedIn, admin, async (c) => {
    const facility = await visibleFacility(db, c.get('staff'), c.req.param('id'));
    if (!facility) return unknownFacility(c);
    const body = await readStaffBody(c, FacilityChange);
    if (!body.ok) return body.response;
    const change = {
      ...(body.body.name !== undefined && { name: body.body.name }),
      ...(body.body.timeZone !== undefined && { time_zone: body.body.timeZone }),
      ...(body.body.languages !== undefined && { languages: storedLanguages(body.body.languages) }),
    };
    if (Object.keys(change).length > 0) await db.updateTable('facilities').set(change).where('id', '=', facility.id).execute();
    return c.json(facilityView({ ...facility, ...change }));
  });

  app.get('/staff/accounts', signedIn, admin, async (c) => {
    return c.json({ accounts: await listStaffAccounts(db, c.get('staff').organisationId, now()) });
  });

  app.post('/staff/accounts', signedIn, admin, async (c) => {
    const staff = c.get('staff');
    const body = await readStaffBody(c, NewAccount);
    if (!body.ok) return body.response;
    const facilityIds = [...new Set(body.body.facilityIds)];
    const known = await organisationFacilityIds(db, staff.organisationId, facilityIds);
    if (facilityIds.some((id) => !known.has(id))) return unknownFacility(c);
    // Emails are unique across organisations: one person, one sign-in.
    if (await emailTaken(db, body.body.email)) return apiError(c, 409, 'email_taken', 'an account with this email exists already');
    const created = await createStaff(db, { organisationId: staff.organisationId, email: body.body.email, password: body.body.password, role: body.body.role, facilityIds }, now());
    return c.json(await findStaffAccount(db, staff.organisationId, created.id, now()), 201);
  });

  app.patch('/staff/accounts/:id', signedIn, admin, async (c) => {
    const staff = c.get('staff');
    const account = await findStaffAccount(db, staff.organisationId, c.req.param('id'), now());
    if (!account) return apiError(c, 404, 'unknown_account', 'no such account in your organisation');
    const body = await readStaffBody(c, AccountChange);
    if (!body.ok) return body.response;
    const change = body.body;
    // The organisation would be left with nobody who can undo it.
    if (account.id === staff.id && (change.disabled === true || (change.role !== undefined && change.role !== 'admin'))) {
      return apiError(c, 400, 'own_account', 'an admin cannot disable or demote their own account: ask another admin');
    }
    if (change.facilityIds) {
      const known = await organisationFacilityIds(db, staff.organisationId, change.facilityIds);
      if (change.facilityIds.some((id) => !known.has(id))) return unknownFacility(c);
    }
    await updateStaffAccount(db, account.id, change, now());
    // A disabled account, or one whose password was reset, stops at once (the admin's own current session stays).
    if (change.disabled === true || change.password !== undefined) {
      const own = account.id === staff.id ? readSessionCookie(c) : undefined;
      await deleteSessionsOfStaff(db, account.id, own ? hashToken(own) : undefined);
    }
    return c.json(await findStaffAccount(db, staff.organisationId, account.id, now()));
  });

  app.get('/staff/devices', signedIn, requireRole('admin', 'manager'), async (c) => {
    const staff = c.get('staff');
    const visible = new Set(await visibleFacilityIds(db, staff));
    const rows = await listEnrollments(db, staff.organisationId);
    return c.json({ devices: rows.filter((row) => visible.has(row.facility_id)).map(deviceView) });
  });

  app.post('/facilities/:id/enrollments', signedIn, requireRole('admin', 'manager'), async (c) => {
    const facility = await visibleFacility(db, c.get('staff'), c.req.param('id'));
    if (!facility) return unknownFacility(c);
    const { code, expiresAt } = await createEnrollmentCode(db, { facilityId: facility.id }, now());
    c.header('Cache-Control', 'no-store');
    return c.json({ code, expiresAt }, 201);
  });

  app.post('/staff/devices/:id/revoke', signedIn, requireRole('admin', 'manager'), async (c) => {
    const staff = c.get('staff');
    const enrollment = await findEnrollment(db, c.req.param('id'));
    if (!enrollment || !(await visibleFacility(db, staff, enrollment.facility_id))) return apiError(c, 404, 'unknown_device', 'no such device among your facilities\'');
    // Revoking twice is harmless: the first time is kept.
    await revokeEnrollment(db, enrollment.id, now());
    const row = (await listEnrollments(db, staff.organisationId)).find((r) => r.id === enrollment.id)!;
    return c.json(deviceView(row));
  });

  app.get('/staff/surveys', signedIn, requireRole('admin', 'analyst', 'designer', 'manager'), async (c) => {
    const surveys = await currentSurveyVersions(db, c.get('staff').organisationId);
    return c.json({ surveys: surveys.map((s) => ({ id: s.id, version: s.version, title: s.title, languages: s.languages, defaultLanguage: s.defaultLanguage, definition: s })) });
  });

  app.get('/staff/settings', signedIn, requireRole('admin', 'analyst', 'manager'), async (c) => {
    const organisationId = c.get('staff').organisationId;
    const settings = await readOrganisationSettings(db, organisationId);
    return c.json({ ...settings, spokenRetentionDays: await readSpokenRetentionDays(db, organisationId), defaultTargetPercent: DEFAULT_TARGET_PERCENT });
  });

  app.patch('/staff/settings', signedIn, admin, async (c) => {
    const body = await readStaffBody(c, SettingsChange);
    if (!body.ok) return body.response;
    const organisationId = c.get('staff').organisationId;
    if (body.body.minCellSize !== undefined) await setMinCellSize(db, organisationId, body.body.minCellSize);
    if (body.body.spokenRetentionDays !== undefined) await setSpokenRetentionDays(db, organisationId, body.body.spokenRetentionDays);
    if (body.body.paperDoubleEntry !== undefined) await setPaperDoubleEntry(db, organisationId, body.body.paperDoubleEntry);
    return c.json({
      ...(await readOrganisationSettings(db, organisationId)), spokenRetentionDays: await readSpokenRetentionDays(db, organisationId),
      defaultTargetPercent: DEFAULT_TARGET_PERCENT,
    });
  });

  app.put('/staff/targets/:surveyId/:questionId', signedIn, admin, async (c) => {
    const organisationId = c.get('staff').organisationId;
    const surveyId = c.req.param('surveyId');
    const questionId = c.req.param('questionId');
    const survey = (await currentSurveyVersions(db, organisationId)).find((s) => s.id === surveyId);
    if (!survey) return apiError(c, 404, 'unknown_survey', 'no such survey in your organisation');
    const question = listQuestions(survey.items).find((q) => q.question.id === questionId)?.question;
    if (!question) return apiError(c, 404, 'unknown_question', `the current version of ${surveyId} has no question ${questionId}`);
    if (!INDICATOR_KINDS.has(question.kind)) return apiError(c, 400, 'invalid_request', `${questionId} is a ${question.kind} question: targets apply to yes/no, expectation, face and compliance questions`);
    const body = await readStaffBody(c, TargetChange);
    if (!body.ok) return body.response;
    await setIndicatorTarget(db, { organisationId, surveyId, questionId, percent: body.body.percent });
    return c.json({ surveyId, questionId, percent: body.body.percent });
  });

  app.get('/staff/facilities/:id/residents', signedIn, requireRole('admin', 'analyst', 'manager'), async (c) => {
    const facility = await visibleFacility(db, c.get('staff'), c.req.param('id'));
    if (!facility) return unknownFacility(c);
    return c.json({ counts: await listResidentCounts(db, facility.id) });
  });

  app.put('/staff/facilities/:id/residents/:period', signedIn, requireRole('admin', 'manager'), async (c) => {
    const staff = c.get('staff');
    const facility = await visibleFacility(db, staff, c.req.param('id'));
    if (!facility) return unknownFacility(c);
    const period = c.req.param('period');
    if (!isQuarterId(period)) return apiError(c, 400, 'invalid_request', `period: "${period.slice(0, 20)}" is not a quarter such as 2026-Q3`);
    const body = await readStaffBody(c, ResidentsChange);
    if (!body.ok) return body.response;
    await setResidentCount(db, { facilityId: facility.id, period, residents: body.body.residents, staffId: staff.id }, now());
    return c.json({ period, residents: body.body.residents });
  });

  return app;
}
