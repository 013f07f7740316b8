import { createSignal } from 'solid-js';
import { TabletPinFields } from '../../ui/TabletPinFields.tsx';
import type { DeviceStore } from '../../device/deviceStore.ts';
import type { EnrollmentRecord } from '../../device/enrollmentRecord.ts';
import { t } from '../../i18n/i18n.ts';
import { unlockStaffScreens, type UnlockOutcome } from './unlockStaffScreens.ts';

const message = (outcome: Exclude<UnlockOutcome, { ok: true }>): string => {
  switch (outcome.reason) {
    case 'wrong':
      return t('staff:unlock.wrongAttempts', { attemptsLeft: outcome.attemptsLeft });
    case 'locked':
      return t('staff:unlock.locked', { minutes: outcome.minutes });
    case 'no-verifiers':
      return t('staff:unlock.noPersonalPins');
    case 'bad-number':
      return t('staff:unlock.badNumber');
  }
};

/**
 * The PIN gate in front of the staff screens: the device PIN, or a staff member's tablet
 * number and personal PIN. Five wrong PINs in a row, either kind, lock entry on the tablet.
 */
export function UnlockForm(props: { store: DeviceStore; enrollment: EnrollmentRecord; onUnlocked: () => void }) {
  const [error, setError] = createSignal('');
  const [checking, setChecking] = createSignal(false);
  let number!: HTMLInputElement;
  let pin!: HTMLInputElement;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (checking()) return;
    setChecking(true);
    try {
      const outcome = await unlockStaffScreens(props.store, props.enrollment, { number: number.value, pin: pin.value });
      if (outcome.ok) return props.onUnlocked();
      pin.value = '';
      setError(message(outcome));
    } finally {
      setChecking(false);
    }
  };

  return (
    <form class="staff-form" onSubmit={submit}>
      <h2>{t('staff:unlock.title')}</h2>
      <p class="staff-hint">{t('staff:unlock.hint')}</p>
      <TabletPinFields
        numberLabel={t('staff:unlock.number')}
        pinLabel={t('staff:unlock.pin')}
        numberRequired={false}
        error={error()}
        numberRef={(input) => (number = input)}
        pinRef={(input) => (pin = input)}
      />
      <button type="submit" class="big-button big-button--primary" disabled={checking()}>
        {t('staff:unlock.submit')}
      </button>
    </form>
  );
}
