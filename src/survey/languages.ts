/** The sixteen launch languages (PRODUCT.md), with their own names and scripts. */
export const LAUNCH_LANGUAGES = [
  'en', 'fr', 'nl', 'de', 'it', 'pl', 'es', 'ru',
  'uk', 'tr', 'ar', 'fa', 'ps', 'ckb', 'ti', 'so',
] as const;

export type LaunchLanguage = (typeof LAUNCH_LANGUAGES)[number];

export interface LanguageInfo {
  code: string;
  /** The language's name in itself (an autonym): what a resident recognises. */
  nativeName: string;
  /** English name, for staff screens and mediators. */
  englishName: string;
  dir: 'ltr' | 'rtl';
  /** A few letters of the language's script, shown as a flag-free symbol. */
  scriptSample: string;
}

const INFO: Record<LaunchLanguage, Omit<LanguageInfo, 'code'>> = {
  en: { nativeName: 'English', englishName: 'English', dir: 'ltr', scriptSample: 'Aa' },
  fr: { nativeName: 'Français', englishName: 'French', dir: 'ltr', scriptSample: 'Éé' },
  nl: { nativeName: 'Nederlands', englishName: 'Dutch', dir: 'ltr', scriptSample: 'IJ' },
  de: { nativeName: 'Deutsch', englishName: 'German', dir: 'ltr', scriptSample: 'Ää' },
  it: { nativeName: 'Italiano', englishName: 'Italian', dir: 'ltr', scriptSample: 'Àà' },
  pl: { nativeName: 'Polski', englishName: 'Polish', dir: 'ltr', scriptSample: 'Łł' },
  es: { nativeName: 'Español', englishName: 'Spanish', dir: 'ltr', scriptSample: 'Ññ' },
  ru: { nativeName: 'Русский', englishName: 'Russian', dir: 'ltr', scriptSample: 'Жж' },
  uk: { nativeName: 'Українська', englishName: 'Ukrainian', dir: 'ltr', scriptSample: 'Її' },
  tr: { nativeName: 'Türkçe', englishName: 'Turkish', dir: 'ltr', scriptSample: 'Ğğ' },
  ar: { nativeName: 'العربية', englishName: 'Arabic', dir: 'rtl', scriptSample: 'ع' },
  fa: { nativeName: 'فارسی / دری', englishName: 'Persian (Farsi, Dari)', dir: 'rtl', scriptSample: 'گ' },
  ps: { nativeName: 'پښتو', englishName: 'Pashto', dir: 'rtl', scriptSample: 'ښ' },
  ckb: { nativeName: 'کوردیی ناوەندی', englishName: 'Kurdish (Sorani)', dir: 'rtl', scriptSample: 'ڕ' },
  ti: { nativeName: 'ትግርኛ', englishName: 'Tigrinya', dir: 'ltr', scriptSample: 'ት' },
  so: { nativeName: 'Soomaali', englishName: 'Somali', dir: 'ltr', scriptSample: 'Dh' },
};

const RTL_PREFIXES = new Set(['ar', 'fa', 'ps', 'ckb', 'he', 'ur', 'prs', 'yi', 'dv', 'ug', 'sd']);

/** Facts about a language; unknown codes (from imported surveys) get neutral defaults. */
export function languageInfo(code: string): LanguageInfo {
  const known = (INFO as Record<string, Omit<LanguageInfo, 'code'> | undefined>)[code];
  if (known) return { code, ...known };
  const base = code.split('-')[0] ?? code;
  return {
    code,
    nativeName: code,
    englishName: code,
    dir: RTL_PREFIXES.has(base) ? 'rtl' : 'ltr',
    scriptSample: code.slice(0, 2),
  };
}

export function isLaunchLanguage(code: string): code is LaunchLanguage {
  return (LAUNCH_LANGUAGES as readonly string[]).includes(code);
}
