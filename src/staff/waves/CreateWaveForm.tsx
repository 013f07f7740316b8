import { createMemo, createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { createApiData } from '../web/createApiData.ts';
import { useStaff } from '../web/StaffContext.ts';
import { ErrorNotice } from '../web/ui/ErrorNotice.tsx';
import { submitListener } from '../web/ui/submitListener.ts';
import { parseWhole } from './parseWhole.ts';
import { upcomingQuarters } from './quarterDays.ts';
import type { Wave, WavesApi } from './wavesApi.ts';

/**
 * The admin's form for a new wave: a published survey version, dates (with quarter
 * shortcuts), who is eligible (words, and an optional minimum stay), and the facilities with
 * their eligible residents when already counted. The server checks dates and overlap.
 */
export function CreateWaveForm(props: { api: WavesApi; today: string; onCreated: (wave: Wave) => void }) {
  const staff = useStaff();
  const surveys = createApiData(() => ({ staff: staff.user().id }), () => props.api.surveys());
  const [name, setName] = createSignal('');
  const [surveyChoice, setSurveyChoice] = createSignal('');
  const [versionChoice, setVersionChoice] = createSignal(0);
  const [startsOn, setStartsOn] = createSignal('');
  const [endsOn, setEndsOn] = createSignal('');
  const [eligibility, setEligibility] = createSignal('');
  const [minStay, setMinStay] = createSignal('');
  const [chosen, setChosen] = createSignal<Record<string, boolean>>({});
  const [eligible, setEligible] = createSignal<Record<string, string>>({});
  const [problem, setProblem] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);

  const survey = () => (surveys.data() ?? []).find((s) => s.id === surveyChoice()) ?? surveys.data()?.[0];
  const version = () => survey()?.versions.find((v) => v.version === versionChoice())?.version ?? survey()?.versions[0]?.version;
  const quarters = createMemo(() => upcomingQuarters(props.today, 4));
  const facilities = () => staff.facilities() ?? [];

  const submit = async () => {
    setProblem('');
    setError(undefined);
    const picked = facilities().filter((f) => chosen()[f.id]);
    const minStayDays = parseWhole(minStay());
    const counts = picked.map((f) => parseWhole(eligible()[f.id] ?? ''));
    if (!survey() || !version()) return setProblem(t('waves:create.needSurvey'));
    if (picked.length === 0) return setProblem(t('waves:create.needFacility'));
    if (minStayDays === undefined || counts.some((c) => c === undefined)) return setProblem(t('waves:create.wholeNumbers'));
    setBusy(true);
    try {
      const wave = await props.api.create({
        name: name(), surveyId: survey()!.id, surveyVersion: version()!, startsOn: startsOn(), endsOn: endsOn(), eligibility: eligibility(),
        minStayDays: minStayDays === 0 ? null : minStayDays,
        facilities: picked.map((f, i) => ({ facilityId: f.id, eligibleResidents: counts[i] ?? null })),
      });
      props.onCreated(wave);
      setName('');
      setChosen({});
      setEligible({});
    } catch (caught) {
      setError(() => caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="sw-form" ref={submitListener(submit)} aria-labelledby="wv-create-title">
      <h2 id="wv-create-title">{t('waves:create.title')}</h2>
      <ErrorNotice error={surveys.error()} />
      <div class="sw-field">
        <label for="wv-name">{t('waves:create.name')}</label>
        <input id="wv-name" required maxLength={200} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      <div class="sw-field">
        <label for="wv-survey">{t('waves:create.survey')}</label>
        <select id="wv-survey" value={survey()?.id ?? ''} onChange={(e) => { setSurveyChoice(e.currentTarget.value); setVersionChoice(0); }}>
          <For each={surveys.data() ?? []}>{(s) => <option value={s.id}>{staff.surveyText(s.title, s)}</option>}</For>
        </select>
      </div>
      <div class="sw-field">
        <label for="wv-version">{t('waves:create.version')}</label>
        <select id="wv-version" value={String(version() ?? '')} onChange={(e) => setVersionChoice(Number(e.currentTarget.value))}>
          <For each={survey()?.versions ?? []}>
            {(v) => <option value={String(v.version)}>{t('waves:create.versionOption', { version: v.version, day: v.publishedAt.slice(0, 10), languages: v.languages.join(', ') })}</option>}
          </For>
        </select>
      </div>
      <fieldset class="sw-field">
        <legend>{t('waves:create.dates')}</legend>
        <div class="wv-quarters" role="group" aria-label={t('waves:create.quarters')}>
          <For each={quarters()}>
            {(q) => <button type="button" class="sw-button" aria-pressed={startsOn() === q.startsOn && endsOn() === q.endsOn} onClick={() => { setStartsOn(q.startsOn); setEndsOn(q.endsOn); }}>{q.label}</button>}
          </For>
        </div>
        <label for="wv-starts">{t('waves:create.startsOn')}</label>
        <input id="wv-starts" type="date" required value={startsOn()} onInput={(e) => setStartsOn(e.currentTarget.value)} />
        <label for="wv-ends">{t('waves:create.endsOn')}</label>
        <input id="wv-ends" type="date" required value={endsOn()} onInput={(e) => setEndsOn(e.currentTarget.value)} />
        <p class="sw-note">{t('waves:create.localDays')}</p>
      </fieldset>
      <div class="sw-field">
        <label for="wv-eligibility">{t('waves:create.eligibility')}</label>
        <textarea id="wv-eligibility" required maxLength={1000} rows={2} aria-describedby="wv-eligibility-hint" value={eligibility()} onInput={(e) => setEligibility(e.currentTarget.value)} />
        <span class="sw-note" id="wv-eligibility-hint">{t('waves:create.eligibilityHint')}</span>
      </div>
      <div class="sw-field">
        <label for="wv-minstay">{t('waves:create.minStay')}</label>
        <input id="wv-minstay" inputMode="numeric" value={minStay()} onInput={(e) => setMinStay(e.currentTarget.value)} />
      </div>
      <fieldset class="sw-field">
        <legend>{t('waves:create.facilities')}</legend>
        <For each={facilities()}>
          {(f) => (
            <div class="wv-facility-row">
              <input type="checkbox" id={`wv-f-${f.id}`} checked={chosen()[f.id] ?? false} onChange={(e) => setChosen({ ...chosen(), [f.id]: e.currentTarget.checked })} />
              <label for={`wv-f-${f.id}`}>{f.name}</label>
              <Show when={chosen()[f.id]}>
                <label for={`wv-e-${f.id}`}>{t('waves:create.eligibleIn', { facility: f.name })}</label>
                <input id={`wv-e-${f.id}`} inputMode="numeric" size={6} value={eligible()[f.id] ?? ''} onInput={(e) => setEligible({ ...eligible(), [f.id]: e.currentTarget.value })} />
              </Show>
            </div>
          )}
        </For>
      </fieldset>
      <button type="submit" class="sw-button sw-button--primary" disabled={busy()}>{t('waves:create.submit')}</button>
      <Show when={problem()}><p class="sw-error" role="alert">{problem()}</p></Show>
      <ErrorNotice error={error()} />
    </form>
  );
}
