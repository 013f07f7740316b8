import type { DeviceStore } from '../device/deviceStore.ts';
import { bundleSealingKey, getBundle, getEnrollment, getSyncStatus, saveBundle, saveSyncStatus } from '../device/enrollmentRecord.ts';
import type { DeviceApi } from './deviceApi.ts';
import { uploadMediaDrafts } from './uploadMediaDrafts.ts';
import { uploadSpokenClips } from './uploadSpokenClips.ts';
import { uploadWithdrawals } from './uploadWithdrawals.ts';
import { syncOutbox, type SyncOutcome } from './syncOutbox.ts';

/**
 * One sync pass for an enrolled tablet: send the outbox, spoken comments, recorded prompts
 * and withdrawal counts, then pick up a new device bundle (new survey versions) if there is
 * one. Records the outcome for the staff status view.
 */
export async function runDeviceSync(store: DeviceStore, api: DeviceApi, now: () => Date = () => new Date()): Promise<SyncOutcome | null> {
  const enrollment = await getEnrollment(store);
  if (!enrollment) return null;
  const attemptAt = now().toISOString();
  const outcome = await syncOutbox({ store, api, enrollment, now, sealingKey: await bundleSealingKey(store) });
  if (outcome.ok) {
    const stored = await getBundle(store);
    // Spoken comments follow their responses (the server needs the response first); recorded
    // prompts go before the bundle is fetched, so this tablet's new clips come back in its index.
    await uploadSpokenClips(store, api, enrollment.token, now);
    await uploadMediaDrafts(store, api, enrollment.token, now);
    // Only counts: respondents who changed their mind left no answers to send.
    await uploadWithdrawals(store, api, enrollment.token);
    const fresh = await api.bundle(enrollment.token, stored?.etag);
    if (fresh.ok && fresh.value.changed) await saveBundle(store, { etag: fresh.value.etag, fetchedAt: attemptAt, bundle: fresh.value.bundle });
  }
  const previous = await getSyncStatus(store);
  await saveSyncStatus(store, outcome.ok
    ? { lastAttemptAt: attemptAt, lastSuccessAt: attemptAt }
    : {
        ...previous,
        lastAttemptAt: attemptAt,
        lastError: `${outcome.failure.kind === 'http' ? `${outcome.failure.status} ${outcome.failure.code}: ` : 'network: '}${outcome.failure.message}`,
        refused: outcome.failure.kind === 'http' && outcome.failure.status === 401,
      });
  return outcome;
}
