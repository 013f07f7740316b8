import type { DeviceStore } from '../device/deviceStore.ts';
import { listSpokenClipsToUpload, markSpokenClipRefused, markSpokenClipUploaded } from '../device/spokenClips.ts';
import { isRetryable, type ApiFailure, type DeviceApi } from './deviceApi.ts';

/** Waiting fixes these: the response is not on the server yet, or the tablet must be enrolled again. */
const keepForNextSync = (failure: ApiFailure) =>
  isRetryable(failure) || (failure.kind === 'http' && (failure.status === 401 || failure.status === 403 || failure.code === 'response_not_synced'));

/**
 * Uploads respondents' sealed spoken comments whose responses the server has, on their own
 * route (docs/media-api.md), retry-safe by clipId. Stored or duplicate: the ciphertext is
 * deleted from the tablet. Not synced yet, network, 5xx, 401/403: kept for the next pass
 * (a network or server failure stops this one). Another 4xx: kept with the server's reason
 * for staff, never dropped.
 */
export async function uploadSpokenClips(store: DeviceStore, api: DeviceApi, token: string, now: () => Date): Promise<{ uploaded: number; failed: number }> {
  let uploaded = 0;
  let failed = 0;
  for (const clip of await listSpokenClipsToUpload(store)) {
    const result = await api.uploadSpoken(token, {
      responseId: clip.responseId,
      questionId: clip.questionId,
      clipId: clip.clipId,
      mime: clip.mime,
      iv: clip.iv,
      durationMs: clip.durationMs,
      ct: clip.ct,
    });
    if (result.ok) {
      await markSpokenClipUploaded(store, clip.responseId, clip.questionId, now());
      uploaded++;
      continue;
    }
    failed++;
    const failure = result.failure;
    if (keepForNextSync(failure)) {
      // One response not there yet says nothing about the next clip; a dead network does.
      if (failure.kind === 'http' && failure.code === 'response_not_synced') continue;
      break;
    }
    const { status, code, message } = failure as Extract<ApiFailure, { kind: 'http' }>;
    await markSpokenClipRefused(store, clip.responseId, clip.questionId, `${status} ${code}${message ? `: ${message}` : ''}`);
  }
  return { uploaded, failed };
}
