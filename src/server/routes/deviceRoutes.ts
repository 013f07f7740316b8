import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { SyncRequest } from '../../survey/responseEnvelope.ts';
import { makeDeviceAuth, type DeviceEnv } from '../auth/deviceAuth.ts';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/apiError.ts';
import { makeRateLimiter } from '../http/rateLimiter.ts';
import { makeSemaphore } from '../http/makeSemaphore.ts';
import { DEFAULT_BODY_LIMIT, readJsonBody } from '../http/readJsonBody.ts';
import { deviceBundle } from '../queries/deviceBundle.ts';
import { redeemEnrollmentCode } from '../queries/enrollments.ts';
import { ingestBatch } from '../queries/ingestBatch.ts';
import { upsertWithdrawalCounts } from '../queries/withdrawalCounts.ts';
import { WithdrawalCountsRequest } from '../../survey/withdrawals.ts';

const EnrollRequest = v.strictObject({
  code: v.pipe(v.string(), v.minLength(4, 'must be the enrollment code staff gave you'), v.maxLength(64)),
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'must name the tablet, e.g. "Common room tablet"'), v.maxLength(100)),
});

const ENROLL_ERRORS = {
  unknown_code: 'this enrollment code does not exist: check it or ask staff for a new one',
  expired_code: 'this enrollment code has expired: ask staff for a new one',
  used_code: 'this enrollment code was already used: each code enrolls one tablet',
} as const;

export interface DeviceRouteOptions {
  db: Kysely<Database>;
  bodyLimitBytes?: number;
  enrollPerMinute?: number;
  requestsPerMinute?: number;
  badTokensPerMinute?: number;
  concurrentBatches?: number;
  now?: () => Date;
}

/** The caller's address, for per-address limits ("unknown" for in-process requests in tests). */
function clientAddress(c: import('hono').Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The tablet-facing API (contract): enroll, fetch the bundle, sync responses and withdrawal counts. */
export function deviceRoutes(options: DeviceRouteOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  // A facility's tablets often share one address; 30 guesses a minute against 31^8 codes are harmless.
  const enrollLimiter = makeRateLimiter({ limit: options.enrollPerMinute ?? 30, windowMs: 60_000 });
  // Two batches in work at a time: throughput is the same (ingest is CPU-bound), memory stays flat.
  const ingestSlots = makeSemaphore(options.concurrentBatches ?? 2);
  const deviceAuth = makeDeviceAuth(db, options);
  const app = new Hono<DeviceEnv>();
  const sizeGuard = bodyLimit({ maxSize: limit, onError: (c) => apiError(c, 413, 'body_too_large', `the body is over ${limit} bytes: send a smaller batch`) });

  app.post('/devices/enroll', sizeGuard, async (c) => {
    if (!enrollLimiter.allow(clientAddress(c))) return apiError(c, 429, 'too_many_attempts', 'too many enrollment attempts from this address: wait a minute');
    const body = await readJsonBody(c, limit);
    if (!body.ok) return body.response;
    const parsed = v.safeParse(EnrollRequest, body.body);
    if (!parsed.success) return apiError(c, 400, 'invalid_request', parsed.issues.map((i) => `${i.path?.map((p) => p.key).join('.') ?? 'body'}: ${i.message}`).join('; '));
    const result = await redeemEnrollmentCode(db, parsed.output, now());
    if (!result.ok) return apiError(c, result.reason === 'unknown_code' ? 404 : 410, result.reason, ENROLL_ERRORS[result.reason]);
    return c.json({ deviceId: result.enrollmentId, enrollmentId: result.enrollmentId, token: result.token, secret: result.secret, facilityId: result.facilityId, organisationId: result.organisationId }, 201);
  });

  // Everything below needs a device token.
  app.use('/device/*', deviceAuth);
  app.use('/sync', deviceAuth);

  app.get('/device/bundle', async (c) => {
    const bundle = await deviceBundle(db, c.get('device'), now());
    c.header('ETag', bundle.etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === bundle.etag) return c.body(null, 304);
    return c.body(bundle.json, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  app.post('/sync', sizeGuard, async (c) => {
    const body = await readJsonBody(c, limit);
    if (!body.ok) return body.response;
    const parsed = v.safeParse(SyncRequest, body.body);
    if (!parsed.success) return apiError(c, 400, 'invalid_request', parsed.issues.map((i) => `${i.path?.map((p) => p.key).join('.') || 'body'}: ${i.message}`).join('; '));
    const device = c.get('device');
    const results = await ingestSlots(() => ingestBatch(db, { device, items: parsed.output.responses }, now()));
    return c.json({ results });
  });

  // Totals, not increments (src/survey/withdrawals.ts): a resend is harmless.
  app.put('/device/withdrawals', sizeGuard, async (c) => {
    const body = await readJsonBody(c, limit);
    if (!body.ok) return body.response;
    const parsed = v.safeParse(WithdrawalCountsRequest, body.body);
    if (!parsed.success) return apiError(c, 400, 'invalid_request', parsed.issues.slice(0, 5).map((i) => `${i.path?.map((p) => p.key).join('.') || 'body'}: ${i.message}`).join('; '));
    // PostgreSQL text cannot hold NUL (a 500 otherwise), and no survey id has one.
    if (parsed.output.counts.some((entry) => entry.surveyId.includes('\u0000'))) return apiError(c, 400, 'invalid_request', 'counts: a surveyId must not contain NUL characters');
    await upsertWithdrawalCounts(db, c.get('device'), parsed.output, now());
    return c.json({ ok: true });
  });

  return app;
}
