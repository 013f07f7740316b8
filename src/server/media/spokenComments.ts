import type { Kysely } from 'kysely';
import type { QuarterId } from '../../survey/periods.ts';
import type { Database } from '../db/schema.ts';

/** A spoken comment as staff see it: no response id, no time, nothing to line it up with other answers. */
export interface SpokenCommentView {
  id: string;
  questionId: string;
  durationMs: number;
  /** False once retention deleted the sound. */
  audio: boolean;
  transcript: string | null;
}

/** A facility's spoken comments of one survey and quarter, by question, then by their random id (never by time). */
export async function listSpokenComments(
  db: Kysely<Database>,
  input: { organisationId: string; facilityId: string; surveyId: string; period: QuarterId },
): Promise<SpokenCommentView[]> {
  const rows = await db.selectFrom('spoken_comments')
    .select(['id', 'question_id', 'duration_ms', 'audio_deleted_at', 'transcript'])
    .where('organisation_id', '=', input.organisationId).where('facility_id', '=', input.facilityId)
    .where('survey_id', '=', input.surveyId).where('period', '=', input.period)
    .orderBy('question_id').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id, questionId: row.question_id, durationMs: Number(row.duration_ms), audio: row.audio_deleted_at === null, transcript: row.transcript,
  }));
}

const SPOKEN_ID = /^[A-Za-z0-9_-]{22}$/;

/** A spoken comment of the organisation by its opaque id, without its sound. */
export async function findSpokenComment(db: Kysely<Database>, organisationId: string, id: string) {
  if (!SPOKEN_ID.test(id)) return undefined;
  return db.selectFrom('spoken_comments').select(['id', 'facility_id', 'audio_deleted_at', 'transcript'])
    .where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** Its sealed sound with what opens it; audio is null after retention. */
export function spokenCommentSound(db: Kysely<Database>, id: string) {
  return db.selectFrom('spoken_comments').innerJoin('responses', 'responses.id', 'spoken_comments.response_id')
    .select(['spoken_comments.response_id', 'spoken_comments.question_id', 'spoken_comments.organisation_id', 'spoken_comments.mime',
      'spoken_comments.iv', 'spoken_comments.audio', 'responses.sealed_key'])
    .where('spoken_comments.id', '=', id).executeTakeFirst();
}

/** Sets the transcript, or removes it (null); it outlives the sound. */
export async function setSpokenTranscript(db: Kysely<Database>, id: string, transcript: string | null, now = new Date()): Promise<void> {
  await db.updateTable('spoken_comments').set({ transcript, transcribed_at: transcript === null ? null : now.toISOString() }).where('id', '=', id).execute();
}
