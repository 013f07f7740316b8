import { createSignal, For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { isCalendarDay } from '../../../survey/periods.ts';
import { formatQuarter, recentQuarters } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { submitListener } from './submitListener.ts';

/** Quarters offered: this one and the eleven before it (three years), plus a chosen older one. */
const QUARTERS_OFFERED = 12;

/**
 * Survey, facility and period pickers over the shared selection (kept in the address).
 * `periods`: 'quarter-or-range' on the dashboard; 'quarter' where figures exist per quarter only.
 */
export function ReportFilters(props: {
  facility?: 'one' | 'one-or-all' | 'none';
  periods?: 'quarter-or-range' | 'quarter';
  idPrefix: string;
}) {
  const staff = useStaff();
  const { selection } = staff;
  const facilityMode = () => props.facility ?? 'one';
  const periods = () => props.periods ?? 'quarter';
  const quarters = () => {
    const list: string[] = recentQuarters(QUARTERS_OFFERED);
    const chosen = selection.quarter();
    if (!list.includes(chosen)) list.push(chosen);
    return list;
  };
  const [rangeFrom, setRangeFrom] = createSignal(selection.period().kind === 'range' ? (selection.period() as { from: string }).from : '');
  const [rangeTo, setRangeTo] = createSignal(selection.period().kind === 'range' ? (selection.period() as { to: string }).to : '');
  const [rangeError, setRangeError] = createSignal('');
  const isRange = () => periods() === 'quarter-or-range' && selection.period().kind === 'range';
  const [rangeMode, setRangeMode] = createSignal(isRange());
  const id = (name: string) => `${props.idPrefix}-${name}`;

  const applyRange = (event: Event) => {
    event.preventDefault();
    const from = rangeFrom();
    const to = rangeTo();
    if (!isCalendarDay(from) || !isCalendarDay(to)) return setRangeError(t('results:period.rangeIncomplete'));
    if (from > to) return setRangeError(t('results:period.rangeBackwards'));
    setRangeError('');
    selection.set({ period: { kind: 'range', from, to } });
  };

  return (
    <div class="sw-filters" role="group" aria-label={t('results:filters.label')}>
      <div class="sw-field">
        <label for={id('survey')}>{t('results:filters.survey')}</label>
        <select id={id('survey')} onInput={(event) => selection.set({ survey: event.currentTarget.value })}>
          <For each={staff.surveys() ?? []}>
            {(survey) => (
              <option value={survey.id} selected={survey.id === selection.surveyId()}>
                {staff.surveyText(survey.title, survey)}
              </option>
            )}
          </For>
        </select>
      </div>
      <Show when={facilityMode() !== 'none'}>
        <div class="sw-field">
          <label for={id('facility')}>{t('results:filters.facility')}</label>
          <select id={id('facility')} onInput={(event) => selection.set({ facility: event.currentTarget.value })}>
            <Show when={facilityMode() === 'one-or-all'}>
              <option value="all" selected={selection.facilityParam() === 'all'}>
                {t('results:filters.allFacilities')}
              </option>
            </Show>
            <For each={staff.facilities() ?? []}>
              {(facility) => (
                <option value={facility.id} selected={!(facilityMode() === 'one-or-all' && selection.facilityParam() === 'all') && facility.id === selection.facilityId()}>
                  {facility.name}
                </option>
              )}
            </For>
          </select>
        </div>
      </Show>
      <Show
        when={periods() === 'quarter-or-range'}
        fallback={
          <div class="sw-field">
            <label for={id('quarter')}>{t('results:period.quarter')}</label>
            <select id={id('quarter')} onInput={(event) => selection.set({ period: { kind: 'quarter', quarter: event.currentTarget.value as never } })}>
              <For each={quarters()}>{(quarter) => <option value={quarter} selected={quarter === selection.quarter()}>{formatQuarter(quarter)}</option>}</For>
            </select>
          </div>
        }
      >
        <fieldset class="sw-period">
          <legend>{t('results:period.label')}</legend>
          <div class="sw-period__modes">
            <label class="sw-choice">
              <input
                type="radio"
                name={id('period-mode')}
                checked={!rangeMode()}
                onInput={() => {
                  setRangeMode(false);
                  selection.set({ period: { kind: 'quarter', quarter: selection.quarter() } });
                }}
              />
              {t('results:period.byQuarter')}
            </label>
            <label class="sw-choice">
              <input type="radio" name={id('period-mode')} checked={rangeMode()} onInput={() => setRangeMode(true)} />
              {t('results:period.byRange')}
            </label>
          </div>
          <Show
            when={rangeMode()}
            fallback={
              <div class="sw-field">
                <label for={id('quarter')}>{t('results:period.quarter')}</label>
                <select id={id('quarter')} onInput={(event) => selection.set({ period: { kind: 'quarter', quarter: event.currentTarget.value as never } })}>
                  <For each={quarters()}>{(quarter) => <option value={quarter} selected={!isRange() && quarter === selection.quarter()}>{formatQuarter(quarter)}</option>}</For>
                </select>
              </div>
            }
          >
            <form class="sw-range" ref={submitListener(applyRange)}>
              <div class="sw-field">
                <label for={id('from')}>{t('results:period.from')}</label>
                <input id={id('from')} type="date" value={rangeFrom()} onInput={(event) => setRangeFrom(event.currentTarget.value)} required />
              </div>
              <div class="sw-field">
                <label for={id('to')}>{t('results:period.to')}</label>
                <input id={id('to')} type="date" value={rangeTo()} onInput={(event) => setRangeTo(event.currentTarget.value)} required />
              </div>
              <button type="submit" class="sw-button">
                {t('results:period.applyRange')}
              </button>
              <Show when={rangeError()}>
                <p class="sw-error" role="alert">
                  {rangeError()}
                </p>
              </Show>
            </form>
          </Show>
        </fieldset>
      </Show>
    </div>
  );
}
