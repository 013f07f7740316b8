import { createMemo, createSignal, For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { createApiData } from '../createApiData.ts';
import { useStaff } from '../StaffContext.ts';
import { isIndicatorKind, surveyQuestions, type SurveyQuestionInfo } from '../surveyQuestions.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { submitListener } from '../ui/submitListener.ts';

/** The default target when none is set (Office for Foreigners' yardstick: 60% at or above). */
const DEFAULT_TARGET = 60;

/** "Saved" beside a form's button, announced (WCAG 4.1.3). */
function SavedNote(props: { shown: boolean }) {
  return (
    <Show when={props.shown}>
      <span class="sw-success" role="status">
        {t('results:admin.saved')}
      </span>
    </Show>
  );
}

function TargetRow(props: { surveyId: string; question: SurveyQuestionInfo; percent: number; label: string; onSaved: () => void }) {
  const { api } = useStaff();
  const [value, setValue] = createSignal(String(props.percent));
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal(false);
  const id = `sw-target-${props.surveyId}-${props.question.id}`;

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    setError(undefined);
    const percent = Number(value());
    if (!Number.isInteger(percent) || percent < 1 || percent > 100) return setError(t('results:admin.targets.invalid'));
    try {
      await api.putTarget(props.surveyId, props.question.id, percent);
      setSaved(true);
      props.onSaved();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>
        <form class="sw-form sw-form--inline" ref={submitListener(save)}>
          <div class="sw-field">
            {/* The row header names the indicator on screen; the label repeats it for screen readers only. */}
            <label for={id}>
              <span class="sw-visually-hidden">{props.label}: </span>
              {t('results:admin.targets.percent')}
            </label>
            <input id={id} type="number" min="1" max="100" step="1" value={value()} onInput={(e) => setValue(e.currentTarget.value)} />
          </div>
          <button type="submit" class="sw-button sw-button--small">
            {t('results:admin.save')}
          </button>
          <SavedNote shown={saved()} />
          <ErrorNotice error={error()} />
        </form>
      </td>
    </tr>
  );
}

/** How long the sound of spoken comments is kept (docs/media-api.md, retention); transcripts stay. */
function SpokenRetentionForm(props: { days: number | undefined; onSaved: () => void }) {
  const { api } = useStaff();
  const [value, setValue] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal(false);
  const shown = () => value() || String(props.days ?? '');

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    setError(undefined);
    const days = Number(shown());
    if (!Number.isInteger(days) || days < 1 || days > 730) return setError(t('results:audioAdmin.retention.invalid'));
    try {
      await api.updateSpokenRetentionDays(days);
      setSaved(true);
      props.onSaved();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section class="sw-section" aria-labelledby="sw-admin-spoken-retention">
      <h2 id="sw-admin-spoken-retention">{t('results:audioAdmin.retention.title')}</h2>
      <p>{t('results:audioAdmin.retention.intro')}</p>
      <form class="sw-form sw-form--inline" ref={submitListener(save)}>
        <div class="sw-field">
          <label for="sw-spoken-retention">{t('results:audioAdmin.retention.label')}</label>
          <input id="sw-spoken-retention" type="number" min="1" max="730" step="1" value={shown()} onInput={(e) => setValue(e.currentTarget.value)} />
        </div>
        <button type="submit" class="sw-button">
          {t('results:admin.save')}
        </button>
        <SavedNote shown={saved()} />
      </form>
      <ErrorNotice error={error()} />
    </section>
  );
}

/** The small-cell threshold, the spoken-comment retention and the indicator targets of the organisation (admin). */
export function SettingsAdmin() {
  const staff = useStaff();
  const settings = createApiData(() => ({}), () => staff.api.settings());
  const [threshold, setThreshold] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal(false);
  const [surveyId, setSurveyId] = createSignal('');
  const survey = () => (staff.surveys() ?? []).find((s) => s.id === surveyId()) ?? staff.surveys()?.[0];
  const indicators = createMemo(() => surveyQuestions(survey()?.definition).filter((q) => isIndicatorKind(q.kind)));
  const targetOf = (questionId: string) => settings.data()?.targets.find((tg) => tg.surveyId === survey()?.id && tg.questionId === questionId)?.percent ?? DEFAULT_TARGET;
  const shownThreshold = () => threshold() || String(settings.data()?.minCellSize ?? '');

  const saveThreshold = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    setError(undefined);
    const size = Number(shownThreshold());
    if (!Number.isInteger(size) || size < 5 || size > 100) return setError(t('results:admin.threshold.invalid'));
    try {
      await staff.api.updateMinCellSize(size);
      setSaved(true);
      settings.refetch();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <>
      <section class="sw-section" aria-labelledby="sw-admin-threshold">
        <h2 id="sw-admin-threshold">{t('results:admin.threshold.title')}</h2>
        <p>{t('results:admin.threshold.intro')}</p>
        <ErrorNotice error={settings.error()} />
        <form class="sw-form sw-form--inline" ref={submitListener(saveThreshold)}>
          <div class="sw-field">
            <label for="sw-threshold">{t('results:admin.threshold.label')}</label>
            <input id="sw-threshold" type="number" min="5" max="100" step="1" value={shownThreshold()} onInput={(e) => setThreshold(e.currentTarget.value)} />
          </div>
          <button type="submit" class="sw-button">
            {t('results:admin.save')}
          </button>
          <SavedNote shown={saved()} />
        </form>
        <ErrorNotice error={error()} />
      </section>

      <SpokenRetentionForm days={settings.data()?.spokenRetentionDays} onSaved={() => settings.refetch()} />

      <section class="sw-section" aria-labelledby="sw-admin-targets">
        <h2 id="sw-admin-targets">{t('results:admin.targets.title')}</h2>
        <p>{t('results:admin.targets.intro', { percent: DEFAULT_TARGET })}</p>
        <div class="sw-field">
          <label for="sw-targets-survey">{t('results:filters.survey')}</label>
          <select id="sw-targets-survey" onInput={(e) => setSurveyId(e.currentTarget.value)}>
            <For each={staff.surveys() ?? []}>{(s) => <option value={s.id} selected={s.id === survey()?.id}>{staff.surveyText(s.title, s)}</option>}</For>
          </select>
        </div>
        <Show when={settings.data() && survey()}>
          <Show when={indicators().length > 0} fallback={<p>{t('results:indicators.none')}</p>}>
            <table class="sw-table">
              <caption>{t('results:admin.targets.caption', { survey: staff.surveyText(survey()!.title, survey()) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results:indicators.topic')}</th>
                  <th scope="col">{t('results:indicators.target')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={indicators()}>
                  {(question) => (
                    <Show when={`${survey()!.id}|${question.id}`} keyed>
                      <TargetRow
                        surveyId={survey()!.id}
                        question={question}
                        percent={targetOf(question.id)}
                        label={staff.surveyText(question.topic?.title, survey()) || staff.surveyText(question.text, survey())}
                        onSaved={() => settings.refetch()}
                      />
                    </Show>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </Show>
      </section>
    </>
  );
}
