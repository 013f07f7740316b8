import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { createApp } from '../../../../src/server/createApp.ts';
import type { Database } from '../../../../src/server/db/schema.ts';
import { createFacility, createOrganisation } from '../../../../src/server/queries/organisations.ts';
import { createStaff, type StaffRole } from '../../../../src/server/queries/staff.ts';
import { publishSurveyVersion } from '../../../../src/server/queries/surveyVersions.ts';
import { makeUuidV7 } from '../../../../src/survey/makeUuidV7.ts';
import type { PaperEntry, PaperEntryResult } from '../../../../src/survey/paper/paperEntry.ts';
import { call, signIn, type StaffSession } from '../../auth/staffClient.ts';

export const PASSWORD = 'correct horse battery';
export const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));
/** A survey with a spoken comment, which paper cannot carry. */
export const VOICE = {
  schema: 'sayso/survey@1', id: 'voice', version: 1, title: { en: 'Voice survey' }, defaultLanguage: 'en', languages: ['en'],
  items: [
    { kind: 'yesno', id: 'room.satisfied', required: true, pictogram: 'room', text: { en: 'Are you satisfied with your room?' } },
    { kind: 'spoken', id: 'voice.comment', pictogram: 'comment', text: { en: 'Tell us more' } },
  ],
};
export const ANSWERS = { 'room.satisfied': false, 'room.reasons': ['noise'], 'room.score': 3, overall: 4 };
/** A visit day well in the past, in the facility's quarter arithmetic. */
export const VISIT_DAY = '2026-11-24';

export interface Member { session: StaffSession; id: string; role: StaffRole }
export interface Batch { id: string; facilityId: string; surveyId: string; surveyVersion: number; language: string; firstSerial: number; count: number; createdAt: string }

/**
 * Organisation with facilities A and B (Europe/Brussels), the mini survey (en, ar) and a
 * survey with a spoken question; an admin; another organisation. `member` signs in a new
 * account of a role, assigned to the given facilities.
 */
export async function paperWorld(db: Kysely<Database>) {
  const app: Hono = createApp({ staticRoot: 'dist', db, staff: { loginPerMinute: 10_000 } });
  const organisationId = (await createOrganisation(db, { name: 'Fedasil test' })).id;
  const A = (await createFacility(db, { organisationId, name: 'Centre A', timeZone: 'Europe/Brussels' })).id;
  const B = (await createFacility(db, { organisationId, name: 'Centre B', timeZone: 'Europe/Brussels' })).id;
  await publishSurveyVersion(db, { organisationId, definition: mini });
  await publishSurveyVersion(db, { organisationId, definition: VOICE });
  const otherOrganisationId = (await createOrganisation(db, { name: 'Other agency' })).id;
  const elsewhere = (await createFacility(db, { organisationId: otherOrganisationId, name: 'Elsewhere', timeZone: 'Europe/Brussels' })).id;

  let n = 0;
  const member = async (role: StaffRole, facilityIds: string[] = [], organisation = organisationId): Promise<Member> => {
    const email = `${role}-${n++}-${makeUuidV7().slice(-6)}@example.org`;
    const created = await createStaff(db, { organisationId: organisation, email, password: PASSWORD, role, facilityIds });
    return { session: await signIn(app, email, PASSWORD), id: created.id, role };
  };
  const admin = await member('admin');

  const printBatch = async (who: Member, input: Partial<Omit<Batch, 'id' | 'firstSerial' | 'createdAt'>> = {}): Promise<Batch> => {
    const response = await call(app, who.session, 'POST', '/paper/batches', { body: { facilityId: A, surveyId: 'mini', surveyVersion: 1, language: 'en', count: 10, ...input } });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { batch: Batch }).batch;
  };

  const entry = (batch: Batch, serial: number, change: Partial<PaperEntry> = {}): PaperEntry => ({
    entryId: makeUuidV7(), facilityId: batch.facilityId, surveyId: batch.surveyId, surveyVersion: batch.surveyVersion, language: batch.language,
    serial, filledOn: VISIT_DAY, answers: ANSWERS, unreadable: [], keyedAt: new Date().toISOString(), ...change,
  });

  const send = async (who: Member, entries: unknown[]): Promise<PaperEntryResult[]> => {
    const response = await call(app, who.session, 'POST', '/paper/entries', { body: { entries } });
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { results: PaperEntryResult[] }).results;
  };

  const setDoubleEntry = async (on: boolean) => {
    const response = await call(app, admin.session, 'PATCH', '/staff/settings', { body: { paperDoubleEntry: on } });
    expect(response.status).toBe(200);
  };

  return { app, db, organisationId, otherOrganisationId, A, B, elsewhere, admin, member, printBatch, entry, send, setDoubleEntry };
}

export type PaperWorld = Awaited<ReturnType<typeof paperWorld>>;
