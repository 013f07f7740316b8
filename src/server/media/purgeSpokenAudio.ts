import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { REPLACED_CLIP_DAYS } from './mediaClipRows.ts';

const DAY_MS = 86_400_000;

export interface SpokenPurgeReport {
  /** Spoken comments whose sound was deleted now, per organisation. */
  organisations: Array<{ organisationId: string; sounds: number }>;
  /** Spoken comments dropped because their response was deleted (purge-expired). */
  orphans: number;
  /** Prompt clips replaced more than 30 days ago, whose bytes no bundle names any more. */
  replacedClips: number;
}

/**
 * Deletes the sound of spoken comments received longer ago than their organisation's
 * spoken_retention_days; the row and its transcript stay. Also drops spoken comments of
 * responses that retention deleted, and prompt clips replaced more than 30 days ago.
 */
export async function purgeSpokenAudio(db: Kysely<Database>, now = new Date()): Promise<SpokenPurgeReport> {
  const organisations = await db.selectFrom('organisations').select(['id', 'spoken_retention_days']).execute();
  const report: SpokenPurgeReport = { organisations: [], orphans: 0, replacedClips: 0 };
  for (const organisation of organisations) {
    const cutoff = new Date(now.getTime() - Number(organisation.spoken_retention_days) * DAY_MS).toISOString();
    const result = await db.updateTable('spoken_comments').set({ audio: null, audio_deleted_at: now.toISOString() })
      .where('organisation_id', '=', organisation.id).where('audio_deleted_at', 'is', null).where('received_at', '<', cutoff)
      .executeTakeFirst();
    report.organisations.push({ organisationId: organisation.id, sounds: Number(result.numUpdatedRows) });
  }
  const orphans = await db.deleteFrom('spoken_comments')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('responses').select('responses.id').whereRef('responses.id', '=', 'spoken_comments.response_id'))))
    .executeTakeFirst();
  report.orphans = Number(orphans.numDeletedRows);
  const clips = await db.deleteFrom('media_clips').where('replaced_at', 'is not', null)
    .where('replaced_at', '<', new Date(now.getTime() - REPLACED_CLIP_DAYS * DAY_MS).toISOString()).executeTakeFirst();
  report.replacedClips = Number(clips.numDeletedRows);
  return report;
}
