import { render } from 'solid-js/web';
import { changeLanguage, initI18n } from './i18n/i18n.ts';
import { createKioskSession } from './kiosk/createKioskSession.ts';
import { KioskApp } from './kiosk/KioskApp.tsx';
import { createPromptAudio } from './kiosk/createPromptAudio.ts';
import type { DeviceStore } from './device/deviceStore.ts';
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

/** Runs `make` once, on first use; a failure is not remembered, so the next call tries again. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= make().catch((error: unknown) => {
      promise = undefined;
      throw error;
    });
    return promise;
  };
}

// Storage, sync, the survey checker and the service worker load after the first paint:
// the attract screen needs none of them.
const openStore = once<DeviceStore>(async () => (await import('./device/index.ts')).openDeviceStore());
const deviceApi = once(async () => (await import('./sync/deviceApi.ts')).makeDeviceApi());
/**
 * Fills the offline audio cache for the facility's languages (the device language when the
 * tablet is not enrolled), after the first paint and after each sync; never in the way
 * of a respondent, and a failure only shows in the staff status.
 */
const AUDIO_CACHE_DELAY_MS = 3000;
const cacheAudio = async () => {
  if (previewSurvey || !('caches' in window)) return;
  const [{ cacheKioskAudio }, store] = await Promise.all([import('./device/cacheKioskAudio.ts'), openStore()]);
  await cacheKioskAudio(store, deviceLanguage);
};

const startSync = once(async () => {
  const [{ makeSyncScheduler }, { runDeviceSync }, store, api] = await Promise.all([
    import('./sync/makeSyncScheduler.ts'),
    import('./sync/runDeviceSync.ts'),
    openStore(),
    deviceApi(),
  ]);
  const scheduler = makeSyncScheduler({
    runOnce: async () => {
      const outcome = await runDeviceSync(store, api);
      // A new bundle may enable other languages or bring new recordings.
      void cacheAudio().catch(() => undefined);
      return outcome;
    },
    locks: navigator.locks,
  });
  window.addEventListener('online', () => void scheduler.trigger());
  // Background Sync (where the browser has it) wakes the service worker, which asks the page to sync.
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type === 'SYNC_NOW') void scheduler.trigger();
  });
  void scheduler.trigger();
  return scheduler;
});
/** Sync only matters once the tablet is enrolled: an unenrolled kiosk never loads the sync code. */
const whenEnrolled = async (then: () => void) => {
  const [{ getEnrollment }, store] = await Promise.all([import('./device/index.ts'), openStore()]);
  if (await getEnrollment(store)) then();
};
const syncSoon = () =>
  void whenEnrolled(() => {
    startSync().then((s) => s.trigger(), () => undefined);
    // Where the browser has Background Sync, it wakes the worker when the network returns.
    void navigator.serviceWorker?.ready
      .then((registration) => (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register('sayso-outbox'))
      .catch(() => undefined);
  }).catch(() => undefined);

let serviceWorker: { atAttract: () => void } | undefined;

async function boot() {
  await initI18n(deviceLanguage);
  const audio = createPromptAudio({ openStore });
  const session = createKioskSession({
    surveyId,
    deviceLanguage,
    openStore,
    assertRoomToStore: async () => (await import('./device/index.ts')).assertRoomToStore(),
    loadSurvey: async (id) => {
      const store = previewSurvey ? undefined : await openStore().catch(() => undefined);
      return (await import('./device/loadSurveyForKiosk.ts')).loadSurveyForKiosk(id, store);
    },
    changeLanguage,
    sealingKey: async () => (await import('./device/index.ts')).bundleSealingKey(await openStore()),
    onResponseClosed: syncSoon,
    ...(previewSurvey ? { preview: { language: deviceLanguage } } : {}),
  });
  // Shared-tablet safety (history guard, kiosk lock) is not needed to paint: it loads with the
  // audio cache, or when staff open its tab. Its guard takes the screens out of the DOM when the page hides.
  const startSafety = once(async () =>
    (await import('./kiosk/lockdown/startKioskSafety.ts')).startKioskSafety({
      session,
      store: openStore,
      view: { hide: () => unmountKiosk(), show: () => void (unmountKiosk = mountKiosk()) },
    }),
  );
  const root = document.getElementById('app')!;
  const mountKiosk = () =>
    render(
      () => (
        <KioskApp
          session={session}
          settings={{ idleTimeoutSeconds, idleWarningSeconds: 30, appLanguages: LAUNCH_LANGUAGES }}
          onAttract={() => serviceWorker?.atAttract()}
          storageRoom={previewSurvey ? undefined : async () => (await import('./device/index.ts')).storageRoom()}
          audio={audio}
          staff={{
            store: openStore,
            api: deviceApi,
            syncNow: async () => (await startSync()).trigger(),
            kioskSafety: startSafety,
          }}
        />
      ),
      root,
    );
  let unmountKiosk = mountKiosk();
  setTimeout(async () => {
    const { registerServiceWorker } = await import('./device/registerServiceWorker.ts');
    serviceWorker = registerServiceWorker(() => session.screen() === 'attract');
    if (!previewSurvey) void whenEnrolled(() => void startSync().catch(() => undefined)).catch(() => undefined);
    // Clips are many small downloads: they wait until the first screen has finished its own.
    setTimeout(() => {
      void cacheAudio().catch(() => undefined);
      if (!previewSurvey) void startSafety().catch(() => undefined);
    }, AUDIO_CACHE_DELAY_MS);
  }, 0);
}

// Staff's web screens (/staff) are a chunk of their own: the kiosk never loads it, and it never starts the kiosk.
if (/^\/staff(\/|$)/.test(location.pathname)) void import('./staff/web/startStaffWeb.tsx').then((staff) => staff.startStaffWeb(document.getElementById('app')!));
// Answering by invitation (/i/<CODE>, a resident's phone): its own chunk, which reuses the kiosk's screens; the kiosk does not start.
else if (location.pathname.startsWith('/i/')) void import('./invitation/startInvitation.tsx').then((invitation) => invitation.startInvitation(document.getElementById('app')!, { createKioskSession }));
else void boot();
