import { readFileSync } from 'node:fs';
import { LAUNCH_LANGUAGES } from '../../survey/languages.ts';
import type { LocalizedText } from '../../survey/schema.ts';

/** The app's own strings, as the kiosk and staff screens have them (public/locales/<lng>/<ns>.json). */
const LOCALES = new URL('../../../public/locales/', import.meta.url);

const namespaces = new Map<string, Map<string, Record<string, unknown>>>();

function load(namespace: string): Map<string, Record<string, unknown>> {
  let byLanguage = namespaces.get(namespace);
  if (!byLanguage) {
    byLanguage = new Map();
    for (const language of LAUNCH_LANGUAGES) {
      try {
        byLanguage.set(language, JSON.parse(readFileSync(new URL(`${language}/${namespace}.json`, LOCALES), 'utf8')) as Record<string, unknown>);
      } catch {
        // A language without this file simply has no text here; the others still do.
      }
    }
    namespaces.set(namespace, byLanguage);
  }
  return byLanguage;
}

/**
 * One app string in every language that has it, e.g. localeText('kiosk', 'answer.yes'),
 * with {{name}} placeholders filled in; undefined when no language has the key.
 */
export function localeText(namespace: string, key: string, values: Record<string, string> = {}): LocalizedText | undefined {
  // Reports ask for the same few strings thousands of times a request; the files do not change while the server runs.
  const cacheKey = `${namespace}\u0000${key}\u0000${Object.entries(values).flat().join('\u0000')}`;
  if (cache.has(cacheKey)) return cache.get(cacheKey);
  const text = lookUp(namespace, key, values);
  if (cache.size < 10_000) cache.set(cacheKey, text);
  return text;
}

const cache = new Map<string, Readonly<LocalizedText> | undefined>();

function lookUp(namespace: string, key: string, values: Record<string, string>): LocalizedText | undefined {
  const text: LocalizedText = {};
  for (const [language, strings] of load(namespace)) {
    let node: unknown = strings;
    for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node === 'string' && node.length > 0) text[language] = node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
  }
  return Object.keys(text).length ? text : undefined;
}
