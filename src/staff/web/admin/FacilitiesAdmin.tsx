import { createSignal, For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { LAUNCH_LANGUAGES, languageInfo } from '../../../survey/languages.ts';
import type { Facility } from '../api/wireSchemas.ts';
import { useStaff } from '../StaffContext.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { StatusNote } from '../ui/StatusNote.tsx';
import { submitListener } from '../ui/submitListener.ts';
import { TableScroll } from '../ui/TableScroll.tsx';

/** IANA zones the browser knows, for the time zone field's suggestions (reporting periods follow it). */
function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

/** The facility's audio languages as a short text: "all" when every launch language is on. */
function languagesText(languages: readonly string[] | undefined): string {
  if (!languages || languages.length >= LAUNCH_LANGUAGES.length) return t('results:audioAdmin.languages.all');
  return languages.map((code) => languageInfo(code).nativeName).join(', ');
}

/** Checkboxes for the languages tablets keep audio for (at least one). */
function LanguageChoice(props: { id: string; chosen: readonly string[]; onChange: (languages: string[]) => void }) {
  const toggle = (code: string, on: boolean) =>
    props.onChange(LAUNCH_LANGUAGES.filter((language) => (language === code ? on : props.chosen.includes(language))));
  return (
    <fieldset class="sw-checks" aria-describedby={`${props.id}-hint`}>
      <legend>{t('results:audioAdmin.languages.legend')}</legend>
      <p id={`${props.id}-hint`}>{t('results:audioAdmin.languages.hint')}</p>
      <For each={[...LAUNCH_LANGUAGES]}>
        {(code) => (
          <label class="sw-choice">
            <input type="checkbox" checked={props.chosen.includes(code)} onInput={(e) => toggle(code, e.currentTarget.checked)} />
            <span lang={code} dir={languageInfo(code).dir}>{languageInfo(code).nativeName}</span>
            <span class="sw-visually-hidden"> ({languageInfo(code).englishName})</span>
          </label>
        )}
      </For>
    </fieldset>
  );
}

function FacilityRow(props: { facility: Facility; onSaved: () => void }) {
  const { api } = useStaff();
  const [editing, setEditing] = createSignal(false);
  const [name, setName] = createSignal(props.facility.name);
  const [zone, setZone] = createSignal(props.facility.timeZone);
  const [languages, setLanguages] = createSignal<string[]>(props.facility.languages ?? [...LAUNCH_LANGUAGES]);
  const [error, setError] = createSignal<unknown>();
  const id = (field: string) => `sw-facility-${props.facility.id}-${field}`;

  const save = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    if (languages().length === 0) return setError(t('results:audioAdmin.languages.atLeastOne'));
    try {
      await api.updateFacility(props.facility.id, { name: name().trim(), timeZone: zone().trim(), languages: languages() });
      setEditing(false);
      props.onSaved();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <tr>
      <Show
        when={editing()}
        fallback={
          <>
            <th scope="row">{props.facility.name}</th>
            <td>{props.facility.timeZone}</td>
            <td>{languagesText(props.facility.languages)}</td>
            <td>
              <button type="button" class="sw-button sw-button--small" onClick={() => setEditing(true)}>
                {t('results:admin.facilities.edit', { name: props.facility.name })}
              </button>
            </td>
          </>
        }
      >
        <td colSpan={4}>
          <form class="sw-form sw-form--inline" ref={submitListener(save)}>
            <div class="sw-field">
              <label for={id('name')}>{t('results:admin.facilities.name')}</label>
              <input id={id('name')} required value={name()} onInput={(e) => setName(e.currentTarget.value)} />
            </div>
            <div class="sw-field">
              <label for={id('zone')}>{t('results:admin.facilities.timeZone')}</label>
              <input id={id('zone')} required list="sw-time-zones" value={zone()} onInput={(e) => setZone(e.currentTarget.value)} />
            </div>
            <LanguageChoice id={id('languages')} chosen={languages()} onChange={setLanguages} />
            <button type="submit" class="sw-button">
              {t('results:admin.save')}
            </button>
            <button type="button" class="sw-button sw-button--quiet" onClick={() => setEditing(false)}>
              {t('results:admin.cancel')}
            </button>
            <ErrorNotice error={error()} />
          </form>
        </td>
      </Show>
    </tr>
  );
}

/** Facilities of the organisation (admin): add one, rename it, set its time zone. */
export function FacilitiesAdmin() {
  const staff = useStaff();
  const [name, setName] = createSignal('');
  const [zone, setZone] = createSignal(Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Brussels');
  const [error, setError] = createSignal<unknown>();
  const [created, setCreated] = createSignal('');

  const create = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setCreated('');
    try {
      const facility = await staff.api.createFacility({ name: name().trim(), timeZone: zone().trim() });
      setCreated(t('results:admin.facilities.created', { name: facility.name }));
      setName('');
      staff.refetchFacilities();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section class="sw-section" aria-labelledby="sw-admin-facilities">
      <h2 id="sw-admin-facilities">{t('results:admin.facilities.title')}</h2>
      <datalist id="sw-time-zones">
        <For each={timeZones()}>{(zoneName) => <option value={zoneName} />}</For>
      </datalist>
      <TableScroll label={t('results:admin.facilities.caption')}>
        <table class="sw-table">
          <caption>{t('results:admin.facilities.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results:admin.facilities.name')}</th>
              <th scope="col">{t('results:admin.facilities.timeZone')}</th>
              <th scope="col">{t('results:audioAdmin.languages.column')}</th>
              <th scope="col">{t('results:admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={staff.facilities() ?? []}>{(facility) => <FacilityRow facility={facility} onSaved={() => staff.refetchFacilities()} />}</For>
          </tbody>
        </table>
      </TableScroll>
      <h3>{t('results:admin.facilities.add')}</h3>
      <form class="sw-form sw-form--inline" ref={submitListener(create)}>
        <div class="sw-field">
          <label for="sw-new-facility-name">{t('results:admin.facilities.name')}</label>
          <input id="sw-new-facility-name" required value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <div class="sw-field">
          <label for="sw-new-facility-zone">{t('results:admin.facilities.timeZone')}</label>
          <input id="sw-new-facility-zone" required list="sw-time-zones" value={zone()} onInput={(e) => setZone(e.currentTarget.value)} />
        </div>
        <button type="submit" class="sw-button">
          {t('results:admin.facilities.addSubmit')}
        </button>
      </form>
      <StatusNote message={created()} />
      <ErrorNotice error={error()} />
    </section>
  );
}
