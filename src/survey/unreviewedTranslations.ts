import { languageInfo } from './languages.ts';
import type { TranslationStatus } from './schema.ts';

/** One piece of text (a survey, or a namespace of the app's words) in one language, not yet checked by a native speaker. */
export interface UnreviewedTranslation {
  kind: 'survey' | 'app';
  /** Survey id, or the i18next namespace. */
  name: string;
  language: string;
  languageName: string;
  status: Exclude<TranslationStatus, 'reviewed'>;
}

/**
 * Lists what still needs a native speaker's review, from surveys' translationStatus and
 * the app's public/locales/status.json. A language with no status counts as unreviewed.
 */
export function listUnreviewedTranslations(
  surveys: ReadonlyArray<{ id: string; languages: readonly string[]; translationStatus: Record<string, TranslationStatus> }>,
  appStatus: Record<string, Record<string, TranslationStatus>>,
): UnreviewedTranslation[] {
  const out: UnreviewedTranslation[] = [];
  const add = (kind: UnreviewedTranslation['kind'], name: string, language: string, status: TranslationStatus | undefined) => {
    if (status === 'reviewed') return;
    out.push({ kind, name, language, languageName: languageInfo(language).englishName, status: status ?? 'unreviewed' });
  };
  for (const survey of surveys) for (const lang of survey.languages) add('survey', survey.id, lang, survey.translationStatus[lang]);
  for (const [namespace, byLanguage] of Object.entries(appStatus)) {
    for (const [lang, status] of Object.entries(byLanguage)) add('app', namespace, lang, status);
  }
  return out;
}
