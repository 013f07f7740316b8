/**
 * OWASP "CSV Injection": text a spreadsheet could take for a formula (starting with = + - @,
 * a tab or a carriage return, also after leading spaces; full-width forms too) gets a
 * leading single quote, so it is shown as text and never run.
 */
const FORMULA_START = /^[\t\r]|^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
