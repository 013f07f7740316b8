import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp } from '../../../../src/server/createApp.ts';
import type { Database } from '../../../../src/server/db/schema.ts';
import { createFacility, createOrganisation } from '../../../../src/server/queries/organisations.ts';
import { createStaff, type StaffRole } from '../../../../src/server/queries/staff.ts';
import { publishSurveyVersion } from '../../../../src/server/queries/surveyVersions.ts';
import { makeUuidV7 } from '../../../../src/survey/makeUuidV7.ts';
import type { Assistance, ResponseEnvelope } from '../../../../src/survey/responseEnvelope.ts';
import type { SealingKey } from '../../../../src/survey/sealing.ts';
import { call, signIn, type StaffSession } from '../../auth/staffClient.ts';
import { bearer, bundleOf, enrollDevice, sealedResponseWithKey, type EnrolledDevice } from '../../media/support/audioFixture.ts';
import { signedResponse } from '../../support/signedResponse.ts';

export const PASSWORD = 'correct horse battery';
/** The schema's floor, so tests stay fast (production uses PIN_KDF's 310000). */
export const TEST_PIN_ITERATIONS = 100_000;

export const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));
/** The children's survey as an agency publishes it: only ever answered with a mediator. */
export const CHILDREN = { ...mini, id: 'mini-children', title: { en: 'Mini survey for children', ar: 'استبيان صغير للأطفال' }, requiresMediator: true };
export const ANSWERS = { 'room.satisfied': true, 'room.score': 7, overall: 4 };

export interface Member { session: StaffSession; id: string; email: string; role: StaffRole }

/**
 * Organisation "Fedasil test" with facilities A and B, the mini and children's surveys,
 * a tablet in each facility, an admin session; another organisation with its own tablet.
 * `member` adds an account (assigned to the given facilities) signed in, and `pin` sets its tablet PIN.
 */
export async function mediationWorld(db: Kysely<Database>) {
  const app = createApp({ staticRoot: 'dist', db, staff: { loginPerMinute: 10_000, tabletPinIterations: TEST_PIN_ITERATIONS }, device: { enrollPerMinute: 1000 } });
  const organisationId = (await createOrganisation(db, { name: 'Fedasil test' })).id;
  const A = (await createFacility(db, { organisationId, name: 'Centre A', timeZone: 'Europe/Brussels' })).id;
  const B = (await createFacility(db, { organisationId, name: 'Centre B', timeZone: 'Europe/Brussels' })).id;
  await publishSurveyVersion(db, { organisationId, definition: mini });
  await publishSurveyVersion(db, { organisationId, definition: CHILDREN });
  const otherOrganisationId = (await createOrganisation(db, { name: 'Other agency' })).id;
  const elsewhere = (await createFacility(db, { organisationId: otherOrganisationId, name: 'Elsewhere', timeZone: 'Europe/Brussels' })).id;
  await publishSurveyVersion(db, { organisationId: otherOrganisationId, definition: mini });

  let n = 0;
  const member = async (role: StaffRole, facilityIds: string[] = [], organisation = organisationId): Promise<Member> => {
    const email = `${role}-${n++}-${makeUuidV7().slice(-6)}@example.org`;
    const created = await createStaff(db, { organisationId: organisation, email, password: PASSWORD, role, facilityIds });
    return { session: await signIn(app, email, PASSWORD), id: created.id, email, role };
  };
  const pin = async (who: Member, value: string) => {
    const response = await call(app, who.session, 'PUT', '/staff/me/tablet-pin', { body: { pin: value, password: PASSWORD } });
    if (response.status !== 200) throw new Error(`PIN refused: ${response.status} ${await response.text()}`);
    return (await response.json()) as { number: number };
  };
  const refOf = async (who: Member) => (await db.selectFrom('staff').select('tablet_ref').where('id', '=', who.id).executeTakeFirstOrThrow()).tablet_ref!;

  return {
    app, organisationId, otherOrganisationId, A, B, elsewhere, member, pin, refOf,
    admin: await member('admin'),
    deviceA: await enrollDevice(app, db, A, 'Tablet A'),
    deviceB: await enrollDevice(app, db, B, 'Tablet B'),
    deviceOther: await enrollDevice(app, db, elsewhere, 'Tablet elsewhere'),
  };
}

export type MediationWorld = Awaited<ReturnType<typeof mediationWorld>>;

export function assistance(fields: Partial<Assistance> = {}): Assistance {
  return { role: 'interpreter', kinds: ['read-aloud', 'translated'], questions: ['room.score'], ...fields };
}

/** A plain (unsealed) response signed by the tablet. */
export function plainResponse(device: EnrolledDevice, fields: Partial<Omit<ResponseEnvelope, 'mac'>> = {}) {
  return signedResponse(device, { surveyId: 'mini', surveyVersion: 1, answers: ANSWERS, ...fields } as never);
}

/** A response sealed to the organisation's key from the tablet's bundle, with a note sealed (or not) by `note`. */
export async function sealedResponse(app: Hono, device: EnrolledDevice, fields: Partial<Omit<ResponseEnvelope, 'mac'>> = {}, note?: { text: string; aad?: string }) {
  const { body } = await bundleOf(app, device);
  const id = fields.id ?? makeUuidV7();
  const { sealed, sealNote } = await sealedResponseWithKey(id, body.sealing as SealingKey, ANSWERS);
  const mediatorNotes = note ? await sealNote(note.text, note.aad) : undefined;
  return signedResponse(device, { id, surveyId: 'mini', surveyVersion: 1, answers: null, sealed, ...(mediatorNotes && { mediatorNotes }), ...fields } as never);
}

export async function sync(app: Hono, device: EnrolledDevice, responses: unknown[]) {
  const response = await app.request('/api/v1/sync', { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(device) }, body: JSON.stringify({ responses }) });
  if (response.status !== 200) throw new Error(`sync answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { results: Array<{ id: string; status: string; error?: { code: string; message: string } }> }).results;
}
