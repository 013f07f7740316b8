import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkForPublishing } from '../../survey/checkForPublishing.ts';
import { describeProblems } from '../../survey/parseSurvey.ts';
import type { LocalizedText, SurveyAudience, SurveyDefinition } from '../../survey/schema.ts';
import { listQuestions } from '../../survey/walkItems.ts';

/**
 * The template library: the six questionnaires of PRODUCT.md. Four are also built-in
 * surveys every organisation gets (public/surveys, published at start); the two short ones
 * (a service desk's smiley, a three-question quick check) are templates only, kept beside
 * this file so that they are neither published to every organisation nor precached by tablets.
 */
export const TEMPLATE_IDS = [
  'resident-satisfaction', 'children-satisfaction', 'centre-satisfaction', 'monitoring-visit', 'service-desk-smiley', 'quick-check',
] as const;

const TEMPLATES_ONLY = new Set<string>(['service-desk-smiley', 'quick-check']);
const OWN_DIR = fileURLToPath(new URL('./templates/', import.meta.url));

export interface TemplateSummary {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  languages: string[];
  questions: number;
  audience: SurveyAudience;
}

export function templateFile(id: string, surveysDir = 'public/surveys'): string {
  return TEMPLATES_ONLY.has(id) ? join(OWN_DIR, `${id}.json`) : join(surveysDir, `${id}.json`);
}

const cache = new Map<string, SurveyDefinition>();

/** A template's definition (read once; they ship with the server), or undefined for an unknown id. */
export function loadTemplate(id: string, surveysDir = 'public/surveys'): SurveyDefinition | undefined {
  if (!(TEMPLATE_IDS as readonly string[]).includes(id)) return undefined;
  const file = templateFile(id, surveysDir);
  const cached = cache.get(file);
  if (cached) return cached;
  const parsed = checkForPublishing(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`template ${id} has errors:\n${describeProblems(parsed.problems)}`);
  cache.set(file, parsed.survey);
  return parsed.survey;
}

export function templateSummaries(surveysDir = 'public/surveys'): TemplateSummary[] {
  return TEMPLATE_IDS.map((id) => {
    const survey = loadTemplate(id, surveysDir)!;
    return {
      id, title: survey.title, description: survey.description ?? survey.title, languages: survey.languages,
      questions: listQuestions(survey.items).filter(({ question }) => question.kind !== 'info').length,
      audience: survey.audience ?? 'residents',
    };
  });
}
