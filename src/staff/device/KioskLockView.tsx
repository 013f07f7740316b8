import { createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import type { KioskSafety } from '../../kiosk/lockdown/startKioskSafety.ts';

/**
 * The kiosk lock (the Kiosk tab, behind the PIN like every tab): on or off, and what the
 * browser allowed or refused of full screen and the screen wake lock. Leaving the kiosk
 * (turning the lock off, leaving full screen) is only possible here.
 */
export function KioskLockView(props: { safety: KioskSafety }) {
  const lock = props.safety.lock;
  const [status, setStatus] = createSignal(lock.status());
  onCleanup(lock.subscribe(setStatus));
  const [problem, setProblem] = createSignal('');

  const toggle = async () => {
    setProblem('');
    try {
      await props.safety.turnLock(!status().enabled);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  return (
    <section class="staff-status" aria-labelledby="kiosk-lock-title">
      <h2 id="kiosk-lock-title">{t('staff:kioskLock.title')}</h2>
      <p class="staff-hint">{t('staff:kioskLock.intro')}</p>
      <p role="status">
        <strong>{status().enabled ? t('staff:kioskLock.isOn') : t('staff:kioskLock.isOff')}</strong>
      </p>
      <ul class="staff-facts">
        <li>{t(`staff:kioskLock.fullscreen.${status().fullscreen}`, { reason: status().fullscreenRefusal ?? '' })}</li>
        <li>{t(`staff:kioskLock.wakeLock.${status().wakeLock}`, { reason: status().wakeLockRefusal ?? '' })}</li>
      </ul>
      <Show when={problem()}>
        <p class="staff-error" role="alert">
          {t('staff:kioskLock.saveFailed', { reason: problem() })}
        </p>
      </Show>
      <div class="staff-actions">
        <button type="button" class="big-button big-button--primary" onClick={() => void toggle()}>
          {status().enabled ? t('staff:kioskLock.turnOff') : t('staff:kioskLock.turnOn')}
        </button>
        <Show when={status().enabled && status().fullscreen === 'on'}>
          <button type="button" class="big-button" onClick={() => void lock.pause()}>
            {t('staff:kioskLock.leaveFullscreen')}
          </button>
        </Show>
      </div>
      <p class="staff-hint">{t('staff:kioskLock.limits')}</p>
    </section>
  );
}
