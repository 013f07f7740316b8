/**
 * Audio coverage: for each language, which prompts will be heard and from what source.
 * Staff read it before a survey starts (a silent language is said then, not to a
 * respondent midway) and the recorder lists the gaps to fill.
 */
import { clipSlot } from './mediaIndex.ts';
import { promptTextHash, type Prompt } from './prompts.ts';
import { isStale, selectPromptSource, type PromptSources } from './promptSource.ts';

export type CoverageSource = 'recorded' | 'survey' | 'shipped' | 'voice' | 'none';

export interface PromptCoverage {
  key: string;
  context: Prompt['context'];
  text: string;
  source: CoverageSource;
  /**
   * A recording exists but for an earlier wording: it is not played, whatever plays
   * instead (a shipped clip or the device voice), so staff know to record it again.
   */
  staleRecording: boolean;
}

export interface LanguageCoverage {
  language: string;
  total: number;
  counts: Record<CoverageSource, number>;
  /** The device has a speech-synthesis voice for the language. */
  hasVoice: boolean;
  /** Some prompts will be silent: with no shipped clip and no voice, only recording fills them. */
  hasGaps: boolean;
  /** Prompts with no sound at all, first the ones a respondent meets first. */
  silent: PromptCoverage[];
  prompts: PromptCoverage[];
}

export function audioCoverage(
  prompts: readonly Prompt[],
  languages: readonly string[],
  sources: PromptSources,
  surveyClipUrl: (key: string, language: string) => string | undefined = () => undefined,
): LanguageCoverage[] {
  return languages.map((language) => {
    const counts: Record<CoverageSource, number> = { recorded: 0, survey: 0, shipped: 0, voice: 0, none: 0 };
    const rows: PromptCoverage[] = [];
    for (const prompt of prompts) {
      const text = prompt.text[language];
      if (!text) continue;
      const source = selectPromptSource({ key: prompt.key, language, text, surveyClipUrl: surveyClipUrl(prompt.key, language) }, sources);
      const kind: CoverageSource = source.kind === 'clip' ? source.origin : source.kind === 'speech' ? 'voice' : 'none';
      counts[kind]++;
      const staleRecording = isStale(sources.recorded.get(clipSlot(prompt.key, language)), promptTextHash(text));
      rows.push({ key: prompt.key, context: prompt.context, text, source: kind, staleRecording });
    }
    return { language, total: rows.length, counts, hasVoice: sources.hasVoice(language), hasGaps: counts.none > 0, silent: rows.filter((row) => row.source === 'none'), prompts: rows };
  });
}
