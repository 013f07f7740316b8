/**
 * This tablet's audio settings (the Dexie `settings` table, through DeviceStore): whether
 * each screen reads itself aloud, whether "listen first" is on (a first touch reads an
 * answer, a second chooses it), and how much the offline audio cache may use.
 */
import type { DeviceStore } from './deviceStore.ts';

export interface AudioSettings {
  autoplay: boolean;
  listenFirst: boolean;
  /** Bytes the offline audio cache may hold. */
  budgetBytes: number;
}

export const DEFAULT_AUDIO_BUDGET_BYTES = 150 * 1024 * 1024;
export const DEFAULT_AUDIO_SETTINGS: AudioSettings = { autoplay: true, listenFirst: false, budgetBytes: DEFAULT_AUDIO_BUDGET_BYTES };

const KEY = 'audioSettings';

/** The stored settings, each missing or malformed one at its default. */
export async function getAudioSettings(store: Pick<DeviceStore, 'getSetting'>): Promise<AudioSettings> {
  const stored = (await store.getSetting<Partial<Record<keyof AudioSettings, unknown>>>(KEY)) ?? {};
  const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);
  const budget = stored.budgetBytes;
  return {
    autoplay: flag(stored.autoplay, DEFAULT_AUDIO_SETTINGS.autoplay),
    listenFirst: flag(stored.listenFirst, DEFAULT_AUDIO_SETTINGS.listenFirst),
    budgetBytes: typeof budget === 'number' && Number.isInteger(budget) && budget >= 0 ? budget : DEFAULT_AUDIO_BUDGET_BYTES,
  };
}

export async function saveAudioSettings(store: Pick<DeviceStore, 'getSetting' | 'setSetting'>, change: Partial<AudioSettings>): Promise<AudioSettings> {
  const next = { ...(await getAudioSettings(store)), ...change };
  await store.setSetting(KEY, next);
  return next;
}
