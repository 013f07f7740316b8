/**
 * Audio coverage: for each language, which prompts will be heard and from what source.
 * Staff read it before a survey starts (a silent language is said then, not to a
 * respondent midway) and the recorder lists the gaps to fill.
 */
import type { Prompt } from './prompts.ts';
import { selectPromptSource, type PromptSources } from './promptSource.ts';

export type CoverageSource = 'recorded' | 'survey' | 'shipped' | 'voice' | 'none';

export interface PromptCoverage {
  key: string;
  context: Prompt['context'];
  text: string;
  source: CoverageSource;
  /** A recording exists but for an earlier wording: it is not played. */
  staleRecording: boolean;
}

export interface LanguageCoverage {
  language: string;
  total: number;
  counts: Record<CoverageSource, number>;
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
      rows.push({ key: prompt.key, context: prompt.context, text, source: kind, staleRecording: source.kind === 'none' && source.staleRecording });
    }
    return { language, total: rows.length, counts, silent: rows.filter((row) => row.source === 'none'), prompts: rows };
  });
}
