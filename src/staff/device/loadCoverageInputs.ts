/**
 * What the coverage view and the recorder read, gathered once when staff open "Audio":
 * the surveys this tablet runs, the kiosk's words in every language those surveys have,
 * the organisation's recorded clips (bundle) and the app's shipped clips (/audio/index.json,
 * read by src/device/audioIndexes.ts as the kiosk reads them).
 */
import type { DeviceStore } from '../../device/deviceStore.ts';
import { getBundle } from '../../device/enrollmentRecord.ts';
import { loadSurveyDefinition } from '../../device/loadSurveyDefinition.ts';
import { languageInfo } from '../../survey/languages.ts';
import type { MediaIndex } from '../../survey/mediaIndex.ts';
import { loadAudioIndexes } from '../../device/audioIndexes.ts';
import { parseSurvey } from '../../survey/parseSurvey.ts';
import { appPrompts, choicePromptKey, questionPromptKey, surveyPrompts, translateFromBundles, type Prompt } from '../../survey/prompts.ts';
import { isForInspectors, type Item, type SurveyDefinition } from '../../survey/schema.ts';
import { clipSlot } from '../../survey/mediaIndex.ts';

export interface CoverageInputs {
  surveys: SurveyDefinition[];
  /** The organisation's recorded clips, from the device bundle. */
  recorded: MediaIndex;
  /** The app's shipped synthetic clips; empty when the app ships none. */
  shipped: MediaIndex;
  /** kiosk.json per language, as read. */
  locales: Record<string, unknown>;
  /** Problems worth telling staff (a malformed index), in plain words for the log. */
  problems: string[];
}

async function fetchJson(url: string, fetcher: typeof fetch): Promise<unknown> {
  const response = await fetcher(url);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response.json();
}

/** The device bundle's surveys, else the ones built into the app; never an inspectors' one (no tablet runs it). */
async function loadSurveys(bundle: unknown, fetcher: typeof fetch): Promise<SurveyDefinition[]> {
  return (await loadAllSurveys(bundle, fetcher)).filter((survey) => !isForInspectors(survey));
}

async function loadAllSurveys(bundle: unknown, fetcher: typeof fetch): Promise<SurveyDefinition[]> {
  const fromBundle = (bundle as { surveys?: unknown[] } | undefined)?.surveys;
  if (Array.isArray(fromBundle) && fromBundle.length > 0) {
    return fromBundle.flatMap((survey) => {
      const parsed = parseSurvey(survey);
      return parsed.ok ? [parsed.survey] : [];
    });
  }
  const index = (await fetchJson('/surveys/index.json', fetcher).catch(() => undefined)) as { builtIn?: string[] } | undefined;
  const loads = await Promise.all((index?.builtIn ?? []).map((id) => loadSurveyDefinition(id, fetcher)));
  return loads.flatMap((load) => (load.ok ? [load.survey] : []));
}

export async function loadCoverageInputs(store: DeviceStore, fetcher: typeof fetch = (...args) => fetch(...args)): Promise<CoverageInputs> {
  const [surveys, indexes] = await Promise.all([getBundle(store).then((stored) => loadSurveys(stored?.bundle, fetcher)), loadAudioIndexes(store, fetcher)]);
  const languages = [...new Set(surveys.flatMap((survey) => survey.languages))];
  const locales: Record<string, unknown> = {};
  await Promise.all(
    languages.map(async (language) => {
      locales[language] = await fetchJson(`/locales/${language}/kiosk.json`, fetcher).catch(() => undefined);
    }),
  );
  return { surveys, recorded: indexes.recorded, shipped: indexes.shipped, locales, problems: indexes.problems };
}

/** Every prompt a respondent of this survey meets: the kiosk's screens, then the survey's own. */
export function promptsOfSurvey(survey: SurveyDefinition, locales: Record<string, unknown>): Prompt[] {
  const translate = translateFromBundles(locales);
  return [...appPrompts(survey.languages, translate, (language) => languageInfo(language).nativeName), ...surveyPrompts(survey, translate)];
}

/** Clip URLs the survey definition itself names (schema `audio`), by clipSlot. */
export function surveyClipUrls(survey: SurveyDefinition): Map<string, string> {
  const urls = new Map<string, string>();
  const add = (key: string, audio: Record<string, string> | undefined) => {
    for (const [language, url] of Object.entries(audio ?? {})) urls.set(clipSlot(key, language), url);
  };
  const walk = (items: readonly Item[]) => {
    for (const item of items) {
      if (item.kind === 'group') {
        walk(item.items);
        continue;
      }
      add(questionPromptKey(survey.id, item), item.audio);
      if (item.kind === 'single' || item.kind === 'multi') for (const choice of item.choices) add(choicePromptKey(survey.id, item, choice), choice.audio);
    }
  };
  walk(survey.items);
  return urls;
}
