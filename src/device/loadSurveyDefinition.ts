import { parseSurvey, type DefinitionProblem } from '../survey/parseSurvey.ts';
import type { SurveyDefinition } from '../survey/schema.ts';

export type SurveyLoad =
  | { ok: true; survey: SurveyDefinition }
  | { ok: false; surveyId: string; reason: 'missing'; detail: string }
  | { ok: false; surveyId: string; reason: 'invalid'; problems: DefinitionProblem[] };

/**
 * Fetches a survey definition shipped with the app (public/surveys/<id>.json, precached
 * by the service worker) and checks it: a definition that breaks the schema is refused
 * with the path of every problem, never half-rendered.
 */
export async function loadSurveyDefinition(surveyId: string, fetcher: typeof fetch = fetch): Promise<SurveyLoad> {
  if (!/^[a-z][a-z0-9-]{1,62}$/.test(surveyId)) {
    return { ok: false, surveyId, reason: 'missing', detail: 'not a valid survey id' };
  }
  let json: unknown;
  try {
    const response = await fetcher(`/surveys/${surveyId}.json`);
    if (!response.ok) return { ok: false, surveyId, reason: 'missing', detail: `HTTP ${response.status}` };
    json = await response.json();
  } catch (error) {
    return { ok: false, surveyId, reason: 'missing', detail: (error as Error).message };
  }
  const parsed = parseSurvey(json);
  return parsed.ok ? parsed : { ok: false, surveyId, reason: 'invalid', problems: parsed.problems };
}
