/**
 * The two media indexes a tablet plays from: the organisation's recorded clips (the device
 * bundle's `media`) and the app's shipped synthetic clips (/audio/<lng>/index.json, one
 * small index per language, precached with the app), plus the
 * languages the facility enables (`bundle.settings.languages`). Both read untrusted JSON
 * through parseMediaIndex: a malformed clip is dropped, never fatal.
 */
import { EMPTY_MEDIA_INDEX, parseMediaIndex, type MediaIndex } from '../survey/mediaIndex.ts';
import type { DeviceStore } from './deviceStore.ts';
import { getBundle } from './enrollmentRecord.ts';
import { LAUNCH_LANGUAGES } from '../survey/languages.ts';

/** One index per language: a tablet reads only the languages it may need. */
export const shippedIndexUrl = (language: string) => `/audio/${language}/index.json`;

export interface AudioIndexes {
  recorded: MediaIndex;
  shipped: MediaIndex;
  /** The facility's languages, in its order; undefined when the tablet has no bundle. */
  facilityLanguages: string[] | undefined;
  problems: string[];
}

async function loadShippedLanguage(language: string, fetchFn: typeof fetch): Promise<{ index: MediaIndex; problem?: string }> {
  const url = shippedIndexUrl(language);
  try {
    const response = await fetchFn(url);
    // 404: the app ships no clips in that language (Pashto, Sorani, Tigrinya, Somali).
    if (!response.ok) return { index: EMPTY_MEDIA_INDEX, ...(response.status === 404 ? {} : { problem: `${url}: HTTP ${response.status}` }) };
    return parseMediaIndex(await response.json());
  } catch (error) {
    return { index: EMPTY_MEDIA_INDEX, problem: `${url}: ${(error as Error).message}` };
  }
}

/** The shipped clips of the given languages, as one index. */
export async function loadShippedIndex(languages: readonly string[], fetchFn: typeof fetch = fetch): Promise<{ index: MediaIndex; problem?: string }> {
  const loaded = await Promise.all([...new Set(languages)].map((language) => loadShippedLanguage(language, fetchFn)));
  const problems = loaded.flatMap((one) => (one.problem ? [one.problem] : []));
  return { index: { clips: loaded.flatMap((one) => one.index.clips) }, ...(problems.length ? { problem: problems.join('; ') } : {}) };
}

export async function loadRecordedIndex(store: DeviceStore | undefined): Promise<{ index: MediaIndex; facilityLanguages: string[] | undefined; problem?: string }> {
  const bundle = store ? (await getBundle(store).catch(() => undefined))?.bundle : undefined;
  const value = bundle as { media?: unknown; settings?: { languages?: unknown } } | undefined;
  const languages = value?.settings?.languages;
  const facilityLanguages = Array.isArray(languages) ? languages.filter((code): code is string => typeof code === 'string') : undefined;
  return { ...parseMediaIndex(value?.media), facilityLanguages };
}

/** `languages`: whose shipped clips to read (default: the facility's, else every launch language). */
export async function loadAudioIndexes(store: DeviceStore | undefined, fetchFn: typeof fetch = fetch, languages?: readonly string[]): Promise<AudioIndexes> {
  const recorded = await loadRecordedIndex(store);
  const shipped = await loadShippedIndex(languages ?? recorded.facilityLanguages ?? LAUNCH_LANGUAGES, fetchFn);
  return {
    recorded: recorded.index,
    shipped: shipped.index,
    facilityLanguages: recorded.facilityLanguages,
    problems: [shipped.problem, recorded.problem].filter((p): p is string => Boolean(p)),
  };
}
