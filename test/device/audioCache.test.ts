import { describe, expect, it } from 'vitest';
import { clipsForLanguage, planAudioCache } from '../../src/device/audioCache.ts';
import type { MediaClip, MediaIndex } from '../../src/survey/mediaIndex.ts';

const clip = (key: string, language: string, bytes: number, origin: MediaClip['origin'] = 'synthetic', textHash = '0123456789abcd'): MediaClip => ({
  key, language, bytes, origin, textHash, mime: 'audio/ogg', url: origin === 'recorded' ? `/api/v1/media/${key}-${language}` : `/audio/${language}/${key}.opus`,
});
const index = (...clips: MediaClip[]): MediaIndex => ({ clips });
const MB = 1024 * 1024;

describe('planAudioCache', () => {
  const shipped = index(clip('a', 'fr', 40 * MB), clip('b', 'fr', 10 * MB), clip('a', 'ar', 60 * MB), clip('a', 'ps', 30 * MB), clip('a', 'ti', 5 * MB));

  it('keeps languages in the facility\'s order until the budget is reached, and lists the rest as left out', () => {
    const plan = planAudioCache(['fr', 'ar', 'ps', 'ti'], index(), shipped, 120 * MB);
    expect(plan.included.map((l) => [l.language, l.bytes / MB])).toEqual([['fr', 50], ['ar', 60]]);
    // Pashto does not fit; Tigrinya would, but comes after it in the facility's order.
    expect(plan.leftOut.map((l) => [l.language, l.bytes / MB])).toEqual([['ps', 30], ['ti', 5]]);
  });

  it('follows the facility\'s order, not the index\'s', () => {
    const plan = planAudioCache(['ps', 'ar', 'fr'], index(), shipped, 100 * MB);
    expect(plan.included.map((l) => l.language)).toEqual(['ps', 'ar']);
    expect(plan.leftOut.map((l) => l.language)).toEqual(['fr']);
  });

  it('counts a recorded clip instead of the shipped one it replaces, and keeps a shipped clip a stale recording does not replace', () => {
    const recorded = index(clip('a', 'fr', 2 * MB, 'recorded'), clip('b', 'fr', 1 * MB, 'recorded', 'ffffffffffffff'));
    const urls = clipsForLanguage('fr', recorded, shipped).map((c) => c.url);
    expect(urls).toEqual(['/api/v1/media/a-fr', '/api/v1/media/b-fr', '/audio/fr/b.opus']);
  });

  it('caches nothing with a zero budget, and says every language was left out', () => {
    const plan = planAudioCache(['fr', 'ar'], index(), shipped, 0);
    expect(plan.included).toEqual([]);
    expect(plan.leftOut.map((l) => l.language)).toEqual(['fr', 'ar']);
  });
});
