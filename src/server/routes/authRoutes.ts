import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { authenticateStaff, csrfPassed } from '../auth/authenticateStaff.ts';
import type { StaffPrincipal } from '../auth/staffAuth.ts';
import { clientAddress } from '../auth/clientAddress.ts';
import { readStaffBody } from '../auth/readStaffBody.ts';
import { originAllowed } from '../auth/requestOrigin.ts';
import { clearSessionCookie, setSessionCookie } from '../auth/sessionCookie.ts';
import { signIn } from '../auth/signIn.ts';
import { assignedFacilityIds, deleteEndedSessions, deleteStaffSession, findStaffSession } from '../auth/staffSessions.ts';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/apiError.ts';
import { makeRateLimiter } from '../http/rateLimiter.ts';
import type { StaffRole } from '../queries/staff.ts';

export interface AuthRouteOptions {
  db: Kysely<Database>;
  now?: () => Date;
  /** Sign-in attempts per address and minute (default 30). */
  loginPerMinute?: number;
}

const LoginRequest = v.strictObject({
  email: v.pipe(v.string(), v.minLength(1, 'is required'), v.maxLength(320)),
  password: v.pipe(v.string(), v.minLength(1, 'is required'), v.maxLength(1024)),
});

function signedInBody(staff: StaffPrincipal, csrfToken: string) {
  return { staff: { id: staff.id, email: staff.email, role: staff.role, organisationId: staff.organisationId, facilityIds: staff.facilityIds }, csrfToken };
}

/** POST /auth/login, GET /auth/me, POST /auth/logout (docs/staff-api.md, "Signing in"). */
export function authRoutes(options: AuthRouteOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  // Lockout stops guessing one account; this stops one address trying many.
  const loginLimiter = makeRateLimiter({ limit: options.loginPerMinute ?? 30, windowMs: 60_000, now: () => now().getTime() });
  const app = new Hono();

  app.post('/auth/login', async (c) => {
    if (!originAllowed(c)) return apiError(c, 403, 'csrf_failed', 'sign in from this server\'s own pages');
    if (!loginLimiter.allow(clientAddress(c))) return apiError(c, 429, 'too_many_attempts', 'too many sign-in attempts from this address: wait a minute');
    const body = await readStaffBody(c, LoginRequest);
    if (!body.ok) return body.response;
    const at = now();
    const result = await signIn(db, body.body, at);
    if (!result.ok) {
      if (result.reason === 'account_locked') {
        return apiError(c, 423, 'account_locked', `too many wrong passwords in a row: this account is locked until ${result.until} (UTC); try again then, or ask an admin`);
      }
      return apiError(c, 401, 'invalid_credentials', 'this email and password do not match an account');
    }
    await deleteEndedSessions(db, at);
    const session = await findStaffSession(db, result.token);
    if (!session) return apiError(c, 401, 'not_signed_in', 'the session could not be started: sign in again');
    setSessionCookie(c, result.token);
    c.header('Cache-Control', 'no-store');
    const principal: StaffPrincipal = {
      id: session.staff_id, organisationId: session.organisation_id, email: session.email, role: session.role as StaffRole,
      facilityIds: await assignedFacilityIds(db, session.staff_id),
    };
    return c.json(signedInBody(principal, result.csrfToken));
  });

  app.get('/auth/me', async (c) => {
    const auth = await authenticateStaff(db, c, now());
    if (!auth.ok) return apiError(c, auth.status, auth.code, auth.message);
    c.header('Cache-Control', 'no-store');
    return c.json(signedInBody(auth.principal, auth.session.csrf_token));
  });

  // Signing out of a session that has already ended still clears the cookie.
  app.post('/auth/logout', async (c) => {
    const auth = await authenticateStaff(db, c, now());
    if (auth.ok) {
      if (!csrfPassed(c, auth.session)) return apiError(c, 403, 'csrf_failed', 'send the X-CSRF-Token from sign-in, from this server\'s own pages');
      await deleteStaffSession(db, auth.session.token_hash);
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  return app;
}
