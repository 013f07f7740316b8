import type { Hono } from 'hono';
import { expect } from 'vitest';
import { createApp } from '../../../src/server/createApp.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import type { TestDatabaseKind } from '../support/testDatabases.ts';

/** A signed-in browser as far as the API can tell: the session cookie and the CSRF token. */
export interface StaffSession { cookie: string; csrfToken: string; staff: { id: string; role: string; organisationId: string; facilityIds: string[] } }

/** A fresh database with one organisation and one facility, and the app on the test's clock (sign-in rate limit out of the way). */
export async function openStaffApp(kind: TestDatabaseKind, now: () => Date) {
  const { handle: database, dispose } = await kind.open();
  try {
    const app = createApp({ staticRoot: 'dist', db: database.db, staff: { now, loginPerMinute: 1000 } });
    const organisationId = (await createOrganisation(database.db, { name: 'Fedasil test' })).id;
    const facilityId = (await createFacility(database.db, { organisationId, name: 'Centre A', timeZone: 'Europe/Brussels' })).id;
    return { database, dispose, app, organisationId, facilityId };
  } catch (caught) {
    await dispose();
    throw caught;
  }
}

export function jsonRequest(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

/** The sayso_session=… pair from a Set-Cookie header, as a browser would send it back. */
export function sessionCookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  const match = /sayso_session=([^;]*)/.exec(header);
  if (!match) throw new Error(`no session cookie in "${header}"`);
  return `sayso_session=${match[1]}`;
}

export function login(app: Hono, email: string, password: string, headers: Record<string, string> = {}) {
  return app.request('/api/v1/auth/login', jsonRequest('POST', { email, password }, headers));
}

export async function signIn(app: Hono, email: string, password: string): Promise<StaffSession> {
  const response = await login(app, email, password);
  expect(response.status, `sign-in of ${email}`).toBe(200);
  const body = (await response.json()) as { staff: StaffSession['staff']; csrfToken: string };
  return { cookie: sessionCookieOf(response), csrfToken: body.csrfToken, staff: body.staff };
}

/** A request on a session; state changes carry the CSRF token unless told otherwise. */
export function call(
  app: Hono,
  session: StaffSession | undefined,
  method: string,
  path: string,
  options: { body?: unknown; csrf?: string | false; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (session) headers.cookie = session.cookie;
  if (session && method !== 'GET' && options.csrf !== false) headers['x-csrf-token'] = options.csrf ?? session.csrfToken;
  // Bytes (an audio upload) go as they are, with the type the caller gave; anything else is JSON.
  const binary = options.body instanceof Uint8Array;
  if (options.body !== undefined && !(binary && headers['content-type'])) headers['content-type'] = 'application/json';
  const body = options.body === undefined ? undefined : binary ? (options.body as Uint8Array<ArrayBuffer>) : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  return app.request(`/api/v1${path}`, { method, headers, body });
}

export async function errorCode(response: Response): Promise<string | undefined> {
  return ((await response.json()) as { error?: { code: string } }).error?.code;
}
