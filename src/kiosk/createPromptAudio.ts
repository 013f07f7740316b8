/**
 * The kiosk's prompt audio as a few signals: which control is being read, where the
 * screen's first prompt comes from (the replay button's data-prompt-source), whether
 * "listen first" is on, and notices for staff. The engine itself (startPromptEngine.ts)
 * is a lazy chunk, loaded by `start()` once the first screen has painted.
 */
import { createContext, createSignal, useContext } from 'solid-js';
import type { CoverageSource } from '../survey/audioCoverage.ts';
import type { SurveyDefinition } from '../survey/schema.ts';
import type { DeviceStore } from '../device/deviceStore.ts';
import type { PromptEngine, SilentLanguage } from './audio/startPromptEngine.ts';
import type { PlannedPrompt, PromptScreen, PromptTarget } from './audio/promptPlan.ts';

export type { PromptScreen, PromptTarget } from './audio/promptPlan.ts';

export function createPromptAudio(deps: { openStore: () => Promise<DeviceStore> }) {
  const [speaking, setSpeaking] = createSignal<PromptTarget>();
  const [firstSource, setFirstSource] = createSignal<CoverageSource>('none');
  const [listenFirst, setListenFirst] = createSignal(false);
  const [failedClips, setFailedClips] = createSignal(0);
  const [silent, setSilent] = createSignal<SilentLanguage[]>([]);

  let engine: PromptEngine | undefined;
  let loading: Promise<PromptEngine | undefined> | undefined;
  let screen: PromptScreen | undefined;
  let plan: PlannedPrompt[] = [];
  /** Bumped at each screen: an engine answer for an earlier screen is dropped. */
  let generation = 0;
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));

  const replan = () => {
    if (!engine) return;
    plan = screen ? engine.plan(screen) : [];
    setFirstSource(engine.sourceOf(plan[0]));
    setListenFirst(engine.settings().listenFirst);
  };
  const apply = () => {
    if (!engine) return;
    replan();
    if (engine.settings().autoplay && plan.length) void engine.play(plan);
    else engine.stop();
  };

  const audio = {
    speaking,
    firstSource,
    listenFirst,
    failedClips,
    silentLanguages: silent,

    /** Loads the engine (call after the first paint); plays the screen showing by then. */
    start(): Promise<PromptEngine | undefined> {
      markStarted();
      loading ??= import('./audio/startPromptEngine.ts')
        .then((module) =>
          module.startPromptEngine(deps.openStore, {
            onTarget: setSpeaking,
            onClipFailed: () => setFailedClips((n) => n + 1),
          }),
        )
        .then(
          (started) => {
            engine = started;
            apply();
            return started;
          },
          () => undefined, // no audio on this device: the kiosk works by text and pictogram
        );
      return loading;
    },

    /** A screen (or dialog) appeared: stop any sound and read it, unless auto-play is off. */
    show(next: PromptScreen | undefined) {
      screen = next;
      generation++;
      setSpeaking(undefined);
      apply();
    },

    /** The replay button: the whole screen again, from the top. */
    replay() {
      if (engine && plan.length) void engine.play(plan);
    },

    /** A touch on an answer control reads that control only. */
    hear(target: PromptTarget) {
      const own = plan.filter((prompt) => prompt.target === target);
      if (engine && own.length) void engine.play(own);
    },

    stop() {
      engine?.stop();
    },

    /** The screen likely to come next (the next question): its first clip is readied. */
    prefetch(next: PromptScreen) {
      engine?.prefetch(next);
    },

    /** At the attract screen: re-read indexes and settings, then check which languages are silent. */
    async refresh(kioskLanguages: readonly string[], survey: SurveyDefinition | undefined) {
      await started;
      const ready = await loading;
      if (!ready) return;
      const at = generation;
      await ready.refresh();
      if (at === generation) replan();
      setSilent(await ready.silentLanguages(kioskLanguages, survey));
    },
  };
  return audio;
}

export type PromptAudio = ReturnType<typeof createPromptAudio>;

export const PromptAudioContext = createContext<PromptAudio>();
export const usePromptAudio = () => useContext(PromptAudioContext);
