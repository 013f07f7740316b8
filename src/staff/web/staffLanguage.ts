import { changeLanguage, initI18n, loadNamespace } from '../../i18n/i18n.ts';
import { LAUNCH_LANGUAGES, languageInfo, type LaunchLanguage } from '../../survey/languages.ts';

// Not isLaunchLanguage: a helper only staff use would be bundled into the kiosk's chunk, where languages.ts lives.
const isLaunchLanguage = (code: string): code is LaunchLanguage => (LAUNCH_LANGUAGES as readonly string[]).includes(code);

const STORAGE_KEY = 'sayso.staff.language';

/** The results screens' words (public/locales/<lng>/results.json). */
const RESULTS_NAMESPACE = 'results';

/** The language the staff member chose last on this browser, else ?lang=, else the browser's own if Sayso has it. */
export function initialStaffLanguage(search: URLSearchParams): LaunchLanguage {
  const fromUrl = search.get('lang') ?? '';
  if (isLaunchLanguage(fromUrl)) return fromUrl;
  let stored = '';
  try {
    stored = localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    // storage blocked: use the browser's language
  }
  if (isLaunchLanguage(stored)) return stored;
  const browser = (navigator.language || 'en').split('-')[0] ?? 'en';
  return isLaunchLanguage(browser) ? browser : 'en';
}

function applyDirection(language: string) {
  document.documentElement.lang = language;
  // Right-to-left for ar, fa, ps, ckb: logical CSS properties mirror the layout (staffWeb.css).
  document.documentElement.dir = languageInfo(language).dir;
}

export async function startStaffLanguage(language: string): Promise<void> {
  await initI18n(language);
  await loadNamespace(RESULTS_NAMESPACE);
  applyDirection(language);
}

export async function switchStaffLanguage(language: string, remember = true): Promise<void> {
  await changeLanguage(language);
  await loadNamespace(RESULTS_NAMESPACE);
  applyDirection(language);
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // not remembered; still switched
    }
  }
}
