import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp } from '../../../src/server/createApp.ts';
import type { Database } from '../../../src/server/db/schema.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import { createStaff, type StaffRole } from '../../../src/server/queries/staff.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import type { Answers } from '../../../src/survey/answers.ts';
import { makeUuidV7 } from '../../../src/survey/makeUuidV7.ts';
import { signIn, type StaffSession } from '../auth/staffClient.ts';

const PASSWORD = 'correct horse battery staple';

/** A survey with every kind the exports and comments treat differently, in English and French. */
export function exportSurvey(version: 1 | 2) {
  const roomComment = version === 1 ? { en: 'Anything about your room?', fr: 'Un mot sur votre chambre ?' } : { en: 'What would make your room better?', fr: 'Qu’est-ce qui rendrait votre chambre meilleure ?' };
  return {
    schema: 'sayso/survey@1', id: 'resident-survey', version: 1,
    title: { en: 'Resident survey', fr: 'Enquête résidents' },
    defaultLanguage: 'en', languages: ['en', 'fr'],
    items: [
      { kind: 'group', id: 'room', title: { en: 'Your room', fr: 'Votre chambre' }, pictogram: 'room', items: [
        { kind: 'yesno', id: 'room.satisfied', pictogram: 'room', preferNotToAnswer: true, text: { en: 'Are you satisfied with your room?', fr: 'Êtes-vous satisfait de votre chambre ?' } },
        { kind: 'multi', id: 'room.reasons', pictogram: 'room', text: { en: 'Why not?', fr: 'Pourquoi pas ?' }, choices: [
          { value: 'noise', pictogram: 'noise', label: { en: 'Too noisy', fr: 'Trop bruyant' } },
          { value: 'cold', pictogram: 'temperature', label: { en: 'Too cold', fr: 'Trop froid' } },
        ] },
        { kind: 'rating', id: 'room.score', scale: '0-10', pictogram: 'rating', text: { en: 'Rate your room', fr: 'Notez votre chambre' } },
        { kind: 'text', id: 'room.comment', pictogram: 'comment', preferNotToAnswer: true, text: roomComment },
      ] },
      { kind: 'group', id: 'food', title: { en: 'Food', fr: 'Repas' }, pictogram: 'food', items: [
        { kind: 'expectation', id: 'food.expect', pictogram: 'food', text: { en: 'Is the food as you expected?', fr: 'Les repas sont-ils comme prévu ?' } },
        { kind: 'text', id: 'food.comment', pictogram: 'comment', text: { en: 'Anything about the food?', fr: 'Un mot sur les repas ?' } },
      ] },
      { kind: 'info', id: 'about', pictogram: 'information', text: { en: 'A few questions about you.', fr: 'Quelques questions sur vous.' } },
      { kind: 'single', id: 'age', demographic: true, pictogram: 'age', text: { en: 'How old are you?', fr: 'Quel âge avez-vous ?' }, choices: [
        { value: 'under-35', pictogram: 'age', label: { en: 'Under 35', fr: 'Moins de 35 ans' } },
        { value: 'over-35', pictogram: 'age', label: { en: '35 or over', fr: '35 ans ou plus' } },
      ] },
      { kind: 'text', id: 'comment', pictogram: 'comment', text: { en: 'Anything else?', fr: 'Autre chose ?' } },
    ],
  };
}

export interface SeededResponse {
  id: string;
  facilityId: string;
  enrollmentId: string;
  surveyVersion: number;
  language: string;
  status: 'complete' | 'partial';
  source: 'tablet' | 'paper' | 'invitation';
  mode: 'self' | 'assisted';
  reportedAt: string;
  answers: Answers;
}

