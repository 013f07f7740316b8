import { createResource, createSignal, For, Show } from 'solid-js';
import type { DeviceStore } from '../../device/deviceStore.ts';
import { getBundle, getSyncStatus, type EnrollmentRecord } from '../../device/enrollmentRecord.ts';
import { t } from '../../i18n/i18n.ts';

function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '?';
  return bytes > 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** What staff need to know about sending: counts and times, never a respondent's answers. */
export function SyncStatusView(props: { store: DeviceStore; enrollment: EnrollmentRecord; syncNow: () => Promise<void>; onReenroll: () => void }) {
  const [syncing, setSyncing] = createSignal(false);
  const [facts, { refetch }] = createResource(async () => {
    const [counts, status, quarantine, bundle, estimate] = await Promise.all([
      props.store.counts(),
      getSyncStatus(props.store),
      props.store.listQuarantine(),
      getBundle(props.store),
      navigator.storage?.estimate?.().catch(() => undefined),
    ]);
    const facility = (bundle?.bundle as { facility?: { name?: string } } | undefined)?.facility?.name ?? props.enrollment.facilityId;
    return { counts, status, quarantine, facility, estimate };
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
          </ul>
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
