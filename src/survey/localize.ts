import type { LocalizedText } from './schema.ts';

/** The text in `language`, else in the survey's default language, else any. */
export function localize(text: LocalizedText | undefined, language: string, fallback: string): string {
  if (!text) return '';
  return text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