/** Stores responses as ingest would have (without the MAC checks), in pages a database accepts. */
export async function insertResponses(db: Kysely<Database>, organisationId: string, responses: readonly SeededResponse[]): Promise<void> {
  const rows = responses.map((r) => ({
    id: r.id, organisation_id: organisationId, facility_id: r.facilityId, enrollment_id: r.enrollmentId, survey_id: 'resident-survey',
    survey_version: r.surveyVersion, language: r.language, status: r.status, source: r.source, mode: r.mode,
    started_at: r.reportedAt, completed_at: r.status === 'complete' ? r.reportedAt : null, received_at: r.reportedAt, reported_at: r.reportedAt,
    clock_flagged: 0, answers: JSON.stringify(r.answers), assistance: null, content_hash: randomBytes(16).toString('hex'), meta: null,
  }));
  for (let i = 0; i < rows.length; i += 400) await db.insertInto('responses').values(rows.slice(i, i + 400)).execute();
}


/** A response at a given UTC time, with a fresh UUID v7 id of that time. */
export function response(fields: Omit<SeededResponse, 'id' | 'language' | 'status' | 'source' | 'mode' | 'surveyVersion'> & Partial<SeededResponse>): SeededResponse {
  return {
    id: makeUuidV7(Date.parse(fields.reportedAt)), language: 'en', status: 'complete', source: 'tablet', mode: 'self', surveyVersion: 2, ...fields,
  };
}

export interface ExportWorld {
  app: Hono;
  organisationId: string;
  facilityA: { id: string; name: string };
  facilityB: { id: string; name: string };
  /** A facility of another organisation. */
  elsewhere: { id: string };
  enrollmentA: string;
  enrollmentB: string;
  sessions: Record<'admin' | 'analyst' | 'designer' | 'managerA' | 'managerB', StaffSession>;
}

export async function insertEnrollment(db: Kysely<Database>, facilityId: string): Promise<string> {
  const id = makeUuidV7();
  await db.insertInto('enrollments').values({
    id, facility_id: facilityId, name: 'Common room tablet', token_hash: randomBytes(32).toString('hex'), secret: randomBytes(32).toString('base64url'),
    created_at: new Date().toISOString(), revoked_at: null, last_seen_at: null,
  }).execute();
  return id;
}

/** An organisation with two facilities, the survey in two versions, and a signed-in account of each role that reads results. */
export async function makeExportWorld(db: Kysely<Database>, names: { a?: string; b?: string } = {}): Promise<ExportWorld> {
  const app = createApp({ staticRoot: 'dist', db, staff: { loginPerMinute: 1000 } });
  const organisationId = (await createOrganisation(db, { name: 'Fedasil test' })).id;
  const facilityA = await createFacility(db, { organisationId, name: names.a ?? 'Centre A', timeZone: 'Europe/Brussels' });
  const facilityB = await createFacility(db, { organisationId, name: names.b ?? 'Centre B', timeZone: 'Europe/Brussels' });
  const otherOrganisation = (await createOrganisation(db, { name: 'Elsewhere' })).id;
  const elsewhere = await createFacility(db, { organisationId: otherOrganisation, name: 'Centre X', timeZone: 'Europe/Brussels' });
  await publishSurveyVersion(db, { organisationId, definition: exportSurvey(1) });
  await publishSurveyVersion(db, { organisationId, definition: exportSurvey(2) });
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const accounts: Array<[keyof ExportWorld['sessions'], StaffRole, string[]]> = [
    ['admin', 'admin', []], ['analyst', 'analyst', []], ['designer', 'designer', []],
    ['managerA', 'manager', [facilityA.id]], ['managerB', 'manager', [facilityB.id]],
  ];
  const sessions = {} as ExportWorld['sessions'];
  for (const [key, role, facilityIds] of accounts) {
    const email = `${key.toLowerCase()}-${run}@example.org`;
    await createStaff(db, { organisationId, email, password: PASSWORD, role, facilityIds });
    sessions[key] = await signIn(app, email, PASSWORD);
  }
  return {
    app, organisationId,
    facilityA: { id: facilityA.id, name: facilityA.name }, facilityB: { id: facilityB.id, name: facilityB.name }, elsewhere: { id: elsewhere.id },
    enrollmentA: await insertEnrollment(db, facilityA.id), enrollmentB: await insertEnrollment(db, facilityB.id),
    sessions,
  };
}
