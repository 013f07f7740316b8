import { createResource, createSignal, For, Show } from 'solid-js';
import type { DeviceStore } from '../../device/deviceStore.ts';
import { getBundle, getSyncStatus, type EnrollmentRecord } from '../../device/enrollmentRecord.ts';
import { t } from '../../i18n/i18n.ts';
import { formatBytes } from '../../ui/formatBytes.ts';
import type { DeviceApi } from '../../sync/deviceApi.ts';
import { LOW_FREE_BYTES } from '../../device/openDeviceStore.ts';


/** What staff need to know about sending: counts and times, never a respondent's answers. */
/** Offers a JSON document as a file download. */
function download(name: string, content: unknown) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(content, null, 2)], { type: 'application/json' }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function SyncStatusView(props: { store: DeviceStore; enrollment: EnrollmentRecord; api: () => Promise<DeviceApi>; syncNow: () => Promise<void>; onReenroll: () => void }) {
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

  const exportQuarantine = () =>
    download(`sayso-refused-${new Date().toISOString().slice(0, 10)}.json`, { device: props.enrollment.enrollmentId, exportedAt: new Date().toISOString(), refused: facts()?.quarantine ?? [] });

  const [rescueMessage, setRescueMessage] = createSignal('');
  const exportRescue = async () => {
    const { makeRescueFile } = await import('../../sync/rescueFile.ts');
    const file = await makeRescueFile(props.store, props.enrollment);
    download(`sayso-rescue-${props.enrollment.deviceName.replace(/[^A-Za-z0-9_-]+/g, '-')}-${file.exportedAt.slice(0, 10)}.json`, file);
    setRescueMessage(t('staff:rescue.exported', { count: file.responses.length }));
  };
  const importRescue = async (input: HTMLInputElement) => {
    const picked = input.files?.[0];
    if (!picked) return;
    const { parseRescueFile, importRescueFile } = await import('../../sync/rescueFile.ts');
    const parsed = parseRescueFile(await picked.text());
    input.value = '';
    if (!parsed.ok) return setRescueMessage(t('staff:rescue.invalid'));
    const result = await importRescueFile(parsed.file, await props.api(), props.enrollment.token);
    setRescueMessage(result.ok ? t('staff:rescue.imported', result) : t('staff:enroll.offline'));
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
          <h2>{t('staff:rescue.title')}</h2>
          <p>{t('staff:rescue.intro')}</p>
          <div class="staff-actions">
            <button type="button" class="big-button" onClick={() => void exportRescue()}>
              {t('staff:rescue.export')}
            </button>
            <label class="big-button">
              {t('staff:rescue.import')}
              <input type="file" accept="application/json,.json" class="visually-hidden" onChange={(event) => void importRescue(event.currentTarget)} />
            </label>
          </div>
          <Show when={rescueMessage()}>
            <p role="status">{rescueMessage()}</p>
          </Show>
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
