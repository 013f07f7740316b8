import { PREFER_NOT_TO_ANSWER, type Answers } from '../../../src/survey/answers.ts';
import type { ResponseEnvelope } from '../../../src/survey/responseEnvelope.ts';
import type { SurveyDefinition } from '../../../src/survey/schema.ts';
import { validateAnswers } from '../../../src/survey/validateAnswers.ts';
import { listQuestions } from '../../../src/survey/walkItems.ts';
import { createDatabase } from '../../../src/server/db/createDatabase.ts';
import { migrateToLatest } from '../../../src/server/db/migrate.ts';
import { createEnrollmentCode } from '../../../src/server/queries/enrollments.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import { createStaff } from '../../../src/server/queries/staff.ts';
import { publishBuiltInSurveys } from '../../../src/server/seedDemo.ts';
import { signedResponse } from '../../server/support/signedResponse.ts';

export interface SeededOrganisation {
  organisationId: string;
  facilityA: { id: string; name: string; code: string };
  facilityB: { id: string; name: string; code: string };
  manager: { email: string; password: string };
  admin: { email: string; password: string };
  surveys: SurveyDefinition[];
}

/**
 * An organisation with two facilities, a manager of facility A and an admin, the built-in
 * surveys, and an enrollment code per facility: written with the server's own query modules
 * into the SQLite file the server process then opens (its demo seed sees an organisation and
 * stays away).
 */
export async function seedOrganisation(dbPath: string): Promise<SeededOrganisation> {
  const database = createDatabase({ sqlitePath: dbPath });
  try {
    await migrateToLatest(database.db);
    const organisation = await createOrganisation(database.db, { name: 'Agency for reception', retentionDays: 730 });
    const a = await createFacility(database.db, { organisationId: organisation.id, name: 'Centre Arendonk', timeZone: 'Europe/Brussels' });
    const b = await createFacility(database.db, { organisationId: organisation.id, name: 'Centre Bierset', timeZone: 'Europe/Brussels' });
    const surveys = await publishBuiltInSurveys(database.db, organisation.id);
    const manager = { email: 'manager.arendonk@example.org', password: 'correct horse battery staple' };
    const admin = { email: 'admin@example.org', password: 'admin password of twenty' };
    await createStaff(database.db, { organisationId: organisation.id, email: manager.email, password: manager.password, role: 'manager', facilityIds: [a.id] });
    await createStaff(database.db, { organisationId: organisation.id, email: admin.email, password: admin.password, role: 'admin' });
    const codeA = await createEnrollmentCode(database.db, { facilityId: a.id });
    const codeB = await createEnrollmentCode(database.db, { facilityId: b.id });
    return {
      organisationId: organisation.id,
      facilityA: { id: a.id, name: a.name, code: codeA.code },
      facilityB: { id: b.id, name: b.name, code: codeB.code },
      manager,
      admin,
      surveys,
    };
  } finally {
    await database.close();
  }
}

export interface EnrolledTablet {
  token: string;
  enrollmentId: string;
  secret: string;
}

/** POST /api/v1/devices/enroll, as a tablet does. */
export async function enrollTablet(serverUrl: string, code: string, name: string): Promise<EnrolledTablet> {
  const response = await fetch(`${serverUrl}/api/v1/devices/enroll`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, name }) });
  if (response.status !== 201) throw new Error(`enroll answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as EnrolledTablet;
}

/** POST /api/v1/sync through the real ingest; every item must be accepted. */
export async function syncResponses(serverUrl: string, tablet: EnrolledTablet, responses: ResponseEnvelope[]): Promise<void> {
  const response = await fetch(`${serverUrl}/api/v1/sync`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tablet.token}` },
    body: JSON.stringify({ responses }),
  });
  if (response.status !== 200) throw new Error(`sync answered ${response.status}: ${await response.text()}`);
  const { results } = (await response.json()) as { results: Array<{ id: string; status: string; error?: unknown }> };
  const refused = results.filter((r) => r.status !== 'accepted');
  if (refused.length) throw new Error(`sync refused ${refused.length}: ${JSON.stringify(refused.slice(0, 3))}`);
}

/** Free text that would run script if a screen rendered it as HTML. */
export const HOSTILE_COMMENT = '<img src=x onerror="document.title=\'pwned\'"> The heating in room 12 is <b>broken</b>';

/**
 * Respondent `i`'s answers to the resident survey: room satisfied for the first `roomYes`,
 * the other topics by a fixed rotation, reasons after every "no", a rating, a few comments,
 * and the optional demographics (one declines the age).
 */
export function residentAnswers(survey: SurveyDefinition, i: number, roomYes: number): Answers {
  const answers: Answers = {};
  const placed = listQuestions(survey.items);
  placed.forEach(({ question, groups }, index) => {
    const topic = groups[0]?.id ?? '';
    const k = index;
    switch (question.kind) {
      case 'yesno':
        answers[question.id] = topic === 'room' ? i < roomYes : (i + k) % 4 !== 0;
        break;
      case 'multi': {
        const satisfied = answers[`${topic}.satisfied`];
        if (satisfied !== false) break;
        const values = question.choices.map((c) => c.value);
        answers[question.id] = [...new Set([values[i % values.length]!, values[(i * 3 + 1) % values.length]!])];
        break;
      }
      case 'rating':
        answers[question.id] = (i + k) % 11;
        break;
      case 'text':
        if (topic === 'room' && i < 4) answers[question.id] = i === 0 ? HOSTILE_COMMENT : `Room comment number ${i}`;
        break;
      case 'single':
        if (question.id === 'about_you.age') answers[question.id] = i === 3 ? PREFER_NOT_TO_ANSWER : question.choices[i % question.choices.length]!.value;
        else answers[question.id] = question.choices[i % question.choices.length]!.value;
        break;
      default:
        break;
    }
  });
  return answers;
}

/** Complete and partial resident responses reported in the given days, signed by the tablet. */
export async function residentResponses(
  survey: SurveyDefinition,
  tablet: EnrolledTablet,
  plan: { complete: number; partial: number; roomYes: number; partialRoomYes: number; days: string[] },
): Promise<{ envelopes: ResponseEnvelope[]; answers: Array<{ status: 'complete' | 'partial'; answers: Answers }> }> {
  const envelopes: ResponseEnvelope[] = [];
  const given: Array<{ status: 'complete' | 'partial'; answers: Answers }> = [];
  const total = plan.complete + plan.partial;
  for (let n = 0; n < total; n++) {
    const partial = n >= plan.complete;
    const j = n - plan.complete;
    const answers: Answers = partial ? { 'room.satisfied': j < plan.partialRoomYes, 'room.score': 3 } : residentAnswers(survey, n, plan.roomYes);
    const status = partial ? 'partial' : 'complete';
    const problems = validateAnswers(survey, answers, status);
    if (problems.length) throw new Error(`seed response ${n} breaks the survey: ${JSON.stringify(problems.slice(0, 3))}`);
    const day = plan.days[n % plan.days.length]!;
    const completedAt = `${day}T${String(9 + (n % 8)).padStart(2, '0')}:${String((n * 7) % 60).padStart(2, '0')}:00.000Z`;
    const startedAt = new Date(Date.parse(completedAt) - 5 * 60_000).toISOString();
    envelopes.push(
      await signedResponse(tablet, {
        surveyId: survey.id,
        surveyVersion: survey.version,
        answers,
        status,
        language: n % 5 === 0 ? 'ar' : 'en',
        startedAt,
        completedAt: partial ? null : completedAt,
      }),
    );
    given.push({ status, answers });
  }
  return { envelopes, answers: given };
}
