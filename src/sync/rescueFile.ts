import * as v from 'valibot';
import type { DeviceStore } from '../device/deviceStore.ts';
import { bundleSealingKey } from '../device/enrollmentRecord.ts';
import type { ResponseEnvelope } from '../survey/responseEnvelope.ts';
import type { DeviceApi, Enrollment } from './deviceApi.ts';
import { signedEnvelope } from './syncOutbox.ts';

export const RESCUE_FORMAT = 'sayso-rescue@1';

/**
 * Every unsent response of a tablet that cannot reach the server, as the server would
 * receive them: signed by their enrollment, answers sealed to the organisation's key.
 * Importing it anywhere (another tablet, `npm run admin -- import-rescue`) is the same
 * as a sync, so a response imported and later synced is counted once.
 */
export const RescueFile = v.strictObject({
  format: v.literal(RESCUE_FORMAT, `is not a Sayso rescue file (format must be "${RESCUE_FORMAT}")`),
  exportedAt: v.string(),
  enrollmentId: v.string(),
  responses: v.array(v.unknown()),
});
export type RescueFile = v.InferOutput<typeof RescueFile>;

export async function makeRescueFile(store: DeviceStore, enrollment: Enrollment, now = new Date()): Promise<RescueFile> {
  const sealingKey = await bundleSealingKey(store);
  const responses: ResponseEnvelope[] = [];
  for (const response of await store.listOutbox()) responses.push(await signedEnvelope(store, response, enrollment, now, sealingKey));
  return { format: RESCUE_FORMAT, exportedAt: now.toISOString(), enrollmentId: enrollment.enrollmentId, responses };
}

export function parseRescueFile(text: string): { ok: true; file: RescueFile } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the file is not JSON' };
  }
  const parsed = v.safeParse(RescueFile, json);
  return parsed.success ? { ok: true, file: parsed.output } : { ok: false, message: parsed.issues.map((i) => i.message).join('; ') };
}

/** Sends a rescue file's responses through this tablet's own sync, in batches. */
export async function importRescueFile(file: RescueFile, api: DeviceApi, token: string, batchSize = 100) {
  const counts = { accepted: 0, duplicate: 0, rejected: 0 };
  for (let i = 0; i < file.responses.length; i += batchSize) {
    const result = await api.sync(token, file.responses.slice(i, i + batchSize) as ResponseEnvelope[]);
    if (!result.ok) return { ok: false as const, failure: result.failure, ...counts };
    for (const item of result.value) counts[item.status] += 1;
  }
  return { ok: true as const, ...counts };
}
