/**
 * The media index: which audio clip speaks which prompt in which language. The device
 * bundle carries the organisation's recorded clips (`bundle.media`), the app ships its
 * synthetic ones (`/audio/index.json`); both have this shape. Clips live outside survey
 * versions, so recording one never makes a new version (ARCHITECTURE.md).
 */
import * as v from 'valibot';
import { LanguageCode, PromptKey } from './schema.ts';

export const CLIP_ORIGINS = ['recorded', 'synthetic'] as const;

export const MediaClipSchema = v.strictObject({
  key: PromptKey,
  language: LanguageCode,
  /** Same-origin URL of the bytes: /audio/… (shipped) or /api/v1/media/<id> (recorded). */
  url: v.pipe(v.string(), v.regex(/^\/[A-Za-z0-9/_.%-]+$/, 'must be a same-origin path')),
  mime: v.pipe(v.string(), v.regex(/^audio\/[a-z0-9.+-]+(;.*)?$/, 'must be an audio MIME type')),
  bytes: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** promptTextHash of the text the clip speaks. */
  textHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{14}$/)),
  /** recorded by a person, or synthetic (espeak-ng): a recorded clip always wins. */
  origin: v.picklist(CLIP_ORIGINS),
  durationMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  recordedAt: v.optional(v.string()),
});
export type MediaClip = v.InferOutput<typeof MediaClipSchema>;

export const MediaIndexSchema = v.strictObject({ clips: v.array(MediaClipSchema) });
export type MediaIndex = v.InferOutput<typeof MediaIndexSchema>;

export const EMPTY_MEDIA_INDEX: MediaIndex = { clips: [] };

export const clipSlot = (key: string, language: string) => `${key}\u0000${language}`;

/** Clips by prompt key and language; the last one listed for a slot wins. */
export function indexClips(index: MediaIndex | undefined): Map<string, MediaClip> {
  const map = new Map<string, MediaClip>();
  for (const clip of index?.clips ?? []) map.set(clipSlot(clip.key, clip.language), clip);
  return map;
}

/** Reads an index from untrusted JSON (a bundle, a cached file); a bad one is empty, with the reason. */
export function parseMediaIndex(value: unknown): { index: MediaIndex; problem?: string } {
  if (value === undefined || value === null) return { index: EMPTY_MEDIA_INDEX };
  const parsed = v.safeParse(MediaIndexSchema, value);
  if (parsed.success) return { index: parsed.output };
  // One bad clip must not silence the rest: keep the ones that parse.
  const clips = Array.isArray((value as { clips?: unknown }).clips) ? (value as { clips: unknown[] }).clips : [];
  const good = clips.flatMap((clip) => {
    const one = v.safeParse(MediaClipSchema, clip);
    return one.success ? [one.output] : [];
  });
  return { index: { clips: good }, problem: `${clips.length - good.length} of ${clips.length} clips in the media index are malformed: ${parsed.issues[0]?.message ?? 'invalid'}` };
}
