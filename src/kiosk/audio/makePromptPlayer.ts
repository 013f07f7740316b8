/**
 * Plays a screen's prompts one after another through a PromptOutput (the browser's audio
 * element and speech synthesis, or a test double). A clip that cannot be played is
 * remembered for the session and the next source is tried at once; the respondent never
 * sees an error, staff get a count. Nothing here waits on or blocks an answer.
 */
import { selectPromptSource, type PromptSources } from '../../survey/promptSource.ts';
import type { CoverageSource } from '../../survey/audioCoverage.ts';
import type { PlannedPrompt, PromptTarget } from './promptPlan.ts';

/** The clip could not be loaded or decoded (corrupt, unsupported, missing). */
export class ClipFailure extends Error {
  override name = 'ClipFailure';
}
/** The browser refused to start sound without a touch (autoplay policy): not the clip's fault. */
export class PlaybackBlocked extends Error {
  override name = 'PlaybackBlocked';
}

export interface PromptOutput {
  /** Resolves when the clip has played to its end or `signal` stopped it; calls onStart when sound begins. */
  playClip(url: string, onStart: () => void, signal: AbortSignal): Promise<void>;
  speak(text: string, language: string, onStart: () => void, signal: AbortSignal): Promise<void>;
  /** Gets a clip ready ahead (the next screen's first), so it starts without a load. */
  prefetch?(url: string): void;
}

export interface PromptStart {
  key: string;
  language: string;
  source: Exclude<CoverageSource, 'none'>;
  url: string | undefined;
}

export interface PromptPlayerOptions {
  output: PromptOutput;
  /** Read at each prompt: a sync or a voice list arriving mid-session is used at once. */
  sources: () => Omit<PromptSources, 'failed'>;
  onStart?: (start: PromptStart) => void;
  /** The control being read (undefined between prompts and when done). */
  onTarget?: (target: PromptTarget | undefined) => void;
  onClipFailed?: (url: string) => void;
}

export function makePromptPlayer(options: PromptPlayerOptions) {
  const failed = new Set<string>();
  let current: AbortController | undefined;

  const sourceFor = (prompt: PlannedPrompt) => selectPromptSource(prompt, { ...options.sources(), failed });

  /** Plays one prompt from its best playable source; true if it sounded, false if silent. */
  async function playOne(prompt: PlannedPrompt, signal: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal.aborted) return false;
      const source = sourceFor(prompt);
      if (source.kind === 'none') return false;
      const started = () => {
        if (signal.aborted) return;
        options.onTarget?.(prompt.target);
        options.onStart?.(
          source.kind === 'clip'
            ? { key: prompt.key, language: prompt.language, source: source.origin, url: source.url }
            : { key: prompt.key, language: prompt.language, source: 'voice', url: undefined },
        );
      };
      try {
        if (source.kind === 'clip') await options.output.playClip(source.url, started, signal);
        else await options.output.speak(source.text, source.language, started, signal);
        return true;
      } catch (error) {
        if (error instanceof PlaybackBlocked) throw error;
        if (source.kind !== 'clip') return false; // a voice that fails leaves this prompt silent
        failed.add(source.url);
        options.onClipFailed?.(source.url);
        // and round again: the next source for the same prompt
      }
    }
  }

  return {
    /** Stops what is sounding and plays `prompts` in order; resolves when done or stopped. */
    async play(prompts: readonly PlannedPrompt[]): Promise<void> {
      current?.abort();
      const controller = new AbortController();
      current = controller;
      try {
        for (const prompt of prompts) {
          if (controller.signal.aborted) return;
          await playOne(prompt, controller.signal);
        }
      } catch (error) {
        // Autoplay refused: the screen stays silent until a touch (replay, an option) asks again.
        if (!(error instanceof PlaybackBlocked)) throw error;
      } finally {
        if (current === controller) {
          current = undefined;
          options.onTarget?.(undefined);
        }
      }
    },
    stop(): void {
      current?.abort();
      current = undefined;
      options.onTarget?.(undefined);
    },
    /** Where a prompt's sound would come from now ('none' when it would be silent). */
    sourceOf(prompt: PlannedPrompt | undefined): CoverageSource {
      if (!prompt) return 'none';
      const source = sourceFor(prompt);
      return source.kind === 'clip' ? source.origin : source.kind === 'speech' ? 'voice' : 'none';
    },
    /** Readies the clip a prompt would play, if it is a clip. */
    prefetch(prompt: PlannedPrompt | undefined): void {
      const source = prompt && sourceFor(prompt);
      if (source?.kind === 'clip') options.output.prefetch?.(source.url);
    },
    /** Clip URLs that failed to play this session. */
    failed: failed as ReadonlySet<string>,
  };
}

export type PromptPlayer = ReturnType<typeof makePromptPlayer>;
