import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/apiError.ts';
import { makeRateLimiter } from '../http/rateLimiter.ts';
import { findEnrollmentByToken, type DeviceEnrollment } from '../queries/enrollments.ts';
import { clientAddress } from './clientAddress.ts';

export type DeviceEnv = { Variables: { device: DeviceEnrollment } };

export interface DeviceAuthOptions {
  requestsPerMinute?: number;
  badTokensPerMinute?: number;
}

/** The device token's shape: anything else is not looked up. */
const BEARER = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/;

/** True when the request names a bearer token at all (a device), rather than a staff session. */
export const hasBearerToken = (c: Context) => (c.req.header('authorization') ?? '') !== '';

/**
 * `Authorization: Bearer <device token>` → c.get('device'): 401 missing_token, invalid_token
 * or revoked; 429 for a runaway tablet or an address that keeps sending unknown tokens.
 */
export function makeDeviceAuth(db: Kysely<Database>, options: DeviceAuthOptions = {}): MiddlewareHandler<DeviceEnv> {
  const deviceLimiter = makeRateLimiter({ limit: options.requestsPerMinute ?? 600, windowMs: 60_000 });
  // Wrong tokens cost a database lookup each: an address that keeps sending them is slowed down.
  const badTokenLimiter = makeRateLimiter({ limit: options.badTokensPerMinute ?? 60, windowMs: 60_000 });
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (!match) return apiError(c, 401, 'missing_token', 'send the device token as "Authorization: Bearer <token>"');
    const device = await findEnrollmentByToken(db, match[1]!);
    if (!device) {
      if (!badTokenLimiter.allow(clientAddress(c))) return apiError(c, 429, 'too_many_attempts', 'too many unknown tokens from this address: wait a minute');
      return apiError(c, 401, 'invalid_token', 'this device token is not known: enroll the tablet');
    }
    if (device.revoked_at) return apiError(c, 401, 'revoked', 'this tablet was revoked: its data stays on it until it is enrolled again');
    if (!deviceLimiter.allow(device.id)) return apiError(c, 429, 'too_many_requests', 'too many requests from this tablet: retry later');
    c.set('device', device);
    await next();
  };
}
