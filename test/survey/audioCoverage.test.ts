import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { audioCoverage } from '../../src/survey/audioCoverage.ts';
import { languageInfo } from '../../src/survey/languages.ts';
import { clipSlot, type MediaClip } from '../../src/survey/mediaIndex.ts';
import { parseSurvey } from '../../src/survey/parseSurvey.ts';
import { appPrompts, promptTextHash, surveyPrompts, translateFromBundles, type Prompt } from '../../src/survey/prompts.ts';
import type { PromptSources } from '../../src/survey/promptSource.ts';

const prompts: Prompt[] = [
  { key: 'app.consent.title', context: 'screen', text: { fr: 'Avant de commencer', ps: 'مخکې له پیل' } },
  { key: 's.q1', context: 'question', text: { fr: 'Votre chambre vous convient ?', ps: 'ایا کوټه مو خوښه ده؟' } },
  { key: 's.q1.a', context: 'choice', text: { fr: 'Oui' } },
];
const clip = (key: string, language: string, origin: MediaClip['origin'], text: string): MediaClip => ({
  key, language, url: `/x/${key}-${language}-${origin}`, mime: 'audio/webm', bytes: 5, textHash: promptTextHash(text), origin,
});
const byslot = (...clips: MediaClip[]) => new Map(clips.map((c) => [clipSlot(c.key, c.language), c]));

describe('audio coverage per language', () => {
  it('counts prompts by the source that will speak them, and lists the silent ones', () => {
    const sources: PromptSources = {
      recorded: byslot(clip('s.q1', 'ps', 'recorded', 'ایا کوټه مو خوښه ده؟')),
      shipped: byslot(clip('app.consent.title', 'fr', 'synthetic', 'Avant de commencer')),
      hasVoice: (language) => language === 'fr',
    };
    const [fr, ps] = audioCoverage(prompts, ['fr', 'ps'], sources);
    expect(fr).toMatchObject({ language: 'fr', total: 3, counts: { recorded: 0, survey: 0, shipped: 1, voice: 2, none: 0 }, hasVoice: true, hasGaps: false, silent: [] });
    expect(ps).toMatchObject({ language: 'ps', total: 2, counts: { recorded: 1, survey: 0, shipped: 0, voice: 0, none: 1 }, hasVoice: false, hasGaps: true });
    expect(ps!.silent.map((row) => row.key)).toEqual(['app.consent.title']);
  });

  it('counts a clip the survey names for a prompt as "survey"', () => {
    const [ps] = audioCoverage(prompts, ['ps'], { recorded: new Map(), shipped: new Map(), hasVoice: () => false }, (key, language) => (key === 's.q1' && language === 'ps' ? '/surveys/q1-ps.ogg' : undefined));
    expect(ps!.counts).toMatchObject({ survey: 1, none: 1 });
  });

  it('reports a recording of an older wording as stale, even when a shipped clip or the device voice speaks instead', () => {
    const sources: PromptSources = {
      recorded: byslot(clip('s.q1', 'fr', 'recorded', 'Êtes-vous content de votre chambre ?'), clip('app.consent.title', 'fr', 'recorded', 'Avant de débuter')),
      shipped: byslot(clip('app.consent.title', 'fr', 'synthetic', 'Avant de commencer')),
      hasVoice: () => true,
    };
    const [fr] = audioCoverage(prompts, ['fr'], sources);
    expect(fr!.prompts.map((row) => [row.key, row.source, row.staleRecording])).toEqual([
      ['app.consent.title', 'shipped', true],
      ['s.q1', 'voice', true],
      ['s.q1.a', 'voice', false],
    ]);
  });

  it('shows Pashto, Sorani, Tigrinya and Somali of the resident survey as wholly silent on a tablet with no clips and no voice for them', () => {
    const parsed = parseSurvey(JSON.parse(readFileSync('public/surveys/resident-satisfaction.json', 'utf8')));
    if (!parsed.ok) throw new Error('built-in survey invalid');
    const survey = parsed.survey;
    const locales = Object.fromEntries(survey.languages.map((l) => [l, JSON.parse(readFileSync(`public/locales/${l}/kiosk.json`, 'utf8'))]));
    const translate = translateFromBundles(locales);
    const all = [...appPrompts(survey.languages, translate, (l) => languageInfo(l).nativeName), ...surveyPrompts(survey, translate)];
    const voices = new Set(['en', 'fr', 'de']);
    const coverage = audioCoverage(all, survey.languages, { recorded: new Map(), shipped: new Map(), hasVoice: (l) => voices.has(l) });
    const gaps = coverage.filter((c) => c.hasGaps && !c.hasVoice).map((c) => c.language);
    expect(gaps).toEqual(expect.arrayContaining(['ps', 'ckb', 'ti', 'so']));
    for (const language of ['ps', 'ckb', 'ti', 'so']) {
      const row = coverage.find((c) => c.language === language)!;
      expect(row.total).toBeGreaterThan(50);
      expect(row.counts.none).toBe(row.total);
    }
    expect(coverage.find((c) => c.language === 'fr')!.hasGaps).toBe(false);
  });
});
