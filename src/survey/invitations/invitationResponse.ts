import * as v from 'valibot';
import { UUID_PATTERN } from '../makeUuidV7.ts';
import { SealedAnswersSchema } from '../responseEnvelope.ts';

const IsoTime = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 time such as 2026-11-23T10:00:00.000Z'));
const AnswerValueSchema = v.union([v.boolean(), v.number(), v.string(), v.array(v.string())]);

/**
 * A response answered by invitation, as a phone or a browser sends it to
 * `POST /api/v1/invitations/:code/response` (docs/invitations.md). It is the
 * ResponseEnvelope without what only an enrolled tablet has (enrollment, MAC, device,
 * facility, wave: the invitation's code decides those) and only ever complete, self-answered.
 */
export const InvitationResponse = v.strictObject({
  id: v.pipe(v.string(), v.regex(UUID_PATTERN, 'must be a UUID')),
  surveyId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  surveyVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  language: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code')),
  status: v.literal('complete', 'an invitation sends only a finished response'),
  source: v.literal('invitation'),
  mode: v.literal('self', 'an invitation is answered by the resident alone'),
  startedAt: IsoTime,
  completedAt: IsoTime,
  answers: v.optional(v.nullable(v.record(v.string(), AnswerValueSchema))),
  sealed: v.optional(v.nullable(SealedAnswersSchema)),
  meta: v.optional(v.strictObject({ app: v.optional(v.pipe(v.string(), v.maxLength(50))), deviceClock: v.optional(IsoTime) })),
});
export type InvitationResponse = v.InferOutput<typeof InvitationResponse>;

export const InvitationResponseRequest = v.strictObject({ response: InvitationResponse });

/** What the duplicate check covers: everything the respondent decided (not the device clock of a resend). */
export function invitationContent(response: InvitationResponse): Record<string, unknown> {
  return {
    id: response.id,
    surveyId: response.surveyId,
    surveyVersion: response.surveyVersion,
    language: response.language,
    status: response.status,
    source: response.source,
    mode: response.mode,
    startedAt: response.startedAt,
    completedAt: response.completedAt,
    answers: response.answers ?? null,
    sealed: response.sealed ?? null,
  };
}

/** What `GET /api/v1/invitations/:code` answers: everything the phone needs to run the survey offline. */
export interface InvitationOffer {
  survey: import('../schema.ts').SurveyDefinition;
  /** The facility's languages that the survey has, in the survey's order. */
  languages: string[];
  /** The organisation's current public sealing key (as in the device bundle). */
  sealing: import('../sealing.ts').SealingKey;
  /** The wave's last day (the facility's local day, inclusive). */
  closesOn: string;
}
