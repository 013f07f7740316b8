import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { createSignal } from 'solid-js';
import { expectedKeys } from './expectedKeys.ts';

/**
 * Every namespace of the app's words; the kiosk loads only its own, staff screens add theirs
 * when opened, and `paper` (a printed sheet's own words) loads only when a sheet is printed;
 * `authoring` and `waves` belong to their staff screens, `invitation` to answering by an invitation link.
 */
export const NAMESPACES = ['kiosk', 'staff', 'results', 'paper', 'authoring', 'waves', 'invitation'] as const;
const KIOSK_NAMESPACES = ['kiosk'];
export const FALLBACK_LANGUAGE = 'en';

/** Loads public/locales/<lng>/<ns>.json: one language at a time, only when it is chosen. */
const fetchBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    fetch(`/locales/${language}/${namespace}.json`)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status} for ${language}/${namespace}`);
        return response.json();
      })
      .then((data) => callback(null, data), (error: Error) => callback(error, false));
  },
};

const [revision, setRevision] = createSignal(0);
const [missingKeys, setMissingKeys] = createSignal<Record<string, string[]>>({});

/** Keys the given language lacks (and shows in English), for the staff notice. */
export { missingKeys };

function flattenKeys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flattenKeys(v, prefix ? `${prefix}.${k}` : k));
}

/** Compares a loaded language with English and remembers what it lacks. */
function auditLanguage(language: string): void {
  if (language === FALLBACK_LANGUAGE) return;
  const gaps: string[] = [];
  for (const ns of NAMESPACES) {
    const reference = i18next.getResourceBundle(FALLBACK_LANGUAGE, ns) as unknown;
    if (!reference || !i18next.hasLoadedNamespace(ns, { lng: language })) continue;
    const bundle = i18next.getResourceBundle(language, ns) as unknown;
    const have = new Set(bundle ? flattenKeys(bundle) : []);
    // Plural keys follow the language's own forms (ru hidden_few, ar hidden_zero), not English's _one/_other.
    for (const key of expectedKeys(flattenKeys(reference), language)) if (!have.has(key)) gaps.push(`${ns}:${key}`);
  }
  setMissingKeys((current) => ({ ...current, [language]: gaps }));
}

export async function initI18n(language: string): Promise<void> {
  await i18next.use(fetchBackend).init({
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    ns: KIOSK_NAMESPACES,
    defaultNS: 'kiosk',
    load: 'currentOnly',
    // Solid escapes text it renders; escaping here would show entities to people.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  auditLanguage(language);
  setRevision((n) => n + 1);
}

/** Switches the app's own words (and loads that language on first use). */
export async function changeLanguage(language: string): Promise<void> {
  await i18next.changeLanguage(language);
  auditLanguage(language);
  setRevision((n) => n + 1);
}

/** Loads another namespace (staff screens) in the current language and English. */
export async function loadNamespace(namespace: (typeof NAMESPACES)[number]): Promise<void> {
  await i18next.loadNamespaces(namespace);
  auditLanguage(i18next.language);
  setRevision((n) => n + 1);
}

/** Reactive translate: components re-render when the language changes. */
export function t(key: string, options?: Record<string, unknown>): string {
  revision();
  return i18next.t(key, options ?? {}) as string;
}

export function currentLanguage(): string {
  revision();
  return i18next.language ?? FALLBACK_LANGUAGE;
}

/**
 * The app's words in another language than the current one (mediator mode shows the
 * mediator's language beside the respondent's): loads that language's kiosk words once.
 */
export async function loadSecondLanguage(language: string): Promise<void> {
  await i18next.loadLanguages(language);
  setRevision((n) => n + 1);
}

/** Reactive translate in a fixed language (loaded with loadSecondLanguage first; falls back to English). */
export function tIn(language: string, key: string, options?: Record<string, unknown>): string {
  revision();
  return i18next.t(key, { ...(options ?? {}), lng: language }) as string;
}
