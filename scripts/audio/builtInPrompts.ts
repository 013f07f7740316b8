/**
 * Every prompt of the app's own screens and built-in surveys, with its text per language,
 * read from public/ exactly as the kiosk will show it. Node only (the clip generator and
 * its freshness test).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAUNCH_LANGUAGES, languageInfo } from '../../src/survey/languages.ts';
import { parseSurvey } from '../../src/survey/parseSurvey.ts';
import { appPrompts, surveyPrompts, translateFromBundles, type Prompt } from '../../src/survey/prompts.ts';

export function builtInPrompts(publicDir = 'public'): Prompt[] {
  const bundles = Object.fromEntries(LAUNCH_LANGUAGES.map((language) => [language, JSON.parse(readFileSync(join(publicDir, 'locales', language, 'kiosk.json'), 'utf8')) as unknown]));
  const translate = translateFromBundles(bundles);
  const { builtIn } = JSON.parse(readFileSync(join(publicDir, 'surveys', 'index.json'), 'utf8')) as { builtIn: string[] };
  const prompts = appPrompts(LAUNCH_LANGUAGES, translate, (language) => languageInfo(language).nativeName);
  for (const id of builtIn) {
    const parsed = parseSurvey(JSON.parse(readFileSync(join(publicDir, 'surveys', `${id}.json`), 'utf8')));
    if (!parsed.ok) throw new Error(`built-in survey ${id} is invalid`);
    prompts.push(...surveyPrompts(parsed.survey, translate));
  }
  // One prompt per key: two surveys may share a key only with the same text.
  const byKey = new Map<string, Prompt>();
  for (const prompt of prompts) byKey.set(prompt.key, { ...prompt, text: { ...byKey.get(prompt.key)?.text, ...prompt.text } });
  return [...byKey.values()];
}
