/**
 * The offline audio cache: clips for the languages a facility enables, kept in Cache
 * Storage 'sayso-audio' (the service worker answers /audio/* and /api/v1/media/* from it,
 * Range requests included). Clips are not precached (many MB; the small per-language
 * indexes are, so they update with the app): the app fills this cache
 * after the first paint and after each bundle sync, languages in the facility's order
 * until the budget is reached; what is left out, and a full disk, are said to staff.
 * Only this cache is ever written or deleted here: responses and drafts are never touched.
 */
import { clipSlot, type MediaClip, type MediaIndex } from '../survey/mediaIndex.ts';
import type { DeviceStore } from './deviceStore.ts';
import { CACHE_FILL_HEADER } from '../survey/audioCacheFill.ts';

export const AUDIO_CACHE_NAME = 'sayso-audio';
const STATUS_KEY = 'audioCacheStatus';
const PARALLEL_FETCHES = 4;

export interface LanguagePlan {
  language: string;
  bytes: number;
  clips: MediaClip[];
}

export interface AudioCachePlan {
  budgetBytes: number;
  /** Languages that fit, in the facility's order. */
  included: LanguagePlan[];
  /** Languages not cached because the budget was reached (the first that did not fit, and every one after). */
  leftOut: Array<{ language: string; bytes: number }>;
}

/** The clips a language can play: its recorded ones, and shipped ones no recording of the same text replaces. */
export function clipsForLanguage(language: string, recorded: MediaIndex, shipped: MediaIndex): MediaClip[] {
  const own = recorded.clips.filter((clip) => clip.language === language);
  const recordedBySlot = new Map(own.map((clip) => [clipSlot(clip.key, clip.language), clip]));
  const clips = [...own];
  for (const clip of shipped.clips) {
    if (clip.language !== language) continue;
    if (recordedBySlot.get(clipSlot(clip.key, clip.language))?.textHash === clip.textHash) continue;
    clips.push(clip);
  }
  const seen = new Set<string>();
  return clips.filter((clip) => !seen.has(clip.url) && Boolean(seen.add(clip.url)));
}

/** Which languages' clips to keep: in the facility's order, until the budget is reached. */
export function planAudioCache(languages: readonly string[], recorded: MediaIndex, shipped: MediaIndex, budgetBytes: number): AudioCachePlan {
  const included: LanguagePlan[] = [];
  const leftOut: AudioCachePlan['leftOut'] = [];
  let used = 0;
  for (const language of new Set(languages)) {
    const clips = clipsForLanguage(language, recorded, shipped);
    const bytes = clips.reduce((sum, clip) => sum + clip.bytes, 0);
    if (leftOut.length === 0 && used + bytes <= budgetBytes) {
      included.push({ language, bytes, clips });
      used += bytes;
    } else leftOut.push({ language, bytes });
  }
  return { budgetBytes, included, leftOut };
}

export interface AudioCacheStatus {
  updatedAt: string;
  budgetBytes: number;
  /** Per language kept: bytes and clips now in the cache, of how many planned. */
  languages: Array<{ language: string; bytes: number; clips: number; planned: number }>;
  leftOut: Array<{ language: string; bytes: number }>;
  /** The disk filled up while caching: caching stopped, what was cached is kept. */
  storageFull: boolean;
  /** Clips that could not be fetched this time (offline, server error); tried again next time. */
  unfetched: number;
  /** Clips of languages no longer enabled (or replaced) deleted this time. */
  removed: number;
}

export const getAudioCacheStatus = (store: Pick<DeviceStore, 'getSetting'>) => store.getSetting<AudioCacheStatus>(STATUS_KEY);

const isQuotaError = (error: unknown) => (error as { name?: string } | null)?.name === 'QuotaExceededError';

export interface RefreshAudioCacheOptions {
  store: Pick<DeviceStore, 'getSetting' | 'setSetting'>;
  languages: readonly string[];
  recorded: MediaIndex;
  shipped: MediaIndex;
  budgetBytes: number;
  caches?: CacheStorage;
  fetch?: typeof fetch;
  origin?: string;
  now?: () => Date;
}

let running: Promise<AudioCacheStatus> | undefined;

/** Brings the cache in line with the plan (one run at a time) and stores the status for staff. */
export function refreshAudioCache(options: RefreshAudioCacheOptions): Promise<AudioCacheStatus> {
  running ??= fillCache(options).finally(() => (running = undefined));
  return running;
}

async function fillCache(options: RefreshAudioCacheOptions): Promise<AudioCacheStatus> {
  const storage = options.caches ?? caches;
  const fetchFn = options.fetch ?? fetch;
  const origin = options.origin ?? location.origin;
  const absolute = (url: string) => new URL(url, origin).href;
  const plan = planAudioCache(options.languages, options.recorded, options.shipped, options.budgetBytes);
  const cache = await storage.open(AUDIO_CACHE_NAME);

  const wanted = new Set([...plan.included.flatMap((language) => language.clips.map((clip) => absolute(clip.url)))]);
  let removed = 0;
  for (const request of await cache.keys()) {
    if (!wanted.has(request.url)) {
      await cache.delete(request);
      removed++;
    }
  }

  let storageFull = false;
  let unfetched = 0;
  const cached = new Set<string>();
  const fetchInto = async (url: string): Promise<void> => {
    if (storageFull) return;
    if (await cache.match(url)) {
      cached.add(url);
      return;
    }
    let response: Response;
    try {
      response = await fetchFn(url, { credentials: 'same-origin', headers: { [CACHE_FILL_HEADER]: '1' } });
    } catch {
      unfetched++;
      return;
    }
    if (response.status !== 200) {
      unfetched++;
      return;
    }
    try {
      await cache.put(url, response);
      cached.add(url);
    } catch (error) {
      if (isQuotaError(error)) storageFull = true;
      else unfetched++;
    }
  };

  const queue = plan.included.flatMap((language) => language.clips.map((clip) => absolute(clip.url)));
  const workers = Array.from({ length: PARALLEL_FETCHES }, async () => {
    for (let url = queue.shift(); url !== undefined && !storageFull; url = queue.shift()) await fetchInto(url);
  });
  await Promise.all(workers);

  const status: AudioCacheStatus = {
    updatedAt: (options.now?.() ?? new Date()).toISOString(),
    budgetBytes: plan.budgetBytes,
    languages: plan.included.map((language) => {
      const inCache = language.clips.filter((clip) => cached.has(absolute(clip.url)));
      return { language: language.language, bytes: inCache.reduce((sum, clip) => sum + clip.bytes, 0), clips: inCache.length, planned: language.clips.length };
    }),
    leftOut: plan.leftOut,
    storageFull,
    unfetched,
    removed,
  };
  await options.store.setSetting(STATUS_KEY, status);
  return status;
}
