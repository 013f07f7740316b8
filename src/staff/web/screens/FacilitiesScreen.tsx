import { For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { useStaff } from '../StaffContext.ts';

/** Roles without results (designer, inspector, mediator): the facilities they work for, and why nothing more is here. */
export function FacilitiesScreen() {
  const staff = useStaff();
  return (
    <>
      <h1>{t('results:facilitiesScreen.title')}</h1>
      <p>{t('results:facilitiesScreen.intro', { role: t(`results:roles.${staff.user().role}`) })}</p>
      <Show when={(staff.facilities() ?? []).length > 0} fallback={<p>{t('results:dashboard.noFacilities')}</p>}>
        <table class="sw-table">
          <caption>{t('results:facilitiesScreen.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results:admin.facilities.name')}</th>
              <th scope="col">{t('results:admin.facilities.timeZone')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={staff.facilities() ?? []}>
              {(facility) => (
                <tr>
                  <th scope="row">{facility.name}</th>
                  <td>{facility.timeZone}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </>
  );
}
