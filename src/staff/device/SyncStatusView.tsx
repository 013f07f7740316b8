import { createResource, createSignal, For, Show } from 'solid-js';
import type { DeviceStore } from '../../device/deviceStore.ts';
import { getBundle, getSyncStatus, type EnrollmentRecord } from '../../device/enrollmentRecord.ts';
import { t } from '../../i18n/i18n.ts';
import { formatBytes } from '../../ui/formatBytes.ts';
import { LOW_FREE_BYTES } from '../../device/openDeviceStore.ts';


/** What staff need to know about sending: counts and times, never a respondent's answers. */
export function SyncStatusView(props: { store: DeviceStore; enrollment: EnrollmentRecord; syncNow: () => Promise<void>; onReenroll: () => void }) {
  const [syncing, setSyncing] = createSignal(false);
  const [facts, { refetch }] = createResource(async () => {
    const [counts, status, quarantine, bundle, estimate, persisted] = await Promise.all([
      props.store.counts(),
      getSyncStatus(props.store),
      props.store.listQuarantine(),
      getBundle(props.store),
      navigator.storage?.estimate?.().catch(() => undefined),
      navigator.storage?.persisted?.().catch(() => false) ?? Promise.resolve(false),
    ]);
    const facility = (bundle?.bundle as { facility?: { name?: string } } | undefined)?.facility?.name ?? props.enrollment.facilityId;
    const free = estimate?.quota !== undefined && estimate.usage !== undefined ? estimate.quota - estimate.usage : undefined;
    return { counts, status, quarantine, facility, estimate, persisted, free };
  });

  const syncNow = async () => {
    setSyncing(true);
    try {
      await props.syncNow();
    } finally {
      setSyncing(false);
      void refetch();
    }
  };

  const exportQuarantine = () => {
    const list = facts()?.quarantine ?? [];
    const blob = new Blob([JSON.stringify({ device: props.enrollment.enrollmentId, exportedAt: new Date().toISOString(), refused: list }, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `sayso-refused-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <Show when={facts()}>
      {(f) => (
        <section class="staff-status" aria-labelledby="sync-status-title">
          <h2 id="sync-status-title">{t('staff:status.title')}</h2>
          <p>{t('staff:status.device', { name: props.enrollment.deviceName })}</p>
          <p>{t('staff:status.facility', { facility: f().facility })}</p>
          <ul class="staff-facts">
            <li data-testid="pending">{t('staff:status.pending', { count: f().counts.outbox })}</li>
            <li>{t('staff:status.quarantined', { count: f().quarantine.length })}</li>
            <li>{t('staff:status.lastSuccess', { time: f().status.lastSuccessAt ? new Date(f().status.lastSuccessAt!).toLocaleString() : t('staff:status.never') })}</li>
            <Show when={f().status.lastError && f().status.lastAttemptAt !== f().status.lastSuccessAt}>
              <li class="staff-error">{t('staff:status.lastError', { error: f().status.lastError })}</li>
            </Show>
            <li>{t('staff:status.storage', { used: formatBytes(f().estimate?.usage), quota: formatBytes(f().estimate?.quota) })}</li>
            <li classList={{ 'staff-error': !f().persisted }}>{f().persisted ? t('staff:status.persisted') : t('staff:status.notPersisted')}</li>
          </ul>
          <Show when={f().free !== undefined && f().free! < LOW_FREE_BYTES}>
            <p class="staff-error" role="alert">
              {t('staff:status.lowStorage', { free: formatBytes(f().free) })}
            </p>
          </Show>
          <Show when={f().status.refused}>
            <p class="staff-error" role="alert">
              {t('staff:status.refused')}
            </p>
            <button type="button" class="big-button" onClick={() => props.onReenroll()}>
              {t('staff:enroll.title')}
            </button>
          </Show>
          <button type="button" class="big-button big-button--primary" disabled={syncing()} onClick={() => void syncNow()}>
            {syncing() ? t('staff:status.syncing') : t('staff:status.syncNow')}
          </button>
          <h2>{t('staff:quarantine.title')}</h2>
          <p>{t('staff:quarantine.intro')}</p>
          <Show when={f().quarantine.length > 0} fallback={<p>{t('staff:quarantine.empty')}</p>}>
            <ul class="staff-quarantine">
              <For each={f().quarantine}>
                {(item) => (
                  <li>
                    <code>{item.responseId}</code> {new Date(item.rejectedAt).toLocaleString()}: {t('staff:quarantine.reason', { code: item.code, message: item.message })}
                  </li>
                )}
              </For>
            </ul>
            <button type="button" class="big-button" onClick={exportQuarantine}>
              {t('staff:quarantine.export')}
            </button>
          </Show>
        </section>
      )}
    </Show>
  );
}
