import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { getEnrollment, type EnrollmentRecord } from '../../device/enrollmentRecord.ts';
import { loadNamespace, t } from '../../i18n/i18n.ts';
import { Pictogram } from '../../ui/Pictogram.tsx';
import type { DeviceServices } from './deviceServices.ts';
import { EnrollForm } from './EnrollForm.tsx';
import { SyncStatusView } from './SyncStatusView.tsx';
import { UnlockForm } from './UnlockForm.tsx';
import './staff.css';

/**
 * The tablet's staff screens (a lazy chunk the kiosk loads only when staff open it):
 * enrollment the first time, then behind the device PIN, the sync status and quarantine.
 */
export default function DevicePanel(props: { services: DeviceServices; onClose: () => void }) {
  const [unlocked, setUnlocked] = createSignal(false);
  // A revoked tablet is enrolled again behind the PIN; its unsent answers stay and keep their signatures.
  const [reenrolling, setReenrolling] = createSignal(false);
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
              <SyncStatusView store={s().store} enrollment={s().enrollment!} api={props.services.api} syncNow={props.services.syncNow} onReenroll={() => setReenrolling(true)} />
            </Match>
          </Switch>
        )}
      </Show>
    </main>
  );
}
