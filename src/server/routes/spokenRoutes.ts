import { Hono, type MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { makeDeviceAuth, type DeviceAuthOptions, type DeviceEnv } from '../auth/deviceAuth.ts';
import { readStaffBody } from '../auth/readStaffBody.ts';
import { requireRole, requireStaff, visibleFacility, type StaffEnv } from '../auth/staffAuth.ts';
import type { Database } from '../db/schema.ts';
import { loadSurveyVersions } from '../exports/loadSurveyVersions.ts';
import { apiError } from '../http/apiError.ts';
import { byteRange } from '../media/byteRange.ts';
import { openSpokenClip } from '../media/openSpokenClip.ts';
import { readAudioBody } from '../media/readAudioBody.ts';
import { audioMime } from '../media/sniffAudio.ts';
import { findSpokenComment, listSpokenComments, setSpokenTranscript, spokenCommentSound } from '../media/spokenComments.ts';
import { storeSpokenComment, type SpokenResult } from '../media/storeSpokenComment.ts';
import { parseFacilityQuery } from '../reports/parseReportQuery.ts';
import { DurationParam, issuesMessage, singleQuery, UUID } from './mediaRoutes.ts';

export interface SpokenRouteOptions {
  db: Kysely<Database>;
  /** The staff side's clock (sessions). */
  now?: () => Date;
  /** The tablet side's clock (received and recorded times), as the sync route's. */
  deviceNow?: () => Date;
  device?: DeviceAuthOptions;
}

/** A spoken comment is at most 10 minutes (schema.ts maxSeconds) of Opus: 4 MiB, sealed. */
export const SPOKEN_LIMIT = 4 * 1024 * 1024;

const QUESTION_ID = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

const SpokenQuery = v.object({
  clipId: v.pipe(v.string(), v.regex(UUID, 'must be a UUID'), v.toLowerCase()),
  mime: v.string(),
  // 96 bits, base64url without padding: 16 characters.
  iv: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16}$/, 'must be a 96-bit IV in base64url')),
  durationMs: DurationParam,
});

const Transcript = v.strictObject({ text: v.pipe(v.string(), v.maxLength(5000, 'must be at most 5000 characters')) });

const REFUSALS: Record<Exclude<SpokenResult['status'], 'stored' | 'duplicate'>, [400 | 404 | 409 | 415, string, string]> = {
  not_synced: [409, 'response_not_synced', 'the server does not have this response yet: send it with POST /sync first, then retry'],
  not_found: [404, 'not_found', 'no such response among this tablet\'s facility'],
  conflict: [409, 'clip_conflict', 'another clip is already stored for this response and question'],
  not_sealed: [400, 'bad_request', 'the response is not sealed: spoken comments go only with sealed responses'],
  not_spoken: [400, 'bad_request', 'the question is not a spoken question of the response\'s survey version'],
  bad_seal: [400, 'bad_request', 'the clip does not open with its response\'s content key (IV, AAD or bytes wrong)'],
  not_audio: [415, 'unsupported_audio', 'the opened clip is not of the type given in mime'],
};

