import { Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { useStaff } from '../StaffContext.ts';
import { AccountsAdmin } from './AccountsAdmin.tsx';
import { DevicesAdmin } from './DevicesAdmin.tsx';
import { FacilitiesAdmin } from './FacilitiesAdmin.tsx';
import { ResidentCountsAdmin } from './ResidentCountsAdmin.tsx';
import { SettingsAdmin } from './SettingsAdmin.tsx';

/** Management: admins see the whole organisation; managers their facilities' devices, codes and resident counts. */
export function AdminScreen() {
  const staff = useStaff();
  const isAdmin = () => staff.user().role === 'admin';
  return (
    <>
      <h1>{t('results:admin.title')}</h1>
      <nav aria-label={t('results:admin.contents')} class="sw-toc">
        <ul>
          <Show when={isAdmin()}>
            <li>
              <a href="#sw-admin-facilities">{t('results:admin.facilities.title')}</a>
            </li>
            <li>
              <a href="#sw-admin-accounts">{t('results:admin.accounts.title')}</a>
            </li>
          </Show>
          <li>
            <a href="#sw-admin-devices">{t('results:admin.devices.title')}</a>
          </li>
          <li>
            <a href="#sw-admin-residents">{t('results:admin.residents.title')}</a>
          </li>
          <Show when={isAdmin()}>
            <li>
              <a href="#sw-admin-threshold">{t('results:admin.threshold.title')}</a>
            </li>
            <li>
              <a href="#sw-admin-targets">{t('results:admin.targets.title')}</a>
            </li>
          </Show>
        </ul>
      </nav>
      <Show when={isAdmin()}>
        <FacilitiesAdmin />
        <AccountsAdmin />
      </Show>
      <DevicesAdmin />
      <ResidentCountsAdmin />
      <Show when={isAdmin()}>
        <SettingsAdmin />
      </Show>
    </>
  );
}
