/** Why an export cannot be made, as the route answers it (docs/staff-api.md error shape). */
export interface ExportProblem {
  status: 400 | 404;
  code: 'invalid_query' | 'unknown_survey' | 'unknown_facility';
  message: string;
}

/** The export's language: `lang` when the survey has it, its default language when none is asked for. */
export function chooseLanguage(survey: { languages: string[]; defaultLanguage: string }, lang: string | null | undefined): string | ExportProblem {
  if (lang === undefined || lang === null || lang === '') return survey.defaultLanguage;
  if (survey.languages.includes(lang)) return lang;
  return { status: 400, code: 'invalid_query', message: `lang: the survey has no language "${lang.slice(0, 20)}" (it has ${survey.languages.join(', ')})` };
}
