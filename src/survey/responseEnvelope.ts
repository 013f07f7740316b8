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

export const ASSISTANT_ROLES = ['social-worker', 'intercultural-mediator', 'interpreter', 'peer', 'other'] as const;
export const HELP_KINDS = ['read-aloud', 'translated', 'explained', 'answered-on-behalf'] as const;
export type AssistantRole = (typeof ASSISTANT_ROLES)[number];
export type HelpKind = (typeof HELP_KINDS)[number];

/**
 * Who helped and how (mediator mode): the mediator's role, every kind of help given, the
 * questions helped, and an opaque staff reference (only the server maps it to a person).
 * 'mediator' is the generic role of responses sent before the roles were split.
 */
export const Assistance = v.strictObject({
  role: v.picklist([...ASSISTANT_ROLES, 'mediator']),
  kinds: v.pipe(v.array(v.picklist(HELP_KINDS)), v.maxLength(HELP_KINDS.length)),
  questions: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(2000)),
  staffRef: v.optional(v.pipe(v.string(), v.regex(/^sr_[A-Za-z0-9_-]{16,64}$/, 'must be an opaque staff reference'))),
  /** The language the mediator read the questions in, beside the respondent's. */
  mediatorLanguage: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code'))),
});
export type Assistance = v.InferOutput<typeof Assistance>;

/** The longest mediator note a tablet sends (characters). */
export const MEDIATOR_NOTES_MAX = 4000;

/**
 * The mediator's own observations, apart from the respondent's answers: sealed with the
 * response's content key (AAD sayso/<responseId>/mediator-notes), or as text on a tablet
 * that has no organisation key yet.
 */
export const MediatorNotes = v.union([
  v.strictObject({ text: v.pipe(v.string(), v.minLength(1), v.maxLength(MEDIATOR_NOTES_MAX)) }),
  v.strictObject({ sealed: v.strictObject({ iv: B64, ct: B64 }) }),
]);
export type MediatorNotes = v.InferOutput<typeof MediatorNotes>;

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
  mediatorNotes: v.optional(v.nullable(MediatorNotes)),
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
    // Only when present: responses signed before mediator notes existed keep their MAC.
    ...(response.mediatorNotes ? { mediatorNotes: response.mediatorNotes } : {}),
  };
}

export const SyncRequest = v.strictObject({
  responses: v.pipe(v.array(v.unknown()), v.minLength(1, 'must hold at least one response'), v.maxLength(500, 'holds at most 500 responses: split the batch')),
});

export type SyncItemResult =
  | { id: string | null; status: 'accepted' | 'duplicate' }
  | { id: string | null; status: 'rejected'; error: { code: string; message: string } };
