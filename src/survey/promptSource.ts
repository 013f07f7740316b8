/**
 * Which sound speaks a prompt, in the order the agencies asked for: a clip recorded for
 * this organisation (media index), a clip the survey itself names, a clip shipped with the
 * app, the device's own speech synthesis; else silence, which staff are told about before
 * a survey starts. A clip counts only if it speaks the text on screen (its text hash).
 */
import { clipSlot, type MediaClip } from './mediaIndex.ts';
import { promptTextHash } from './prompts.ts';

export interface PromptRequest {
  key: string;
  /** The language of the text shown (after any fallback): the sound must speak the same. */
  language: string;
  text: string;
  /** Clip URL the survey definition names for this language (schema `audio`), if any. */
  surveyClipUrl?: string | undefined;
}

export interface PromptSources {
  /** The organisation's recorded clips (bundle.media), by clipSlot. */
  recorded: ReadonlyMap<string, MediaClip>;
  /** The app's shipped clips (/audio/index.json), by clipSlot. */
  shipped: ReadonlyMap<string, MediaClip>;
  /** Whether the device has a speech-synthesis voice for a language. */
  hasVoice: (language: string) => boolean;
  /** Clip URLs that failed to play here (corrupt, unsupported): skipped from then on. */
  failed?: ReadonlySet<string>;
}

export type PromptSource =
  | { kind: 'clip'; url: string; origin: 'recorded' | 'survey' | 'shipped'; clip?: MediaClip }
  | { kind: 'speech'; language: string; text: string }
  | { kind: 'none'; staleRecording: boolean };

export function selectPromptSource(request: PromptRequest, sources: PromptSources): PromptSource {
  const slot = clipSlot(request.key, request.language);
  const hash = promptTextHash(request.text);
  const playable = (clip: MediaClip | undefined): clip is MediaClip => clip !== undefined && clip.textHash === hash && !sources.failed?.has(clip.url);
  const recorded = sources.recorded.get(slot);
  if (playable(recorded)) return { kind: 'clip', url: recorded.url, origin: recorded.origin === 'synthetic' ? 'shipped' : 'recorded', clip: recorded };
  if (request.surveyClipUrl && !sources.failed?.has(request.surveyClipUrl)) return { kind: 'clip', url: request.surveyClipUrl, origin: 'survey' };
  const shipped = sources.shipped.get(slot);
  if (playable(shipped)) return { kind: 'clip', url: shipped.url, origin: 'shipped', clip: shipped };
  if (request.text.trim() && sources.hasVoice(request.language)) return { kind: 'speech', language: request.language, text: request.text };
  return { kind: 'none', staleRecording: isStale(recorded, hash) };
}

/** A recording exists for the slot, but of another wording. */
export const isStale = (recorded: MediaClip | undefined, hash: string) => recorded !== undefined && recorded.textHash !== hash;

/** Languages a voice list covers, by primary subtag ("fr-BE" speaks "fr"). */
export function voiceLanguages(voices: ReadonlyArray<{ lang: string }>): Set<string> {
  return new Set(voices.map((voice) => voice.lang.toLowerCase().split(/[-_]/)[0]!).filter(Boolean));
}
