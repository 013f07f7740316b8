import { describe, expect, it } from 'vitest';
import { clipSlot, indexClips, parseMediaIndex, type MediaClip } from '../../src/survey/mediaIndex.ts';
import { promptTextHash } from '../../src/survey/prompts.ts';
import { selectPromptSource, voiceLanguages, type PromptSources } from '../../src/survey/promptSource.ts';

const text = 'Are you satisfied with your room?';
const clip = (origin: MediaClip['origin'], url: string, forText = text): MediaClip => ({
  key: 'resident-satisfaction.room.satisfied', language: 'fr', url, mime: 'audio/webm', bytes: 10, textHash: promptTextHash(forText), origin,
});
const request = { key: 'resident-satisfaction.room.satisfied', language: 'fr', text };
const sources = (over: Partial<PromptSources> = {}): PromptSources => ({
  recorded: new Map(), shipped: new Map(), hasVoice: () => false, ...over,
});
const only = (c: MediaClip) => new Map([[clipSlot(c.key, c.language), c]]);

describe('selectPromptSource', () => {
  it('prefers a clip recorded for the organisation over the survey\'s own, the shipped one and the device voice', () => {
    const all = sources({ recorded: only(clip('recorded', '/api/v1/media/r')), shipped: only(clip('synthetic', '/audio/fr/x.opus')), hasVoice: () => true });
    expect(selectPromptSource({ ...request, surveyClipUrl: '/surveys/s.ogg' }, all)).toMatchObject({ kind: 'clip', origin: 'recorded', url: '/api/v1/media/r' });
  });

  it('falls back in order: survey clip, shipped clip, device voice, silence', () => {
    const shipped = only(clip('synthetic', '/audio/fr/x.opus'));
    expect(selectPromptSource({ ...request, surveyClipUrl: '/surveys/s.ogg' }, sources({ shipped }))).toMatchObject({ kind: 'clip', origin: 'survey' });
    expect(selectPromptSource(request, sources({ shipped, hasVoice: () => true }))).toMatchObject({ kind: 'clip', origin: 'shipped', url: '/audio/fr/x.opus' });
    expect(selectPromptSource(request, sources({ hasVoice: (language) => language === 'fr' }))).toEqual({ kind: 'speech', language: 'fr', text });
    expect(selectPromptSource(request, sources())).toEqual({ kind: 'none', staleRecording: false });
  });

  it('never plays a clip of another wording: a changed question speaks through the next source', () => {
    const old = only(clip('recorded', '/api/v1/media/old', 'Is your room good?'));
    const shipped = only(clip('synthetic', '/audio/fr/x.opus'));
    expect(selectPromptSource(request, sources({ recorded: old, shipped }))).toMatchObject({ kind: 'clip', origin: 'shipped' });
    expect(selectPromptSource(request, sources({ recorded: old }))).toEqual({ kind: 'none', staleRecording: true });
  });

  it('matches wording up to spaces, and only in the language of the text shown', () => {
    const recorded = only(clip('recorded', '/api/v1/media/r'));
    expect(selectPromptSource({ ...request, text: ` ${text.replace(' ', '  ')} ` }, sources({ recorded }))).toMatchObject({ kind: 'clip' });
    expect(selectPromptSource({ ...request, language: 'ar' }, sources({ recorded }))).toMatchObject({ kind: 'none' });
  });

  it('skips clips that failed to play on this tablet', () => {
    const recorded = only(clip('recorded', '/api/v1/media/r'));
    const shipped = only(clip('synthetic', '/audio/fr/x.opus'));
    const failed = new Set(['/api/v1/media/r', '/surveys/s.ogg']);
    expect(selectPromptSource({ ...request, surveyClipUrl: '/surveys/s.ogg' }, sources({ recorded, shipped, failed }))).toMatchObject({ kind: 'clip', origin: 'shipped' });
  });

  it('a synthetic clip in the organisation\'s index counts as shipped, not recorded', () => {
    expect(selectPromptSource(request, sources({ recorded: only(clip('synthetic', '/audio/fr/y.opus')) }))).toMatchObject({ origin: 'shipped' });
  });
});

describe('voiceLanguages', () => {
  it('reads primary language subtags of the device voices', () => {
    expect([...voiceLanguages([{ lang: 'fr-BE' }, { lang: 'en_US' }, { lang: 'AR' }])].sort()).toEqual(['ar', 'en', 'fr']);
  });
});

describe('parseMediaIndex', () => {
  it('keeps the good clips of an index with a malformed one, and says how many were dropped', () => {
    const good = clip('recorded', '/api/v1/media/r');
    const parsed = parseMediaIndex({ clips: [good, { ...good, url: 'javascript:alert(1)' }] });
    expect(parsed.index.clips).toEqual([good]);
    expect(parsed.problem).toMatch(/^1 of 2 clips/);
    expect(indexClips(parsed.index).get(clipSlot(good.key, 'fr'))).toEqual(good);
  });

  it('treats a missing index as empty', () => {
    expect(parseMediaIndex(undefined)).toEqual({ index: { clips: [] } });
  });
});
