/**
 * Everything prompt audio needs beyond a few signals, in one lazy chunk loaded after the
 * first paint (createPromptAudio.ts): the planner, the player, the browser output, the
 * media indexes, the device voices and the coverage check for staff notices.
 */
import i18next from 'i18next';
import { audioCoverage } from '../../survey/audioCoverage.ts';
import { indexClips, type MediaClip } from '../../survey/mediaIndex.ts';
import { voiceLanguages } from '../../survey/promptSource.ts';
import { appPrompts, choicePromptKey, questionPromptKey, surveyPrompts, translateFromBundles, type Translate } from '../../survey/prompts.ts';
import { languageInfo } from '../../survey/languages.ts';
import type { SurveyDefinition } from '../../survey/schema.ts';
import type { DeviceStore } from '../../device/deviceStore.ts';
import { loadAudioIndexes } from '../../device/audioIndexes.ts';
import { DEFAULT_AUDIO_SETTINGS, getAudioSettings, type AudioSettings } from '../../device/audioSettings.ts';
import { makeBrowserPromptOutput } from './makeBrowserPromptOutput.ts';
import { makePromptPlayer, type PromptOutput, type PromptStart } from './makePromptPlayer.ts';
import { makePromptPlanner, type PromptTarget } from './promptPlan.ts';

export interface SilentLanguage {
  language: string;
  silent: number;
  total: number;
}

export interface EngineEvents {
  onTarget: (target: PromptTarget | undefined) => void;
  onClipFailed: (url: string) => void;
}

/** The kiosk's own words for a language already loaded by i18next (current and fallback). */
const loadedTranslate: Translate = (language, key, params) => translateFromBundles({ [language]: i18next.getResourceBundle(language, 'kiosk') as unknown })(language, key, params);

export async function startPromptEngine(openStore: () => Promise<DeviceStore>, events: EngineEvents, output: PromptOutput = makeBrowserPromptOutput()) {
  let recorded = new Map<string, MediaClip>();
  let shipped = new Map<string, MediaClip>();
  let facilityLanguages: string[] | undefined;
  let voices = new Set<string>();
  let settings: AudioSettings = DEFAULT_AUDIO_SETTINGS;

  const synth = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
  const readVoices = () => (voices = voiceLanguages(synth?.getVoices() ?? []));
  readVoices();
  synth?.addEventListener('voiceschanged', readVoices);

  const player = makePromptPlayer({
    output,
    sources: () => ({ recorded, shipped, hasVoice: (language) => voices.has(language) }),
    onStart: (start: PromptStart) => window.dispatchEvent(new CustomEvent('sayso:prompt', { detail: start })),
    onTarget: events.onTarget,
    onClipFailed: events.onClipFailed,
  });
  const planner = makePromptPlanner(loadedTranslate);

  /** Reads the indexes and settings again (at each attract screen: after a sync or a staff change). */
  async function refresh(): Promise<AudioSettings> {
    const store = await openStore().catch(() => undefined);
    const [indexes, stored] = await Promise.all([loadAudioIndexes(store), store ? getAudioSettings(store).catch(() => DEFAULT_AUDIO_SETTINGS) : DEFAULT_AUDIO_SETTINGS]);
    recorded = indexClips(indexes.recorded);
    shipped = indexClips(indexes.shipped);
    facilityLanguages = indexes.facilityLanguages;
    settings = stored;
    return settings;
  }
  await refresh();

  /** Languages whose prompts would be partly silent here (no clip, no voice), for staff before a survey starts. */
  async function silentLanguages(kioskLanguages: readonly string[], survey: SurveyDefinition | undefined): Promise<SilentLanguage[]> {
    const languages = facilityLanguages ? facilityLanguages.filter((code) => kioskLanguages.includes(code)) : [...kioskLanguages];
    const bundles: Record<string, unknown> = {};
    await Promise.all(
      languages.map(async (language) => {
        bundles[language] = i18next.getResourceBundle(language, 'kiosk') ?? (await fetch(`/locales/${language}/kiosk.json`).then((r) => (r.ok ? r.json() : undefined), () => undefined));
      }),
    );
    const translate = translateFromBundles(bundles);
    const prompts = [...appPrompts(languages, translate, (code) => languageInfo(code).nativeName), ...(survey ? surveyPrompts(survey, translate) : [])];
    const byKey = new Map<string, Record<string, string>>();
    if (survey) collectSurveyAudio(survey, byKey);
    const coverage = audioCoverage(prompts, languages, { recorded, shipped, hasVoice: (language) => voices.has(language), failed: player.failed }, (key, language) => byKey.get(key)?.[language]);
    return coverage.filter((c) => c.counts.none > 0).map((c) => ({ language: c.language, silent: c.counts.none, total: c.total }));
  }

  return {
    /** Readies the first clip of a screen likely to come next. */
    prefetch: (screen: Parameters<typeof planner.plan>[0]) => player.prefetch(planner.plan(screen)[0]),
    plan: planner.plan,
    play: player.play,
    stop: player.stop,
    sourceOf: player.sourceOf,
    refresh,
    settings: () => settings,
    silentLanguages,
  };
}

/** Clip URLs the survey itself names, by prompt key (its `audio` fields). */
function collectSurveyAudio(survey: SurveyDefinition, into: Map<string, Record<string, string>>) {
  const walk = (items: SurveyDefinition['items']) => {
    for (const item of items) {
      if (item.kind === 'group') {
        walk(item.items);
        continue;
      }
      if (item.audio) into.set(questionPromptKey(survey.id, item), item.audio);
      if (item.kind === 'single' || item.kind === 'multi') {
        for (const choice of item.choices) if (choice.audio) into.set(choicePromptKey(survey.id, item, choice), choice.audio);
      }
    }
  };
  walk(survey.items);
}

export type PromptEngine = Awaited<ReturnType<typeof startPromptEngine>>;
