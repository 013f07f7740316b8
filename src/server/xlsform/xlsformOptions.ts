/** The options of an XLSForm check, as the HTTP query and the command line give them, checked alike. */

const SURVEY_ID = /^[a-z][a-z0-9-]{1,62}$/;
/** A BCP 47-like code: "en", "ckb", "pt-BR" (what a survey's languages are written as). */
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

export type XlsformOptionsRead =
  | { ok: true; options: { surveyId?: string; languages?: string[] } }
  | { ok: false; message: string };

export function xlsformOptions(input: { surveyId?: string; languages?: string }): XlsformOptionsRead {
  const options: { surveyId?: string; languages?: string[] } = {};
  if (input.surveyId !== undefined && input.surveyId !== '') {
    if (!SURVEY_ID.test(input.surveyId)) return { ok: false, message: 'the survey id must be 2-63 lower-case letters, digits and "-", starting with a letter (e.g. "resident-satisfaction")' };
    options.surveyId = input.surveyId;
  }
  if (input.languages !== undefined && input.languages !== '') {
    const languages = [...new Set(input.languages.split(',').map((code) => code.trim()).filter((code) => code !== ''))];
    const wrong = languages.find((code) => !LANGUAGE.test(code));
    if (wrong !== undefined) return { ok: false, message: `"${wrong.slice(0, 20)}" is not a language code: give codes such as en,fr,ar` };
    if (languages.length > 0) options.languages = languages;
  }
  return { ok: true, options };
}

/** The name the client sent (for the report only), cut to something safe to show: no path, no control characters. */
export function xlsformFileName(name: string | undefined): string {
  const cleaned = (name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').replace(/^.*[\\/]/, '').trim().slice(0, 200);
  return cleaned || 'upload.xlsx';
}
