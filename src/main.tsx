import { render } from 'solid-js/web';
import { changeLanguage, initI18n } from './i18n/i18n.ts';
import { createKioskSession } from './kiosk/createKioskSession.ts';
import { KioskApp } from './kiosk/KioskApp.tsx';
import { LAUNCH_LANGUAGES } from './survey/languages.ts';
import './ui/fonts.css';
import './kiosk/kiosk.css';

const params = new URLSearchParams(location.search);
const previewSurvey = params.get('preview');
const deviceLanguage = params.get('lang') ?? 'en';
const surveyId = previewSurvey ?? params.get('survey') ?? 'resident-satisfaction';
/** Seconds without a touch before "Are you still there?" (default 90, 30 to 600). */
const idleParam = Number(params.get('idle'));
const idleTimeoutSeconds = Number.isInteger(idleParam) && idleParam >= 30 && idleParam <= 600 ? idleParam : 90;

// Storage, the survey checker and the service worker are loaded after the first paint:
// the attract screen needs none of them.
const device = () => import('./device/index.ts');

let serviceWorker: { atAttract: () => void } | undefined;

async function boot() {
  await initI18n(deviceLanguage);
  const session = createKioskSession({
    surveyId,
    deviceLanguage,
    openStore: async () => (await device()).openDeviceStore(),
    assertRoomToStore: async () => (await device()).assertRoomToStore(),
    loadSurvey: async (id) => (await import('./device/loadSurveyDefinition.ts')).loadSurveyDefinition(id),
    changeLanguage,
    ...(previewSurvey ? { preview: { language: deviceLanguage } } : {}),
  });
  const root = document.getElementById('app')!;
  render(
    () => (
      <KioskApp
        session={session}
        settings={{ idleTimeoutSeconds, idleWarningSeconds: 30, appLanguages: LAUNCH_LANGUAGES }}
        onAttract={() => serviceWorker?.atAttract()}
      />
    ),
    root,
  );
  setTimeout(async () => {
    const { registerServiceWorker } = await import('./device/registerServiceWorker.ts');
    serviceWorker = registerServiceWorker(() => session.screen() === 'attract');
  }, 0);
}

void boot();
