import { createEffect, createResource, createSignal, For, lazy, Match, onCleanup, Show, Suspense, Switch, untrack } from 'solid-js';
import { getEnrollment, type EnrollmentRecord } from '../../device/enrollmentRecord.ts';
import { loadNamespace, t } from '../../i18n/i18n.ts';
import type { KioskSafety } from '../../kiosk/lockdown/startKioskSafety.ts';
import { Pictogram } from '../../ui/Pictogram.tsx';
import type { DeviceServices } from './deviceServices.ts';
import { EnrollForm } from './EnrollForm.tsx';
import { SyncStatusView } from './SyncStatusView.tsx';
import { CoverageView } from './CoverageView.tsx';
import { KioskLockView } from './KioskLockView.tsx';
import { UnlockForm } from './UnlockForm.tsx';
import './staff.css';

// The kiosk's audio settings (their own file) load when their tab first opens.
const AudioSettingsView = lazy(() => import('./AudioSettingsView.tsx'));

type PanelTab = 'sync' | 'audio' | 'audioSettings' | 'kiosk';
const tabLabel = (name: PanelTab) => (name === 'kiosk' ? t('staff:kioskLock.tab') : t(`staff:recorder.tabs.${name}`));

/**
 * The tablet's staff screens (a lazy chunk the kiosk loads only when staff open it):
 * enrollment the first time, then behind the device PIN, tabs: the sync status and
 * quarantine, audio coverage and recording, the kiosk's audio settings, and the kiosk lock.
 */
export default function DevicePanel(props: { services: DeviceServices; onClose: () => void }) {
  const TABS: readonly PanelTab[] = ['sync', 'audio', 'audioSettings', ...(props.services.kioskSafety ? (['kiosk'] as const) : [])];
  const [unlocked, setUnlocked] = createSignal(false);
  // A revoked tablet is enrolled again behind the PIN; its unsent answers stay and keep their signatures.
  const [reenrolling, setReenrolling] = createSignal(false);
  const [tab, setTab] = createSignal<PanelTab>('sync');
  // The lock loads with its tab; staff who left full screen here get it asked for again once they close the panel.
  const [kioskSafety, setKioskSafety] = createSignal<KioskSafety>();
  createEffect(() => {
    if (tab() === 'kiosk' && !untrack(kioskSafety)) void props.services.kioskSafety?.().then(setKioskSafety, () => undefined);
  });
  onCleanup(() => kioskSafety()?.lock.resume());
  const [state, { mutate }] = createResource(async () => {
    await loadNamespace('staff');
    const store = await props.services.store();
    return { store, enrollment: await getEnrollment(store) };
  });
  const enrolled = (record: EnrollmentRecord) => {
    const current = state();
    if (current) mutate({ ...current, enrollment: record });
    setReenrolling(false);
    setUnlocked(true);
  };

  return (
    <main class="screen screen--staff-panel">
      <header class="staff-header">
        <h1 class="screen__title">
          <Pictogram name="staff-only" class="pictogram--title" />
          {t('staff:title')}
        </h1>
        <button type="button" class="nav-button" onClick={() => props.onClose()}>
          <Pictogram name="back" mirrorInRtl class="pictogram--inline" />
          {t('staff:backToKiosk')}
        </button>
      </header>
      <Show when={!window.isSecureContext}>
        <p class="staff-error" role="alert">
          {t('staff:insecure')}
        </p>
      </Show>
      <Show when={state()}>
        {(s) => (
          <Switch>
            <Match when={!s().enrollment || (unlocked() && reenrolling())}>
              <EnrollForm services={props.services} onEnrolled={enrolled} />
            </Match>
            <Match when={!unlocked()}>
              <UnlockForm store={s().store} enrollment={s().enrollment!} onUnlocked={() => setUnlocked(true)} />
            </Match>
            <Match when={unlocked()}>
              <div class="staff-tabs" role="tablist" aria-label={t('staff:recorder.tabs.label')}>
                <For each={TABS}>
                  {(name) => (
                    <button
                      type="button"
                      role="tab"
                      id={`staff-tab-${name}`}
                      aria-selected={tab() === name}
                      aria-controls="staff-tab-panel"
                      tabIndex={tab() === name ? 0 : -1}
                      class="staff-tab"
                      onClick={() => setTab(name)}
                      onKeyDown={(event) => {
                        // WAI-ARIA tabs pattern: arrow keys move between tabs.
                        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                        if (!step) return;
                        const rtl = document.documentElement.dir === 'rtl' ? -1 : 1;
                        const next = TABS[(TABS.indexOf(name) + step * rtl + TABS.length) % TABS.length]!;
                        setTab(next);
                        document.getElementById(`staff-tab-${next}`)?.focus();
                      }}
                    >
                      {tabLabel(name)}
                    </button>
                  )}
                </For>
              </div>
              <div id="staff-tab-panel" role="tabpanel" aria-labelledby={`staff-tab-${tab()}`}>
                <Switch>
                  <Match when={tab() === 'sync'}>
                    <SyncStatusView store={s().store} enrollment={s().enrollment!} api={props.services.api} syncNow={props.services.syncNow} onReenroll={() => setReenrolling(true)} />
                  </Match>
                  <Match when={tab() === 'audio'}>
                    <CoverageView store={s().store} syncNow={props.services.syncNow} />
                  </Match>
                  <Match when={tab() === 'audioSettings'}>
                    <Suspense>
                      <AudioSettingsView store={s().store} />
                    </Suspense>
                  </Match>
                  <Match when={tab() === 'kiosk' && kioskSafety()}>
                    {(safety) => <KioskLockView safety={safety()} />}
                  </Match>
                </Switch>
              </div>
            </Match>
          </Switch>
        )}
      </Show>
    </main>
  );
}
