import { facilityLanguages } from '../queries/audioSettings.ts';

/** A slip has room for the anonymity line in three languages. */
export const SLIP_LANGUAGES = 3;

/**
 * The languages an invitation slip speaks: the survey's languages the facility enables,
 * the survey's default language first, at most three.
 */
export function slipLanguages(survey: { defaultLanguage: string; languages: readonly string[] }, storedFacilityLanguages: string | null): string[] {
  const enabled = new Set<string>(facilityLanguages(storedFacilityLanguages));
  const ordered = [survey.defaultLanguage, ...survey.languages.filter((l) => l !== survey.defaultLanguage)];
  const both = ordered.filter((l) => enabled.has(l));
  return (both.length ? both : [survey.defaultLanguage]).slice(0, SLIP_LANGUAGES);
}
