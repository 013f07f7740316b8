import { createSignal, For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { createApiData } from '../createApiData.ts';
import { formatCount, formatQuarter, recentQuarters } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { ResidentCountForm } from '../ui/ResidentCountForm.tsx';

/** Residents per facility and quarter, the base of the participation rate. */
export function ResidentCountsAdmin() {
  const staff = useStaff();
  const [facilityId, setFacilityId] = createSignal('');
  const [quarter, setQuarter] = createSignal<string>(recentQuarters(1)[0]!);
  const facility = () => (staff.facilities() ?? []).find((f) => f.id === facilityId()) ?? staff.facilities()?.[0];
  const counts = createApiData(() => (facility() ? { facility: facility()!.id } : undefined), (choice) => staff.api.residents(choice.facility));
  const current = () => counts.data()?.find((c) => c.period === quarter())?.residents ?? null;

  return (
    <section class="sw-section" aria-labelledby="sw-admin-residents">
      <h2 id="sw-admin-residents">{t('results:admin.residents.title')}</h2>
      <div class="sw-filters">
        <div class="sw-field">
          <label for="sw-residents-facility">{t('results:filters.facility')}</label>
          <select id="sw-residents-facility" onInput={(e) => setFacilityId(e.currentTarget.value)}>
            <For each={staff.facilities() ?? []}>{(f) => <option value={f.id} selected={f.id === facility()?.id}>{f.name}</option>}</For>
          </select>
        </div>
        <div class="sw-field">
          <label for="sw-residents-quarter">{t('results:period.quarter')}</label>
          <select id="sw-residents-quarter" onInput={(e) => setQuarter(e.currentTarget.value)}>
            <For each={recentQuarters(8)}>{(q) => <option value={q} selected={q === quarter()}>{formatQuarter(q)}</option>}</For>
          </select>
        </div>
      </div>
      <ErrorNotice error={counts.error()} />
      {/* Keyed: the form starts again from the stored count when the facility or quarter changes, not after its own save. */}
      <Show when={facility() && counts.data() ? `${facility()!.id}|${quarter()}` : undefined} keyed>
        <ResidentCountForm facilityId={facility()!.id} quarter={quarter()} current={current()} onSaved={() => counts.refetch()} idPrefix="sw-admin" />
      </Show>
      <Show when={counts.data()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p>{t('results:admin.residents.none')}</p>}>
            <table class="sw-table">
              <caption>{t('results:admin.residents.caption', { facility: facility()?.name ?? '' })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results:period.quarter')}</th>
                  <th scope="col">{t('results:admin.residents.residents')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={[...list()].sort((a, b) => b.period.localeCompare(a.period))}>
                  {(row) => (
                    <tr>
                      <th scope="row">{formatQuarter(row.period)}</th>
                      <td class="sw-number">{formatCount(row.residents, staff.language())}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        )}
      </Show>
    </section>
  );
}
