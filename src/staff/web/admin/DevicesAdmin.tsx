import { createSignal, For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import type { Device } from '../api/wireSchemas.ts';
import { createApiData } from '../createApiData.ts';
import { formatDateTime } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { StatusNote } from '../ui/StatusNote.tsx';
import { submitListener } from '../ui/submitListener.ts';
import { TableScroll } from '../ui/TableScroll.tsx';

/** Tablets of the caller's facilities with their last sync; revoking one; a one-time enrollment code for a new one. */
export function DevicesAdmin() {
  const staff = useStaff();
  const devices = createApiData(() => ({}), () => staff.api.devices());
  const [facilityId, setFacilityId] = createSignal('');
  const [code, setCode] = createSignal<{ code: string; expiresAt: string; facility: string } | null>(null);
  const [error, setError] = createSignal<unknown>();
  const [status, setStatus] = createSignal('');
  const [confirming, setConfirming] = createSignal<string | null>(null);
  const chosenFacility = () => (staff.facilities() ?? []).find((f) => f.id === facilityId()) ?? staff.facilities()?.[0];

  const createCode = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setCode(null);
    const facility = chosenFacility();
    if (!facility) return;
    try {
      const answer = await staff.api.createEnrollmentCode(facility.id);
      setCode({ ...answer, facility: facility.name });
    } catch (caught) {
      setError(caught);
    }
  };

  const revoke = async (device: Device) => {
    setError(undefined);
    setStatus('');
    try {
      await staff.api.revokeDevice(device.id);
      setConfirming(null);
      setStatus(t('results:admin.devices.revoked', { name: device.name }));
      devices.refetch();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section class="sw-section" aria-labelledby="sw-admin-devices">
      <h2 id="sw-admin-devices">{t('results:admin.devices.title')}</h2>
      <ErrorNotice error={devices.error()} />
      <Show when={devices.data()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p>{t('results:admin.devices.none')}</p>}>
            <TableScroll label={t('results:admin.devices.caption')}>
              <table class="sw-table">
                <caption>{t('results:admin.devices.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('results:admin.devices.name')}</th>
                    <th scope="col">{t('results:admin.devices.facility')}</th>
                    <th scope="col">{t('results:admin.devices.enrolled')}</th>
                    <th scope="col">{t('results:admin.devices.lastSync')}</th>
                    <th scope="col">{t('results:admin.devices.state')}</th>
                    <th scope="col">{t('results:admin.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(device) => (
                      <tr>
                        <th scope="row">{device.name}</th>
                        <td>{device.facilityName}</td>
                        <td>{formatDateTime(device.createdAt, staff.language())}</td>
                        <td>{device.lastSyncAt ? formatDateTime(device.lastSyncAt, staff.language()) : t('results:admin.devices.never')}</td>
                        <td>{device.revokedAt ? t('results:admin.devices.revokedAt', { time: formatDateTime(device.revokedAt, staff.language()) }) : t('results:admin.devices.active')}</td>
                        <td>
                          <Show when={!device.revokedAt}>
                            <Show
                              when={confirming() === device.id}
                              fallback={
                                <button type="button" class="sw-button sw-button--small" onClick={() => setConfirming(device.id)}>
                                  {t('results:admin.devices.revoke', { name: device.name })}
                                </button>
                              }
                            >
                              <span class="sw-confirm">
                                {t('results:admin.devices.confirmRevoke')}{' '}
                                <button type="button" class="sw-button sw-button--small sw-button--danger" onClick={() => void revoke(device)}>
                                  {t('results:admin.devices.revokeYes', { name: device.name })}
                                </button>{' '}
                                <button type="button" class="sw-button sw-button--small sw-button--quiet" onClick={() => setConfirming(null)}>
                                  {t('results:admin.cancel')}
                                </button>
                              </span>
                            </Show>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableScroll>
          </Show>
        )}
      </Show>
      <StatusNote message={status()} />

      <h3>{t('results:admin.devices.enrollTitle')}</h3>
      <p>{t('results:admin.devices.enrollIntro')}</p>
      <form class="sw-form sw-form--inline" ref={submitListener(createCode)}>
        <div class="sw-field">
          <label for="sw-enroll-facility">{t('results:admin.devices.facility')}</label>
          <select id="sw-enroll-facility" onInput={(e) => setFacilityId(e.currentTarget.value)}>
            <For each={staff.facilities() ?? []}>{(facility) => <option value={facility.id} selected={facility.id === chosenFacility()?.id}>{facility.name}</option>}</For>
          </select>
        </div>
        <button type="submit" class="sw-button" disabled={!chosenFacility()}>
          {t('results:admin.devices.createCode')}
        </button>
      </form>
      <Show when={code()}>
        {(created) => (
          <p class="sw-code" role="status">
            {t('results:admin.devices.codeFor', { facility: created().facility })} <strong class="sw-code__value">{created().code}</strong>{' '}
            {t('results:admin.devices.codeExpires', { time: formatDateTime(created().expiresAt, staff.language()) })}
          </p>
        )}
      </Show>
      <ErrorNotice error={error()} />
    </section>
  );
}
