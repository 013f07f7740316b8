import { createSignal, Show } from 'solid-js';
import { hashDevicePin, saveEnrollment, type EnrollmentRecord } from '../../device/enrollmentRecord.ts';
import { t } from '../../i18n/i18n.ts';
import type { DeviceServices } from './deviceServices.ts';

/** Enrolls the tablet with a one-time code and sets the device PIN that guards these screens. */
export function EnrollForm(props: { services: DeviceServices; onEnrolled: (record: EnrollmentRecord) => void }) {
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  let code!: HTMLInputElement;
  let name!: HTMLInputElement;
  let pin!: HTMLInputElement;
  let pinAgain!: HTMLInputElement;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError('');
    if (!/^\d{6,}$/.test(pin.value)) return setError(t('staff:enroll.pinTooShort'));
    if (pin.value !== pinAgain.value) return setError(t('staff:enroll.pinMismatch'));
    setBusy(true);
    try {
      const result = await (await props.services.api()).enroll(code.value.trim(), name.value.trim());
      if (!result.ok) {
        setError(result.failure.kind === 'network' ? t('staff:enroll.offline') : t('staff:enroll.failed', { reason: result.failure.message }));
        return;
      }
      const record: EnrollmentRecord = { ...result.value, deviceName: name.value.trim(), enrolledAt: new Date().toISOString(), pin: await hashDevicePin(pin.value) };
      const store = await props.services.store();
      await saveEnrollment(store, record);
      // Keep this tablet's data: ask the browser not to evict it under storage pressure.
      await navigator.storage?.persist?.().catch(() => false);
      props.onEnrolled(record);
      void props.services.syncNow();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="staff-form" onSubmit={submit}>
      <h2>{t('staff:enroll.title')}</h2>
      <p>{t('staff:enroll.intro')}</p>
      <label>
        {t('staff:enroll.code')}
        <input ref={code} name="code" required autocomplete="off" autocapitalize="characters" spellcheck={false} />
      </label>
      <label>
        {t('staff:enroll.name')}
        <input ref={name} name="name" required maxLength={100} placeholder={t('staff:enroll.namePlaceholder')} />
      </label>
      <label>
        {t('staff:enroll.pin')}
        <input ref={pin} name="pin" type="password" inputMode="numeric" autocomplete="new-password" required />
      </label>
      <label>
        {t('staff:enroll.pinAgain')}
        <input ref={pinAgain} name="pinAgain" type="password" inputMode="numeric" autocomplete="new-password" required />
      </label>
      <p class="staff-hint">{t('staff:enroll.pinHint')}</p>
      <Show when={error()}>
        <p class="staff-error" role="alert">
          {error()}
        </p>
      </Show>
      <button type="submit" class="big-button big-button--primary" disabled={busy()}>
        {busy() ? t('staff:enroll.busy') : t('staff:enroll.submit')}
      </button>
    </form>
  );
}
