/**
 * XLSForm language columns: `label::English (en)`, `label::English`, `label::fr`, or a
 * plain `label` in the form's default language. English (and native) names of the launch
 * languages are known; a name alone that is not known is refused, naming the column.
 */
import { LAUNCH_LANGUAGES, languageInfo } from '../languages.ts';

const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Other names people write for launch languages (Kobo exports, older forms). */
const ALIASES: Record<string, string> = {
  persian: 'fa', farsi: 'fa', dari: 'fa', 'persian (farsi)': 'fa', 'persian (dari)': 'fa',
  kurdish: 'ckb', sorani: 'ckb', 'kurdish sorani': 'ckb', 'central kurdish': 'ckb', 'kurdish (central)': 'ckb',
  pushto: 'ps', 'flemish': 'nl', 'tigrigna': 'ti', 'tigrinya (ethiopic)': 'ti', castilian: 'es',
  'français': 'fr', francais: 'fr', deutsch: 'de', nederlands: 'nl', 'español': 'es', espanol: 'es',
};

const BY_NAME: ReadonlyMap<string, string> = (() => {
  const names = new Map<string, string>(Object.entries(ALIASES));
  for (const code of LAUNCH_LANGUAGES) {
    const info = languageInfo(code);
    names.set(info.englishName.toLowerCase(), code);
    names.set(info.nativeName.toLowerCase(), code);
  }
  return names;
})();

export type LanguageRead = { ok: true; code: string } | { ok: false; message: string };

/** "English (en)", "English", "en", "Deutsch (de)" → a language code. */
export function languageFromName(text: string): LanguageRead {
  const trimmed = text.trim();
  // No language name is this long; the cap also keeps the pattern below linear on untrusted headers.
  if (trimmed.length > 120) return { ok: false, message: `"${trimmed.slice(0, 40)}…" is not a language name` };
  const withCode = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(trimmed);
  if (withCode && LANGUAGE_CODE.test(withCode[2]!.trim())) return { ok: true, code: withCode[2]!.trim() };
  const known = BY_NAME.get(trimmed.toLowerCase());
  if (known) return { ok: true, code: known };
  if ((LAUNCH_LANGUAGES as readonly string[]).includes(trimmed)) return { ok: true, code: trimmed };
  return {
    ok: false,
    message: `the language "${trimmed}" is not known: add its two- or three-letter code in brackets after the name, as in "Swahili (sw)", or use the English name of a launch language`,
  };
}

/** The name an export writes: "English (en)", which ODK and Kobo read as language "English" with code "en". */
export function languageColumnName(code: string): string {
  const info = languageInfo(code);
  return `${info.englishName} (${code})`;
}

/** A column header split at its last "::": `label::English (en)` → {base: "label", language: "English (en)"}. */
export function splitLanguageColumn(header: string): { base: string; language?: string } {
  const at = header.lastIndexOf('::');
  if (at < 0) return { base: header };
  return { base: header.slice(0, at), language: header.slice(at + 2) };
}
