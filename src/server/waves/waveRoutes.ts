import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { readStaffBody } from '../auth/readStaffBody.ts';
import { requireRole, requireStaff, seesWholeOrganisation, visibleFacility, visibleFacilityIds, type StaffEnv } from '../auth/staffAuth.ts';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/apiError.ts';
import { getSurveyVersion } from '../queries/surveyVersions.ts';
import { createInvitations, MAX_INVITATIONS_PER_BATCH } from './createInvitations.ts';
import { createWave } from './createWave.ts';
import { listWaves } from './listWaves.ts';
import { slipLanguages } from './slipLanguages.ts';
import { setEligibleResidents } from './setEligibleResidents.ts';
import { updateWave } from './updateWave.ts';
import { listWaveSurveys } from './waveSurveys.ts';
import type { WaveProblem } from './waveProblem.ts';

const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD'));
const Name = v.pipe(v.string(), v.trim(), v.minLength(1, 'is required'), v.maxLength(200, 'at most 200 characters'));
const Eligibility = v.pipe(v.string(), v.trim(), v.minLength(1, 'say who is invited'), v.maxLength(1000, 'at most 1000 characters'));
const Residents = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must be 0 or more'), v.maxValue(1_000_000, 'must be at most 1000000'));

const NewWaveBody = v.strictObject({
  name: Name,
  surveyId: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{1,62}$/, 'must be a survey id')),
  surveyVersion: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more')),
  startsOn: Day,
  endsOn: Day,
  eligibility: Eligibility,
  minStayDays: v.optional(v.nullable(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more'), v.maxValue(3650, 'must be at most 3650')))),
  facilities: v.pipe(v.array(v.strictObject({
    facilityId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    eligibleResidents: v.optional(v.nullable(Residents)),
  })), v.maxLength(1000, 'at most 1000 facilities')),
});

const WaveChangeBody = v.strictObject({
  name: v.optional(Name),
  endsOn: v.optional(Day),
  eligibility: v.optional(Eligibility),
  cancel: v.optional(v.literal(true, 'can only be true')),
});

const EligibleBody = v.strictObject({ eligibleResidents: v.nullable(Residents) });
const InvitationsBody = v.strictObject({
  count: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'), v.maxValue(MAX_INVITATIONS_PER_BATCH, `must be at most ${MAX_INVITATIONS_PER_BATCH}`)),
});

const refused = (c: Context, problem: WaveProblem) => apiError(c, problem.status, problem.code, problem.message);
const unknownFacility = (c: Context) => apiError(c, 404, 'unknown_facility', 'no such facility among yours');

/**
 * Waves (docs/waves.md): a survey version run in chosen facilities for a date range, the
 * residents eligible there, and printed batches of anonymous invitation codes.
 * Admins plan waves; analysts see them; managers see and work on their facilities'.
 */
export function waveRoutes(options: { db: Kysely<Database>; now?: () => Date }) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const app = new Hono<StaffEnv>();
  // Per route, not app.use('*'): this app is mounted beside others under /api/v1.
  const signedIn = requireStaff(db, { now });

  app.get('/staff/waves', signedIn, requireRole('admin', 'analyst', 'manager'), async (c) => {
    const staff = c.get('staff');
    const facilityIds = seesWholeOrganisation(staff) ? undefined : await visibleFacilityIds(db, staff);
    c.header('Cache-Control', 'no-store');
    return c.json({ waves: await listWaves(db, { organisationId: staff.organisationId, facilityIds }, now()) });
  });

  app.get('/staff/waves/surveys', signedIn, requireRole('admin'), async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ surveys: await listWaveSurveys(db, c.get('staff').organisationId) });
  });

  app.post('/staff/waves', signedIn, requireRole('admin'), async (c) => {
    const staff = c.get('staff');
    const body = await readStaffBody(c, NewWaveBody);
    if (!body.ok) return body.response;
    const created = await createWave(db, { ...body.body, organisationId: staff.organisationId, createdBy: staff.id }, now());
    if (!created.ok) return refused(c, created);
    const [wave] = await listWaves(db, { organisationId: staff.organisationId, waveIds: [created.waveId] }, now());
    return c.json({ wave }, 201);
  });

  app.patch('/staff/waves/:id', signedIn, requireRole('admin'), async (c) => {
    const staff = c.get('staff');
    const body = await readStaffBody(c, WaveChangeBody);
    if (!body.ok) return body.response;
    const waveId = c.req.param('id');
    if (waveId.length > 100) return apiError(c, 404, 'unknown_wave', 'no such wave in this organisation');
    const updated = await updateWave(db, { organisationId: staff.organisationId, waveId, change: body.body }, now());
    if (!updated.ok) return refused(c, updated);
    const [wave] = await listWaves(db, { organisationId: staff.organisationId, waveIds: [waveId] }, now());
    return c.json({ wave });
  });

  app.put('/staff/waves/:id/facilities/:facilityId', signedIn, requireRole('admin', 'manager'), async (c) => {
    const staff = c.get('staff');
    const body = await readStaffBody(c, EligibleBody);
    if (!body.ok) return body.response;
    const facility = await visibleFacility(db, staff, c.req.param('facilityId'));
    if (!facility) return unknownFacility(c);
    const waveId = c.req.param('id');
    if (waveId.length > 100) return apiError(c, 404, 'unknown_wave', 'no such wave in this organisation');
    const set = await setEligibleResidents(db, { organisationId: staff.organisationId, waveId, facilityId: facility.id, eligibleResidents: body.body.eligibleResidents });
    if (!set.ok) return refused(c, set);
    const [wave] = await listWaves(db, { organisationId: staff.organisationId, waveIds: [waveId], facilityIds: seesWholeOrganisation(staff) ? undefined : await visibleFacilityIds(db, staff) }, now());
    return c.json({ wave });
  });

  app.post('/staff/waves/:id/facilities/:facilityId/invitations', signedIn, requireRole('admin', 'manager'), async (c) => {
    const staff = c.get('staff');
    const body = await readStaffBody(c, InvitationsBody);
    if (!body.ok) return body.response;
    const facility = await visibleFacility(db, staff, c.req.param('facilityId'));
    if (!facility) return unknownFacility(c);
    const waveId = c.req.param('id');
    const wave = waveId.length > 100 ? undefined
      : await db.selectFrom('waves').select(['survey_id', 'survey_version']).where('id', '=', waveId).where('organisation_id', '=', staff.organisationId).executeTakeFirst();
    if (!wave) return apiError(c, 404, 'unknown_wave', 'no such wave in this organisation');
    const made = await createInvitations(db, { organisationId: staff.organisationId, waveId, facilityId: facility.id, count: body.body.count, createdBy: staff.id }, now());
    if (!made.ok) return refused(c, made);
    const survey = await getSurveyVersion(db, staff.organisationId, wave.survey_id, Number(wave.survey_version));
    // The codes exist nowhere else from now on: nothing may keep this answer.
    c.header('Cache-Control', 'no-store');
    return c.json({
      batchId: made.batchId, codes: made.codes,
      languages: survey ? slipLanguages(survey, facility.languages) : [],
      surveyLanguages: survey?.languages ?? [],
    }, 201);
  });

  return app;
}
