import { createSignal, Show } from 'solid-js';
import type { DeviceStore } from '../../device/deviceStore.ts';
import { verifyDevicePin, type EnrollmentRecord } from '../../device/enrollmentRecord.ts';
import { t } from '../../i18n/i18n.ts';

const MAX_ATTEMPTS = 5;
const LOCK_MINUTES = 5;
const LOCK_KEY = 'pinLock';

/** The device PIN gate in front of the staff screens; five wrong PINs lock it for five minutes. */
export function UnlockForm(props: { store: DeviceStore; enrollment: EnrollmentRecord; onUnlocked: () => void }) {
  const [error, setError] = createSignal('');
  let pin!: HTMLInputElement;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const lock = (await props.store.getSetting<{ failures: number; until?: string }>(LOCK_KEY)) ?? { failures: 0 };
    if (lock.until && lock.until > new Date().toISOString()) {
      return setError(t('staff:unlock.locked', { minutes: Math.ceil((Date.parse(lock.until) - Date.now()) / 60_000) }));
    }
    if (await verifyDevicePin(pin.value, props.enrollment.pin)) {
      await props.store.setSetting(LOCK_KEY, { failures: 0 });
      props.onUnlocked();
      return;
    }
    const failures = lock.failures + 1;
    const until = failures >= MAX_ATTEMPTS ? new Date(Date.now() + LOCK_MINUTES * 60_000).toISOString() : undefined;
    await props.store.setSetting(LOCK_KEY, { failures: until ? 0 : failures, ...(until ? { until } : {}) });
    pin.value = '';
    setError(until ? t('staff:unlock.locked', { minutes: LOCK_MINUTES }) : t('staff:unlock.wrong'));
  };

  return (
    <form class="staff-form" onSubmit={submit}>
      <h2>{t('staff:unlock.title')}</h2>
      <label>
        {t('staff:unlock.pin')}
        <input ref={pin} name="pin" type="password" inputMode="numeric" autocomplete="off" required />
      </label>
      <Show when={error()}>
        <p class="staff-error" role="alert">
          {error()}
        </p>
      </Show>
      <button type="submit" class="big-button big-button--primary">
        {t('staff:unlock.submit')}
      </button>
    </form>
  );
}
