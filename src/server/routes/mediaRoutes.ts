import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { LanguageCode, PromptKey } from '../../survey/schema.ts';
import { hasBearerToken, makeDeviceAuth, type DeviceAuthOptions } from '../auth/deviceAuth.ts';
import { requireRole, requireStaff, type StaffPrincipal } from '../auth/staffAuth.ts';
import type { DeviceEnrollment } from '../queries/enrollments.ts';
import type { Database } from '../db/schema.ts';
import { apiError } from '../http/apiError.ts';
import { byteRange } from '../media/byteRange.ts';
import { findServableClip } from '../media/mediaClipRows.ts';
import { readAudioBody } from '../media/readAudioBody.ts';
import { audioMime, looksLike } from '../media/sniffAudio.ts';
import { storeMediaClip } from '../media/storeMediaClip.ts';

export interface MediaRouteOptions {
  db: Kysely<Database>;
  /** The staff side's clock (sessions). */
  now?: () => Date;
  /** The tablet side's clock (received and recorded times), as the sync route's. */
  deviceNow?: () => Date;
  device?: DeviceAuthOptions;
}

/** A prompt clip is a few seconds of speech: 2 MiB is minutes of Opus. */
export const MEDIA_CLIP_LIMIT = 2 * 1024 * 1024;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CLIP_URL_ID = /^[A-Za-z0-9_-]{22}$/;

export const DurationParam = v.pipe(v.string(), v.regex(/^\d{1,7}$/, 'must be whole milliseconds'), v.transform(Number), v.maxValue(3_600_000, 'must be at most an hour'));

const MediaQuery = v.object({
  clipId: v.pipe(v.string(), v.regex(UUID, 'must be a UUID'), v.toLowerCase()),
  key: PromptKey,
  language: LanguageCode,
  textHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{14}$/, 'must be 14 lower-case hex digits (promptTextHash)')),
  durationMs: DurationParam,
});

/** Each named query parameter once, as valibot input; a parameter sent twice is refused. */
export function singleQuery(c: Context, names: readonly string[]): { ok: true; values: Record<string, string> } | { ok: false; message: string } {
  const values: Record<string, string> = {};
  for (const name of names) {
    const all = c.req.queries(name) ?? [];
    if (all.length > 1) return { ok: false, message: `${name} is given more than once` };
    if (all[0] !== undefined) values[name] = all[0];
  }
  return { ok: true, values };
}

export function issuesMessage(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues.map((i) => `${i.path?.map((p) => String(p.key)).join('.') || 'query'}: ${i.message}`).join('; ');
}

type MediaEnv = { Variables: { device: DeviceEnrollment; staff: StaffPrincipal } };

/** POST /media (a tablet or staff who record prompts) and GET /media/:id (docs/media-api.md). */
export function mediaRoutes(options: MediaRouteOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const deviceNow = options.deviceNow ?? now;
  const app = new Hono<MediaEnv>();
  const deviceAuth = makeDeviceAuth(db, options.device) as unknown as MiddlewareHandler<MediaEnv>;
  const signedIn = requireStaff(db, { now }) as unknown as MiddlewareHandler<MediaEnv>;
  const recorder = requireRole('admin', 'designer', 'mediator') as unknown as MiddlewareHandler<MediaEnv>;
  // A tablet names itself by its bearer token; anyone else is staff (session cookie, CSRF, then role).
  const deviceOrSession: MiddlewareHandler<MediaEnv> = (c, next) => (hasBearerToken(c) ? deviceAuth(c, next) : signedIn(c, next));
  const recorderUnlessDevice: MiddlewareHandler<MediaEnv> = (c, next) => (c.get('device') ? next() : recorder(c, next));

  app.post('/media', deviceOrSession, recorderUnlessDevice, async (c) => {
    const query = singleQuery(c, ['clipId', 'key', 'language', 'textHash', 'durationMs']);
    if (!query.ok) return apiError(c, 400, 'bad_request', query.message);
    const parsed = v.safeParse(MediaQuery, query.values);
    if (!parsed.success) return apiError(c, 400, 'bad_request', issuesMessage(parsed.issues));
    const type = audioMime(c.req.header('content-type'));
    if (!type) return apiError(c, 415, 'unsupported_audio', 'send the clip as audio/webm, audio/ogg, audio/mp4, audio/mpeg or audio/wav');
    const body = await readAudioBody(c, MEDIA_CLIP_LIMIT);
    if (!body.ok) return body.response;
    if (!looksLike(type.type, body.bytes)) return apiError(c, 415, 'unsupported_audio', `the bytes are not ${type.type}: the file is corrupt or of another type`);
    const device = c.get('device');
    const staff = c.get('staff');
    const organisationId = device ? device.organisation_id : staff.organisationId;
    const stored = await storeMediaClip(db, {
      organisationId, clientClipId: parsed.output.clipId, key: parsed.output.key, language: parsed.output.language,
      textHash: parsed.output.textHash, durationMs: parsed.output.durationMs, mime: type.mime, audio: body.bytes,
      recordedBy: device ? { kind: 'device', id: device.id } : { kind: 'staff', id: staff.id },
    }, device ? deviceNow() : now());
    if (stored.status === 'conflict') return apiError(c, 409, 'clip_conflict', 'another clip was already stored under this clipId: make a new clipId for a new recording');
    return stored.status === 'duplicate' ? c.json({ clip: stored.clip, duplicate: true }, 200) : c.json({ clip: stored.clip }, 201);
  });

  // No sign-in: the id is 128 random bits known only through the media index, and a prompt holds no respondent data.
  app.get('/media/:id', async (c) => {
    const id = c.req.param('id');
    const clip = CLIP_URL_ID.test(id) ? await findServableClip(db, id, deviceNow()) : undefined;
    if (!clip) return apiError(c, 404, 'not_found', 'no such clip (a replaced clip is kept for 30 days)');
    const bytes = new Uint8Array(clip.audio);
    const etag = `"${clip.sha256.slice(0, 32)}"`;
    const headers: Record<string, string> = {
      'Content-Type': clip.mime, 'Cache-Control': 'public, max-age=31536000, immutable', 'Accept-Ranges': 'bytes', ETag: etag,
    };
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    // If-Range with another validator means the cached part is stale: send it whole.
    const ifRange = c.req.header('if-range');
    const range = ifRange === undefined || ifRange === etag ? byteRange(c.req.header('range'), bytes.length) : undefined;
    if (range === 'unsatisfiable') {
      c.header('Content-Range', `bytes */${bytes.length}`);
      return apiError(c, 416, 'range_not_satisfiable', `the range starts past the end of the ${bytes.length} bytes`);
    }
    if (range) {
      return c.body(bytes.subarray(range.start, range.end + 1), 206, { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${bytes.length}` });
    }
    return c.body(bytes, 200, headers);
  });

  return app;
}
