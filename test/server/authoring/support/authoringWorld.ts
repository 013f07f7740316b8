import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { createApp } from '../../../../src/server/createApp.ts';
import type { Database } from '../../../../src/server/db/schema.ts';
import { createOrganisation } from '../../../../src/server/queries/organisations.ts';
import { createStaff, type StaffRole } from '../../../../src/server/queries/staff.ts';
import { makeUuidV7 } from '../../../../src/survey/makeUuidV7.ts';
import { call, signIn, type StaffSession } from '../../auth/staffClient.ts';

export const PASSWORD = 'correct horse battery';
/** A small valid survey (en, ar) to put in drafts. */
export const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8')) as Record<string, unknown>;

export interface Member { session: StaffSession; id: string; role: StaffRole }
export interface Draft { surveyId: string; revision: number; definition: Record<string, unknown>; origin: string; basedOnVersion: number | null; updatedAt: string; problems: Array<{ path: string; message: string }> }

/** An organisation with a designer, and another organisation with its own designer. */
export async function authoringWorld(db: Kysely<Database>) {
  const app: Hono = createApp({ staticRoot: 'dist', db, staff: { loginPerMinute: 10_000 } });
  const organisationId = (await createOrganisation(db, { name: 'Fedasil test' })).id;
  const otherOrganisationId = (await createOrganisation(db, { name: 'Other agency' })).id;
  let n = 0;
  const member = async (role: StaffRole, organisation = organisationId): Promise<Member> => {
    const email = `${role}-${n++}-${makeUuidV7().slice(-6)}@example.org`;
    const created = await createStaff(db, { organisationId: organisation, email, password: PASSWORD, role, facilityIds: [] });
    return { session: await signIn(app, email, PASSWORD), id: created.id, role };
  };
  const designer = await member('designer');
  const outsider = await member('designer', otherOrganisationId);

  const api = (who: Member, method: string, path: string, body?: unknown) =>
    call(app, who.session, method, `/staff/authoring${path}`, body === undefined ? {} : { body });

  /** POST /surveys: the new draft (asserting 201). */
  const create = async (id: string, from: unknown, who = designer): Promise<Draft> => {
    const response = await api(who, 'POST', '/surveys', { id, from });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { draft: Draft }).draft;
  };

  /** A draft of survey `id` holding the mini survey (valid, publishable). */
  const validDraft = (id: string, who = designer) => create(id, { kind: 'definition', definition: { ...mini, id }, origin: 'test' }, who);

  const publish = (id: string, revision: number, who = designer) => api(who, 'POST', `/surveys/${id}/publish`, { revision });

  return { app, db, organisationId, otherOrganisationId, designer, outsider, member, api, create, validDraft, publish };
}

export type AuthoringWorld = Awaited<ReturnType<typeof authoringWorld>>;
