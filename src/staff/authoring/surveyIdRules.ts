/** A survey id as the server takes it (docs/authoring-api.md): 2-63 lower-case letters, digits and "-", starting with a letter. */
export const SURVEY_ID_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;

export const isSurveyId = (id: string) => SURVEY_ID_PATTERN.test(id);

/** An id from a title or a file name: "Service desk (Vilnius).xlsx" → "service-desk-vilnius". */
export function surveyIdFrom(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.(xlsx|xls)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : '';
}

/** `base`, or `base-2`, `base-3`… : the first one no survey of the organisation uses. */
export function freeSurveyId(base: string, taken: ReadonlySet<string>): string {
  const start = (surveyIdFrom(base) || 'survey').slice(0, 58);
  if (!taken.has(start)) return start;
  for (let n = 2; ; n++) if (!taken.has(`${start}-${n}`)) return `${start}-${n}`;
}
