import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { readStaffBody } from '../auth/readStaffBody.ts';
import { recheckPassword } from '../auth/recheckPassword.ts';
import { requireRole, requireStaff, type StaffEnv } from '../auth/staffAuth.ts';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/apiError.ts';
import { findStaffAccount } from '../queries/staff.ts';
import { readTabletPin, removeTabletPin, setTabletPin } from '../queries/tabletPins.ts';
import { pinStrength } from '../tabletPins/pinStrength.ts';

export interface TabletPinRouteOptions {
  db: Kysely<Database>;
  now?: () => Date;
  /** PBKDF2 iterations for new PINs (tests go lower to stay fast; never below 100000). */
  tabletPinIterations?: number;
}

const PinChange = v.strictObject({
  pin: v.pipe(v.string(), v.maxLength(100)),
  password: v.pipe(v.string(), v.minLength(1, 'is required'), v.maxLength(1024)),
});

/** A staff member's own tablet PIN, and an admin's removal of anyone's (docs/staff-api.md, "Tablet PINs"). */
export function tabletPinRoutes(options: TabletPinRouteOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const app = new Hono<StaffEnv>();
  // Per route, not app.use('*'): this app is mounted beside others under /api/v1.
  const signedIn = requireStaff(db, { now });

  const ownState = async (staffId: string) => (await readTabletPin(db, staffId))!;

  app.get('/staff/me/tablet-pin', signedIn, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await ownState(c.get('staff').id));
  });

  app.put('/staff/me/tablet-pin', signedIn, async (c) => {
    const body = await readStaffBody(c, PinChange);
    if (!body.ok) return body.response;
    const strength = pinStrength(body.body.pin);
    if (strength === 'invalid') return apiError(c, 400, 'invalid_pin', 'pin: must be 6 to 8 digits');
    if (strength === 'weak') return apiError(c, 400, 'weak_pin', 'pin: one digit repeated or a straight run (123456, 654321) is the first a thief would try: choose another');
    const staff = c.get('staff');
    const at = now();
    const check = await recheckPassword(db, staff.id, body.body.password, at);
    if (!check.ok) {
      if (check.reason === 'account_locked') {
        return apiError(c, 423, 'account_locked', `too many wrong passwords in a row: this account is locked until ${check.until} (UTC); try again then, or ask an admin`);
      }
      return apiError(c, 401, 'invalid_credentials', 'this is not your password');
    }
    await setTabletPin(db, { staffId: staff.id, pin: body.body.pin, ...(options.tabletPinIterations !== undefined && { iterations: options.tabletPinIterations }) }, at);
    c.header('Cache-Control', 'no-store');
    return c.json(await ownState(staff.id));
  });

  app.delete('/staff/me/tablet-pin', signedIn, async (c) => {
    await removeTabletPin(db, c.get('staff').id);
    return c.body(null, 204);
  });

  app.delete('/staff/accounts/:id/tablet-pin', signedIn, requireRole('admin'), async (c) => {
    const staff = c.get('staff');
    const account = await findStaffAccount(db, staff.organisationId, c.req.param('id'), now());
    if (!account) return apiError(c, 404, 'unknown_account', 'no such account in your organisation');
    await removeTabletPin(db, account.id);
    return c.body(null, 204);
  });

  return app;
}
