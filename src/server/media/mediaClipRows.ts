import type { Kysely } from 'kysely';
import type { MediaClip } from '../../survey/mediaIndex.ts';
import type { Database } from '../db/schema.ts';

/** A replaced clip still answers this long, so tablets on an older bundle can play it (docs/media-api.md). */
export const REPLACED_CLIP_DAYS = 30;

type ClipRow = Pick<Database['media_clips'], 'id' | 'prompt_key' | 'language' | 'mime' | 'byte_length' | 'text_hash' | 'duration_ms' | 'created_at'>;

const CLIP_COLUMNS = ['id', 'prompt_key', 'language', 'mime', 'byte_length', 'text_hash', 'duration_ms', 'created_at'] as const;

/** The media index entry of a stored clip: who recorded it stays on the server. */
export function toMediaClip(row: ClipRow): MediaClip {
  return {
    key: row.prompt_key, language: row.language, url: `/api/v1/media/${row.id}`, mime: row.mime, bytes: Number(row.byte_length),
    textHash: row.text_hash, origin: 'recorded', durationMs: Number(row.duration_ms), recordedAt: row.created_at,
  };
}

/** The organisation's current recorded clip for every (key, language), in a stable order (the bundle's ETag hashes it). */
export async function currentMediaClips(db: Kysely<Database>, organisationId: string): Promise<MediaClip[]> {
  const rows = await db.selectFrom('media_clips').select(CLIP_COLUMNS)
    .where('organisation_id', '=', organisationId).where('replaced_at', 'is', null)
    .orderBy('prompt_key').orderBy('language').orderBy('created_at').orderBy('id').execute();
  // Two clips for one slot stored at the same moment can both be unreplaced: the later one counts.
  const latest = new Map<string, ClipRow>();
  for (const row of rows) latest.set(`${row.prompt_key}\u0000${row.language}`, row);
  return [...latest.values()].map(toMediaClip);
}

/** A clip by the id its URL carries, bytes included, while it may still be served. */
export async function findServableClip(db: Kysely<Database>, id: string, now: Date) {
  const row = await db.selectFrom('media_clips').select(['mime', 'audio', 'sha256', 'replaced_at']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  if (row.replaced_at && Date.parse(row.replaced_at) + REPLACED_CLIP_DAYS * 86_400_000 < now.getTime()) return undefined;
  return { mime: row.mime, audio: row.audio, sha256: row.sha256 };
}

export function findClipByClientId(db: Kysely<Database>, organisationId: string, clientClipId: string) {
  return db.selectFrom('media_clips').select([...CLIP_COLUMNS, 'sha256']).where('organisation_id', '=', organisationId).where('client_clip_id', '=', clientClipId).executeTakeFirst();
}