/** The spoken-comment routes of docs/media-api.md: a tablet's upload, and staff's list, playback and transcript. */
export function spokenRoutes(options: SpokenRouteOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const deviceNow = options.deviceNow ?? now;
  const deviceApp = new Hono<DeviceEnv>();
  const deviceAuth = makeDeviceAuth(db, options.device);

  deviceApp.put('/responses/:responseId/spoken/:questionId', deviceAuth, async (c) => {
    const responseId = c.req.param('responseId').toLowerCase();
    const questionId = c.req.param('questionId');
    if (!UUID.test(responseId)) return apiError(c, 400, 'bad_request', 'responseId: must be a UUID');
    if (questionId.length > 200 || !QUESTION_ID.test(questionId)) return apiError(c, 400, 'bad_request', 'questionId: must be a question id');
    const query = singleQuery(c, ['clipId', 'mime', 'iv', 'durationMs']);
    if (!query.ok) return apiError(c, 400, 'bad_request', query.message);
    const parsed = v.safeParse(SpokenQuery, query.values);
    if (!parsed.success) return apiError(c, 400, 'bad_request', issuesMessage(parsed.issues));
    const mime = audioMime(parsed.output.mime);
    if (!mime) return apiError(c, 415, 'unsupported_audio', 'mime must be audio/webm, audio/ogg, audio/mp4, audio/mpeg or audio/wav');
    const body = await readAudioBody(c, SPOKEN_LIMIT);
    if (!body.ok) return body.response;
    if (body.bytes.length < 17) return apiError(c, 400, 'bad_request', 'the body must be the AES-GCM ciphertext with its 16-byte tag');
    const result = await storeSpokenComment(db, {
      device: c.get('device'), responseId, questionId, clientClipId: parsed.output.clipId, mime, iv: parsed.output.iv,
      durationMs: parsed.output.durationMs, ciphertext: body.bytes,
    }, deviceNow());
    if (result.status === 'stored') return c.json({ status: 'stored' }, 201);
    if (result.status === 'duplicate') return c.json({ status: 'duplicate' }, 200);
    const [status, code, message] = REFUSALS[result.status];
    return apiError(c, status, code, message);
  });

  const staffApp = new Hono<StaffEnv>();
  // Per route, not app.use('*'): this app is mounted beside others under /api/v1.
  const signedIn = requireStaff(db, { now });
  // The roles that read comments (GET /reports/comments).
  const readsComments = requireRole('admin', 'analyst', 'manager');
  const unknown = (c: Parameters<MiddlewareHandler>[0]) => apiError(c, 404, 'unknown_comment', 'no such spoken comment among your facilities');

  staffApp.get('/reports/spoken-comments', signedIn, readsComments, async (c) => {
    const raw = c.req.queries();
    // The contract names them facilityId and surveyId; the checks are those of every report.
    const parsed = parseFacilityQuery({ survey: raw.surveyId, facility: raw.facilityId, period: raw.period ?? [] });
    if (!parsed.ok) return apiError(c, 400, 'invalid_query', parsed.message.replace(/^survey\b/, 'surveyId').replace(/^facility\b/, 'facilityId'));
    const { period } = parsed.query;
    if (!('quarter' in period)) return apiError(c, 400, 'invalid_query', 'period must be a quarter such as 2026-Q3');
    const staff = c.get('staff');
    const facility = await visibleFacility(db, staff, parsed.query.facility);
    if (!facility) return apiError(c, 404, 'unknown_facility', 'no such facility among yours');
    if ((await loadSurveyVersions(db, staff.organisationId, parsed.query.survey)).length === 0) return apiError(c, 404, 'unknown_survey', 'no such survey in your organisation');
    const comments = await listSpokenComments(db, { organisationId: staff.organisationId, facilityId: facility.id, surveyId: parsed.query.survey, period: period.quarter });
    c.header('Cache-Control', 'no-store');
    return c.json({ comments });
  });

  staffApp.get('/reports/spoken-comments/:id/audio', signedIn, readsComments, async (c) => {
    const staff = c.get('staff');
    const comment = await findSpokenComment(db, staff.organisationId, c.req.param('id'));
    // Another facility's comment looks like one that does not exist, so ids cannot be probed.
    if (!comment || !(await visibleFacility(db, staff, comment.facility_id))) return unknown(c);
    const sound = comment.audio_deleted_at === null ? await spokenCommentSound(db, comment.id) : undefined;
    if (!sound?.audio || !sound.sealed_key) return apiError(c, 410, 'deleted', 'the sound of this comment was deleted after the retention period; its transcript is kept');
    const plain = await openSpokenClip(db, {
      organisationId: sound.organisation_id, responseId: sound.response_id, questionId: sound.question_id,
      sealedKey: sound.sealed_key, iv: sound.iv, ciphertext: new Uint8Array(sound.audio),
    });
    const headers = { 'Content-Type': sound.mime, 'Cache-Control': 'no-store', 'Accept-Ranges': 'bytes', 'X-Content-Type-Options': 'nosniff' };
    // A player seeks with Range requests; each one is opened afresh, nothing decrypted is cached.
    const range = byteRange(c.req.header('range'), plain.length);
    if (range === 'unsatisfiable') {
      c.header('Content-Range', `bytes */${plain.length}`);
      return apiError(c, 416, 'range_not_satisfiable', `the range starts past the end of the ${plain.length} bytes`);
    }
    if (range) return c.body(new Uint8Array(plain.subarray(range.start, range.end + 1)), 206, { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${plain.length}` });
    return c.body(new Uint8Array(plain), 200, headers);
  });

  staffApp.put('/reports/spoken-comments/:id/transcript', signedIn, readsComments, async (c) => {
    const staff = c.get('staff');
    const comment = await findSpokenComment(db, staff.organisationId, c.req.param('id'));
    if (!comment || !(await visibleFacility(db, staff, comment.facility_id))) return unknown(c);
    const body = await readStaffBody(c, Transcript);
    if (!body.ok) return body.response;
    const text = body.body.text.trim();
    const transcript = text === '' ? null : text;
    await setSpokenTranscript(db, comment.id, transcript, now());
    return c.json({ id: comment.id, transcript });
  });

  const app = new Hono();
  app.route('/', deviceApp);
  app.route('/', staffApp);
  return app;
}
