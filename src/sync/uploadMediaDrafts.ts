import { listMediaDrafts, markMediaDraftPublished, markMediaDraftRefused } from '../device/mediaDrafts.ts';
import type { DeviceStore } from '../device/deviceStore.ts';
import { isRetryable, type ApiFailure, type DeviceApi } from './deviceApi.ts';

/** A refusal that waiting will not fix until the tablet is enrolled again: the clip stays queued. */
const tabletRefused = (failure: ApiFailure) => failure.kind === 'http' && (failure.status === 401 || failure.status === 403);

/**
 * Uploads prompt clips staff published on this tablet (queued drafts), oldest first, with
 * clipId = draft id so a retry after a lost answer is one clip (docs/media-api.md).
 * Accepted or duplicate: published, bytes dropped. Network, 5xx, 401: still queued, the
 * pass stops (the next one retries). Another 4xx (415, 413, 400, 409): back to a draft
 * with the server's reason for staff; never deleted.
 */
export async function uploadMediaDrafts(store: DeviceStore, api: DeviceApi, token: string, now: () => Date): Promise<{ uploaded: number; failed: number }> {
  const queued = await listMediaDrafts(store, 'queued');
  let uploaded = 0;
  let failed = 0;
  for (const draft of queued) {
    const result = await api.uploadMedia(token, { clipId: draft.id, key: draft.key, language: draft.language, textHash: draft.textHash, durationMs: draft.durationMs, mime: draft.mime, audio: draft.audio });
    if (result.ok) {
      await markMediaDraftPublished(store, draft.id, now());
      uploaded++;
      continue;
    }
    failed++;
    if (isRetryable(result.failure) || tabletRefused(result.failure)) break;
    const { status, code, message } = result.failure as Extract<ApiFailure, { kind: 'http' }>;
    await markMediaDraftRefused(store, draft.id, `${status} ${code}${message ? `: ${message}` : ''}`);
  }
  return { uploaded, failed };
}
