import type { DeviceStore } from '../device/deviceStore.ts';
import type { StoredResponse } from '../device/database.ts';
import { makeResponseMac } from '../survey/responseMac.ts';
import { makeResponseSealer, type SealingKey } from '../survey/sealing.ts';
import type { ResponseEnvelope } from '../survey/responseEnvelope.ts';
import { isRetryable, type ApiFailure, type DeviceApi, type Enrollment } from './deviceApi.ts';
import { toEnvelope } from './toEnvelope.ts';

export const DEFAULT_BATCH_SIZE = 100;

export type SyncOutcome =
  | { ok: true; sent: number; accepted: number; duplicate: number; rejected: number }
  | { ok: false; retryable: boolean; failure: ApiFailure; sent: number };

/**
 * Signs a response once, with the enrollment it is first sent under, and remembers it. A
 * response answered before the tablet had its organisation key is sealed first, and its
 * plain answers leave the tablet's storage.
 */
export async function signedEnvelope(store: DeviceStore, response: StoredResponse, enrollment: Enrollment, now: Date, sealingKey?: SealingKey): Promise<ResponseEnvelope> {
  if (sealingKey && !response.sealedKey && !response.mac && response.answers) {
    const sealer = await makeResponseSealer(response.id, sealingKey);
    await store.sealStoredAnswers(response.id, sealer.key, await sealer.sealFinal(response.answers));
    response = (await store.getResponse(response.id)) ?? response;
  }
  const sealed = response.sealedKey ? await store.sealedAnswers(response.id) : undefined;
  if (response.mac && response.enrollmentId) return toEnvelope(response, response.enrollmentId, response.mac, now, sealed);
  const unsigned = toEnvelope(response, enrollment.enrollmentId, '', now, sealed);
  const mac = await makeResponseMac(unsigned, enrollment.secret);
  await store.saveSignature(response.id, enrollment.enrollmentId, mac);
  return { ...unsigned, mac };
}

/**
 * Sends the outbox to the server in batches until it is empty or a call fails. An item
 * leaves the outbox only when the server acknowledged it (accepted or duplicate); a
 * rejected item moves to the local quarantine. A batch too large for the server is
 * split, never dropped.
 */
export async function syncOutbox(input: { store: DeviceStore; api: DeviceApi; enrollment: Enrollment; sealingKey?: SealingKey | undefined; batchSize?: number; now?: () => Date }): Promise<SyncOutcome> {
  const now = input.now ?? (() => new Date());
  let batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const totals = { sent: 0, accepted: 0, duplicate: 0, rejected: 0 };
  for (;;) {
    const pending = await input.store.listOutbox(batchSize);
    if (pending.length === 0) return { ok: true, ...totals };
    const envelopes: ResponseEnvelope[] = [];
    for (const response of pending) envelopes.push(await signedEnvelope(input.store, response, input.enrollment, now(), input.sealingKey));
    const result = await input.api.sync(input.enrollment.token, envelopes);
    if (!result.ok) {
      if (result.failure.kind === 'http' && result.failure.status === 413 && batchSize > 1) {
        batchSize = Math.max(1, Math.floor(batchSize / 2));
        continue;
      }
      return { ok: false, retryable: isRetryable(result.failure), failure: result.failure, sent: totals.sent };
    }
    const acknowledged: string[] = [];
    const rejected: Array<{ responseId: string; code: string; message: string }> = [];
    result.value.forEach((item, index) => {
      const id = envelopes[index]?.id;
      if (!id) return;
      if (item.status === 'rejected') {
        rejected.push({ responseId: id, code: item.error.code, message: item.error.message });
        totals.rejected += 1;
      } else {
        acknowledged.push(id);
        totals[item.status] += 1;
      }
    });
    if (acknowledged.length + rejected.length === 0) {
      return { ok: false, retryable: true, failure: { kind: 'network', message: 'the server acknowledged nothing' }, sent: totals.sent };
    }
    await input.store.acknowledge(acknowledged, now());
    if (rejected.length) await input.store.quarantine(rejected, now());
    totals.sent += envelopes.length;
  }
}
