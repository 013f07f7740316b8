import type { Kysely } from 'kysely';
import { PREFER_NOT_TO_ANSWER } from '../../survey/answers.ts';
import type { CommentTag } from '../../survey/reportTypes.ts';
import type { Database } from '../db/schema.ts';
import { makeCommentKey, type CommentRef } from './commentId.ts';
import { facilityQuarterResponses } from './facilityQuarterResponses.ts';

/** Whether the comment a ref names exists: a free-text answer of that facility's quarter. */
async function commentExists(db: Kysely<Database>, organisationId: string, facility: { id: string; timeZone: string }, ref: CommentRef): Promise<boolean> {
  for await (const response of facilityQuarterResponses(db, { organisationId, facility, period: ref.period })) {
    const answers = JSON.parse(response.answers) as Record<string, unknown>;
    for (const [questionId, value] of Object.entries(answers)) {
      if (typeof value !== 'string' || value === PREFER_NOT_TO_ANSWER || value.trim() === '') continue;
      if (makeCommentKey(response.id, questionId) === ref.key) return true;
    }
  }
  return false;
}

/**
 * Sets or clears (null) the tag of one comment of a facility the caller may see. A comment
 * already tagged is known; otherwise it is looked for in the facility's quarter, so no tag
 * is stored for a comment that does not exist. False when there is no such comment there.
 */
export async function tagComment(
  db: Kysely<Database>,
  input: { organisationId: string; facility: { id: string; timeZone: string }; ref: CommentRef; tag: CommentTag | null; staffId: string },
  now = new Date(),
): Promise<boolean> {
  if (input.ref.facilityId !== input.facility.id) return false;
  const existing = await db.selectFrom('comment_tags').select('facility_id').where('comment_id', '=', input.ref.key).executeTakeFirst();
  if (existing && existing.facility_id !== input.facility.id) return false;
  if (!existing && !(await commentExists(db, input.organisationId, input.facility, input.ref))) return false;
  if (input.tag === null) {
    await db.deleteFrom('comment_tags').where('comment_id', '=', input.ref.key).where('facility_id', '=', input.facility.id).execute();
    return true;
  }
  const values = { tag: input.tag, tagged_by: input.staffId, tagged_at: now.toISOString() };
  await db.insertInto('comment_tags')
    .values({ comment_id: input.ref.key, facility_id: input.facility.id, ...values })
    .onConflict((oc) => oc.column('comment_id').doUpdateSet(values).where('comment_tags.facility_id', '=', input.facility.id))
    .execute();
  return true;
}
