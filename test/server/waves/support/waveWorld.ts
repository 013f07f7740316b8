import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { createApp } from '../../../../src/server/createApp.ts';
import type { Database } from '../../../../src/server/db/schema.ts';
import { createFacility, createOrganisation } from '../../../../src/server/queries/organisations.ts';
import { createStaff, type StaffRole } from '../../../../src/server/queries/staff.ts';
import { publishSurveyVersion } from '../../../../src/server/queries/surveyVersions.ts';
import type { WaveView } from '../../../../src/server/waves/listWaves.ts';
import { makeUuidV7 } from '../../../../src/survey/makeUuidV7.ts';
import { call, signIn, type StaffSession } from '../../auth/staffClient.ts';

export const PASSWORD = 'correct horse battery';
export const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8')) as Record<string, unknown>;
export const monitoring = JSON.parse(readFileSync('public/surveys/monitoring-visit.json', 'utf8')) as unknown;
export const ANSWERS = { 'room.satisfied': false, 'room.reasons': ['noise'], 'room.score': 3, overall: 4 };

export interface Member { session: StaffSession; id: string; role: StaffRole }

/**
 * An organisation with facilities A (Brussels) and B (Tokyo), the mini survey in versions
 * 1 and 2 and the monitoring visit (inspectors); an admin; another organisation with its
 * own facility. The app runs on the given clock.
 */
export async function waveWorld(db: Kysely<Database>, now: () => Date) {
  const app: Hono = createApp({ staticRoot: 'dist', db, staff: { now, loginPerMinute: 10_000 }, device: { now } });
  const organisationId = (await createOrganisation(db, { name: 'Fedasil test' })).id;
  const A = (await createFacility(db, { organisationId, name: 'Centre A', timeZone: 'Europe/Brussels' })).id;
  const B = (await createFacility(db, { organisationId, name: 'Centre B', timeZone: 'Asia/Tokyo' })).id;
  await publishSurveyVersion(db, { organisationId, definition: mini });
  await publishSurveyVersion(db, { organisationId, definition: { ...mini, title: { en: 'Mini survey, second version', ar: 'استبيان صغير ٢' } } });
  await publishSurveyVersion(db, { organisationId, definition: monitoring });
  const otherOrganisationId = (await createOrganisation(db, { name: 'Other agency' })).id;
  const elsewhere = (await createFacility(db, { organisationId: otherOrganisationId, name: 'Elsewhere', timeZone: 'Europe/Brussels' })).id;

  let n = 0;
  const member = async (role: StaffRole, facilityIds: string[] = [], organisation = organisationId): Promise<Member> => {
    const email = `${role}-${n++}-${makeUuidV7().slice(-6)}@example.org`;
    const created = await createStaff(db, { organisationId: organisation, email, password: PASSWORD, role, facilityIds });
    return { session: await signIn(app, email, PASSWORD), id: created.id, role };
  };
  const admin = await member('admin');

  const newWave = (change: Record<string, unknown> = {}) => ({
    name: 'Q1 2027', surveyId: 'mini', surveyVersion: 1, startsOn: '2026-12-01', endsOn: '2027-02-28',
    eligibility: 'Residents staying two months or more', minStayDays: 60,
    facilities: [{ facilityId: A, eligibleResidents: 40 }, { facilityId: B }], ...change,
  });
  const createWave = async (change: Record<string, unknown> = {}, who: Member = admin): Promise<WaveView> => {
    const response = await call(app, who.session, 'POST', '/staff/waves', { body: newWave(change) });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { wave: WaveView }).wave;
  };
  const listWaves = async (who: Member = admin): Promise<WaveView[]> => {
    const response = await call(app, who.session, 'GET', '/staff/waves');
    expect(response.status).toBe(200);
    return ((await response.json()) as { waves: WaveView[] }).waves;
  };
  const printInvitations = async (waveId: string, facilityId: string, count: number, who: Member = admin) => {
    const response = await call(app, who.session, 'POST', `/staff/waves/${waveId}/facilities/${facilityId}/invitations`, { body: { count } });
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as { batchId: string; codes: string[]; languages: string[]; surveyLanguages: string[] };
  };

  return { app, db, organisationId, otherOrganisationId, A, B, elsewhere, admin, member, newWave, createWave, listWaves, printInvitations };
}

export type WaveWorld = Awaited<ReturnType<typeof waveWorld>>;
