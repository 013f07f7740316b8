import * as v from 'valibot';
import { UUID_PATTERN } from './makeUuidV7.ts';

const IsoTime = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 time such as 2026-11-23T10:00:00.000Z'));
const AnswerValueSchema = v.union([v.boolean(), v.number(), v.string(), v.array(v.string())]);

const B64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]+$/, 'must be base64url'), v.maxLength(20_000));

/** Answers sealed to the organisation's key (src/survey/sealing.ts). */
export const SealedAnswersSchema = v.strictObject({
  key: v.strictObject({ v: v.literal(1), alg: v.literal('ECDH-ES-P256+HKDF-SHA256+A256GCM'), keyId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)), epk: B64, iv: B64, ct: B64 }),
  events: v.pipe(v.array(v.strictObject({ seq: v.pipe(v.number(), v.integer(), v.minValue(0)), iv: B64, ct: B64 })), v.maxLength(2000)),
  final: v.optional(v.strictObject({ iv: B64, ct: B64 })),
});

/** Who helped and how (mediator mode). */
export const Assistance = v.strictObject({
  role: v.picklist(['social-worker', 'intercultural-mediator', 'interpreter', 'peer', 'mediator', 'other']),
  kinds: v.array(v.picklist(['read-aloud', 'translated', 'explained', 'answered-on-behalf'])),
  questions: v.array(v.string()),
});

/**
 * A response as it travels from tablet to server (contract: ARCHITECTURE.md, "Sync
 * protocol"). Fields the server sets itself (facility, device, received time) may be
 * sent but are never trusted.
 */
export const ResponseEnvelope = v.strictObject({
  id: v.pipe(v.string(), v.regex(UUID_PATTERN, 'must be a UUID')),
  surveyId: v.pipe(v.string(), v.minLength(1)),
  surveyVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  facilityId: v.optional(v.nullable(v.string())),
  deviceId: v.optional(v.nullable(v.string())),
  waveId: v.optional(v.nullable(v.string())),
  language: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code')),
  status: v.picklist(['complete', 'partial']),
  source: v.picklist(['tablet', 'paper', 'invitation']),
  mode: v.picklist(['self', 'assisted']),
  assistance: v.optional(v.nullable(Assistance)),
  startedAt: IsoTime,
  completedAt: v.optional(v.nullable(IsoTime)),
  enrollmentId: v.pipe(v.string(), v.minLength(1)),
  mac: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, 'must be a base64url HMAC-SHA256')),
  answers: v.optional(v.nullable(v.record(v.string(), AnswerValueSchema))),
  sealed: v.optional(v.nullable(SealedAnswersSchema)),
  meta: v.optional(v.strictObject({ app: v.optional(v.string()), deviceClock: v.optional(IsoTime) })),
});
export type ResponseEnvelope = v.InferOutput<typeof ResponseEnvelope>;

/** What the MAC and the duplicate check cover: everything the respondent's tablet decided. */
export function macContent(response: ResponseEnvelope): Record<string, unknown> {
  return {
    id: response.id,
    surveyId: response.surveyId,
    surveyVersion: response.surveyVersion,
    waveId: response.waveId ?? null,
    language: response.language,
    status: response.status,
    source: response.source,
    mode: response.mode,
    assistance: response.assistance ?? null,
    startedAt: response.startedAt,
    completedAt: response.completedAt ?? null,
    enrollmentId: response.enrollmentId,
    answers: response.answers ?? null,
    sealed: response.sealed ?? null,
  };
}

export const SyncRequest = v.strictObject({
  responses: v.pipe(v.array(v.unknown()), v.minLength(1, 'must hold at least one response'), v.maxLength(500, 'holds at most 500 responses: split the batch')),
});

export type SyncItemResult =
  | { id: string | null; status: 'accepted' | 'duplicate' }
  | { id: string | null; status: 'rejected'; error: { code: string; message: string } };
