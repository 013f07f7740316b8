import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MediaClip } from '../../survey/mediaIndex.ts';
import type { Database } from '../db/schema.ts';
import { findClipByClientId, toMediaClip } from './mediaClipRows.ts';

export interface NewMediaClip {
  organisationId: string;
  clientClipId: string;
  key: string;
  language: string;
  textHash: string;
  durationMs: number;
  mime: string;
  audio: Uint8Array;
  recordedBy: { kind: 'device' | 'staff'; id: string };
}

export type StoreClipResult = { status: 'stored' | 'duplicate'; clip: MediaClip } | { status: 'conflict' };

/**
 * Stores a recorded prompt clip as the organisation's current one for its key and language
 * (the earlier one is marked replaced, in the same transaction). Retry-safe by the
 * recorder's clip id: the same id with the same bytes is a duplicate, with others a conflict.
 */
export async function storeMediaClip(db: Kysely<Database>, clip: NewMediaClip, now = new Date()): Promise<StoreClipResult> {
  const sha256 = createHash('sha256').update(clip.audio).digest('hex');
  const earlier = async (): Promise<StoreClipResult | undefined> => {
    const row = await findClipByClientId(db, clip.organisationId, clip.clientClipId);
    if (!row) return undefined;
    const same = row.sha256 === sha256 && row.prompt_key === clip.key && row.language === clip.language;
    return same ? { status: 'duplicate', clip: toMediaClip(row) } : { status: 'conflict' };
  };
  const known = await earlier();
  if (known) return known;
  const row = {
    id: randomBytes(16).toString('base64url'), organisation_id: clip.organisationId, prompt_key: clip.key, language: clip.language,
    mime: clip.mime, audio: Buffer.from(clip.audio.buffer, clip.audio.byteOffset, clip.audio.byteLength), byte_length: clip.audio.byteLength,
    sha256, text_hash: clip.textHash, duration_ms: clip.durationMs, client_clip_id: clip.clientClipId,
    recorded_by_kind: clip.recordedBy.kind, recorded_by: clip.recordedBy.id, created_at: now.toISOString(), replaced_at: null,
  };
  try {
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('media_clips').set({ replaced_at: row.created_at })
        .where('organisation_id', '=', clip.organisationId).where('prompt_key', '=', clip.key).where('language', '=', clip.language)
        .where('replaced_at', 'is', null).execute();
      await tx.insertInto('media_clips').values(row).execute();
    });
  } catch (error) {
    // The same clip id sent twice at once: the unique constraint lets one in; the other is told what it is.
    const raced = await earlier();
    if (raced) return raced;
    throw error;
  }
  return { status: 'stored', clip: toMediaClip(row) };
}
