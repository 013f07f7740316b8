import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { parseInvitationCode } from '../../survey/invitations/invitationCode.ts';
import { InvitationResponseRequest, type InvitationOffer } from '../../survey/invitations/invitationResponse.ts';
import { clientAddress } from '../auth/clientAddress.ts';
import { containsNul } from '../auth/readStaffBody.ts';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/apiError.ts';
import { makeRateLimiter } from '../http/rateLimiter.ts';
import { readJsonBody } from '../http/readJsonBody.ts';
import { facilityLanguages } from '../queries/audioSettings.ts';
import { currentSealingKey } from '../queries/organisationKeys.ts';
import { getSurveyVersion } from '../queries/surveyVersions.ts';
import { acceptInvitationResponse } from './acceptInvitationResponse.ts';
import { findInvitation } from './findInvitation.ts';

/** A finished response is small: its answers, or their sealed form. */
const RESPONSE_BODY_LIMIT = 256 * 1024;

/**
 * The routes of answering by an invitation code: no account, no enrollment
 * (docs/invitations.md). The code is in the path, so errors here are logged without the
 * path: a code must never reach a log.
 */
export function invitationRoutes(options: { db: Kysely<Database>; now?: () => Date; requestsPerMinute?: number; badCodesPerMinute?: number }): Hono {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const clock = () => now().getTime();
  // Residents of one centre may share its Wi-Fi, hence one address: the overall limit is generous...
  const limiter = makeRateLimiter({ limit: options.requestsPerMinute ?? 120, windowMs: 60_000, now: clock });
  // ...while an address that sends many codes never issued is shut out for a minute (guessing; 55 random bits make it hopeless anyway).
  const misses = makeRateLimiter({ limit: options.badCodesPerMinute ?? 30, windowMs: 60_000, now: clock });
  const blockedUntil = new Map<string, number>();
  const tooMany = (c: Context) => apiError(c, 429, 'too_many_attempts', 'too many invitation requests from this address: wait a minute');
  /** Counts a code never issued; past the limit the address is shut out, this answer included. */
  const missed = (c: Context, answer: Response): Response => {
    const address = clientAddress(c);
    if (misses.allow(address)) return answer;
    if (blockedUntil.size > 10_000) blockedUntil.clear();
    blockedUntil.set(address, clock() + 60_000);
    return tooMany(c);
  };
  const app = new Hono();

  app.use('/invitations/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const address = clientAddress(c);
    if ((blockedUntil.get(address) ?? 0) > clock() || !limiter.allow(address)) return tooMany(c);
    await next();
  });
  // These routes answer their own failures and log nothing of the request: its path holds the code.
  const guarded = (handler: (c: Context) => Promise<Response>) => async (c: Context) => {
    try {
      return await handler(c);
    } catch (error) {
      console.error('invitation request failed:', error instanceof Error ? error.message : 'unknown error');
      return apiError(c, 500, 'server_error', 'the server could not complete this request; nothing was saved, so send it again');
    }
  };

  /** The code from the path in compact form, or the 400 that says it is mistyped. */
  const readCode = (c: Context): { ok: true; code: string } | { ok: false; response: Response } => {
    const read = parseInvitationCode(c.req.param('code') ?? '');
    if (read.ok) return read;
    return { ok: false, response: missed(c, apiError(c, 400, 'invalid_code', 'this is not an invitation code: check it letter by letter')) };
  };

  app.get('/invitations/:code', guarded(async (c) => {
    const code = readCode(c);
    if (!code.ok) return code.response;
    const invitation = await findInvitation(db, code.code, now());
    if (!invitation) return missed(c, apiError(c, 404, 'unknown_code', 'no invitation has this code'));
    if (invitation.usedOn !== null) return apiError(c, 410, 'code_used', 'this invitation code has already been used');
    if (invitation.status !== 'running') {
      return apiError(c, 410, 'wave_closed', invitation.status === 'planned' ? 'this survey is not open yet' : 'this survey is closed');
    }
    const survey = await getSurveyVersion(db, invitation.organisationId, invitation.surveyId, invitation.surveyVersion);
    if (!survey) throw new Error(`wave ${invitation.waveId} names a survey version that does not exist`);
    const enabled = new Set<string>(facilityLanguages(invitation.facilityLanguages));
    const shared = survey.languages.filter((language) => enabled.has(language));
    // Neither the facility's nor the wave's name: a screenshot of the phone must not say where its owner lives.
    const offer: InvitationOffer = {
      survey,
      languages: shared.length ? shared : [...survey.languages],
      sealing: await currentSealingKey(db, invitation.organisationId),
      closesOn: invitation.endsOn,
    };
    return c.json(offer);
  }));

  app.post('/invitations/:code/response', guarded(async (c) => {
    const code = readCode(c);
    if (!code.ok) return code.response;
    const read = await readJsonBody(c, RESPONSE_BODY_LIMIT);
    if (!read.ok) return read.response;
    if (containsNul(read.body)) return apiError(c, 400, 'invalid_response', 'text must not contain NUL characters');
    const parsed = v.safeParse(InvitationResponseRequest, read.body);
    if (!parsed.success) {
      const message = parsed.issues.slice(0, 5).map((issue) => `${issue.path?.map((p) => String(p.key)).join('.') || 'body'}: ${issue.message}`).join('; ');
      return apiError(c, 400, 'invalid_response', message);
    }
    const at = now();
    const invitation = await findInvitation(db, code.code, at);
    if (!invitation) return missed(c, apiError(c, 404, 'unknown_code', 'no invitation has this code'));
    const outcome = await acceptInvitationResponse(db, invitation, parsed.output.response, at);
    return outcome.ok ? c.json({ status: outcome.status }) : apiError(c, outcome.status, outcome.code, outcome.message);
  }));

  return app;
}
