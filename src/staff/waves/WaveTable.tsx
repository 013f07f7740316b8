import { createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { formatCount } from '../web/formatFigures.ts';
import { useStaff } from '../web/StaffContext.ts';
import { TableScroll } from '../web/ui/TableScroll.tsx';
import { parseWhole } from './parseWhole.ts';
import type { Wave, WaveFacility } from './wavesApi.ts';

/** A date kept left to right inside a right-to-left sentence (Unicode isolates, UAX #9): 2026-10-01, not 01-10-2026. */
const isolated = (day: string) => `\u2066${day}\u2069`;

/**
 * One wave: survey version, dates, status, who is eligible, and per facility the eligible
 * residents (editable by admins and the facility's manager), codes printed and used,
 * responses and participation. Buttons to print invitations and, for admins, to cancel.
 */
export function WaveTable(props: {
  wave: Wave;
  canEdit: boolean;
  canCancel: boolean;
  onEligible: (facility: WaveFacility, value: number | null) => Promise<void>;
  onPrint: (facility: WaveFacility) => void;
  onCancel: () => void;
}) {
  const staff = useStaff();
  const open = () => props.wave.status === 'planned' || props.wave.status === 'running';
  const count = (n: number) => formatCount(n, staff.language());
  const percent = (p: number | null) => (p === null ? t('waves:list.unknown') : t('waves:list.percent', { value: p.toLocaleString(staff.language()) }));
  const titleId = `wv-wave-${props.wave.id}`;
  return (
    <section class="sw-section" aria-labelledby={titleId}>
      <h3 id={titleId}>{props.wave.name}</h3>
      <p>
        <span class="wv-status">{t(`waves:status.${props.wave.status}`)}</span>
        {' · '}
        {t('waves:list.survey', { title: staff.surveyText(props.wave.surveyTitle, { defaultLanguage: Object.keys(props.wave.surveyTitle)[0] ?? 'en' }), version: props.wave.surveyVersion })}
        {' · '}
        {t('waves:list.dates', { startsOn: isolated(props.wave.startsOn), endsOn: isolated(props.wave.endsOn) })}
      </p>
      <p>
        {t('waves:list.eligibility', { eligibility: props.wave.eligibility })}
        <Show when={props.wave.minStayDays !== null}>{' '}{t('waves:list.minStay', { days: props.wave.minStayDays ?? 0 })}</Show>
      </p>
      <TableScroll label={t('waves:list.tableLabel', { wave: props.wave.name })}>
        <table class="sw-table wv-figures">
          <thead>
            <tr>
              <th scope="col">{t('waves:list.facility')}</th>
              <th scope="col">{t('waves:list.eligible')}</th>
              <th scope="col">{t('waves:list.printed')}</th>
              <th scope="col">{t('waves:list.used')}</th>
              <th scope="col">{t('waves:list.responses')}</th>
              <th scope="col">{t('waves:list.participation')}</th>
              <Show when={props.canEdit && open()}><th scope="col">{t('waves:list.actions')}</th></Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.wave.facilities}>
              {(facility) => <FacilityRow facility={facility} canEdit={props.canEdit && props.wave.status !== 'cancelled'} open={open()} count={count} percent={percent} onEligible={props.onEligible} onPrint={props.onPrint} />}
            </For>
          </tbody>
        </table>
      </TableScroll>
      <Show when={props.canCancel && open()}>
        <button type="button" class="sw-button" onClick={() => props.onCancel()}>{t('waves:list.cancel', { wave: props.wave.name })}</button>
      </Show>
    </section>
  );
}

function FacilityRow(props: {
  facility: WaveFacility; canEdit: boolean; open: boolean; count: (n: number) => string; percent: (p: number | null) => string;
  onEligible: (facility: WaveFacility, value: number | null) => Promise<void>; onPrint: (facility: WaveFacility) => void;
}) {
  const [text, setText] = createSignal(props.facility.eligibleResidents === null ? '' : String(props.facility.eligibleResidents));
  const [invalid, setInvalid] = createSignal(false);
  const save = async () => {
    const value = parseWhole(text());
    setInvalid(value === undefined);
    if (value !== undefined && value !== props.facility.eligibleResidents) await props.onEligible(props.facility, value);
  };
  const inputId = `wv-eligible-${props.facility.facilityId}`;
  return (
    <tr>
      <th scope="row">{props.facility.name}</th>
      <td>
        <Show when={props.canEdit} fallback={props.facility.eligibleResidents === null ? t('waves:list.unknown') : props.count(props.facility.eligibleResidents)}>
          <label class="sw-visually-hidden" for={inputId}>{t('waves:list.eligibleIn', { facility: props.facility.name })}</label>
          <input id={inputId} inputMode="numeric" size={6} value={text()} aria-invalid={invalid()} onInput={(e) => setText(e.currentTarget.value)} onChange={() => void save()} />
        </Show>
      </td>
      <td>{props.count(props.facility.invitationsPrinted)}</td>
      <td>{props.count(props.facility.invitationsUsed)}</td>
      <td>{props.count(props.facility.responses)}</td>
      <td>{props.percent(props.facility.participationPercent)}</td>
      <Show when={props.canEdit && props.open}>
        <td>
          <button type="button" class="sw-button" onClick={() => props.onPrint(props.facility)}>{t('waves:list.print', { facility: props.facility.name })}</button>
        </td>
      </Show>
    </tr>
  );
}
