import { readFileSync } from 'node:fs';
import { parseSurvey } from '../../../src/survey/parseSurvey.ts';
import type { SurveyDefinition } from '../../../src/survey/schema.ts';

/** A built-in survey as the app ships it (public/surveys). */
export function loadBuiltInSurvey(id: string): SurveyDefinition {
  const parsed = parseSurvey(JSON.parse(readFileSync(`public/surveys/${id}.json`, 'utf8')));
  if (!parsed.ok) throw new Error(`built-in survey ${id} is invalid`);
  return parsed.survey;
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The app's own words in a language, read from public/locales, with {{placeholders}} filled. */
export function loadLocale(language: string, namespace = 'kiosk'): Translate {
  const bundle = JSON.parse(readFileSync(`public/locales/${language}/${namespace}.json`, 'utf8')) as Record<string, unknown>;
  return (key, vars = {}) => {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], bundle);
    if (typeof value !== 'string') throw new Error(`no string ${namespace}:${key} in ${language}`);
    return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
  };
}
