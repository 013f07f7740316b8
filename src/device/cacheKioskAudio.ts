import { refreshAudioCache } from './audioCache.ts';
import { loadAudioIndexes } from './audioIndexes.ts';
import { getAudioSettings } from './audioSettings.ts';
import type { DeviceStore } from './deviceStore.ts';

/**
 * Fills the offline audio cache for the facility's languages (the device language when the
 * tablet is not enrolled). One lazy chunk for main.tsx, which calls it after the first
 * paint and after each sync.
 */
export async function cacheKioskAudio(store: DeviceStore, deviceLanguage: string): Promise<void> {
  const [indexes, settings] = await Promise.all([loadAudioIndexes(store), getAudioSettings(store)]);
  // A tablet not yet enrolled does not know its facility's languages: its own one only.
  const languages = indexes.facilityLanguages ?? [deviceLanguage];
  await refreshAudioCache({ store, languages, recorded: indexes.recorded, shipped: indexes.shipped, budgetBytes: settings.budgetBytes });
}
