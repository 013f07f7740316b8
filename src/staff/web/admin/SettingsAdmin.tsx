import { createMemo, createSignal, For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { makePaperApi } from '../api/paperApi.ts';
import { createApiData } from '../createApiData.ts';
import { reportSessionEnded } from '../createStaffSession.ts';
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

/**
 * One whole-number setting of the organisation with its own form: the small-cell
 * threshold, the spoken-comment retention (docs/media-api.md; transcripts stay).
 */
function WholeNumberSetting(props: {
  id: string;
  strings: { title: string; intro: string; label: string; invalid: string };
  min: number;
  max: number;
  current: number | undefined;
  save: (value: number) => Promise<unknown>;
  onSaved: () => void;
}) {
  const [value, setValue] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal(false);
  const shown = () => value() || String(props.current ?? '');

  const save = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    setError(undefined);
    const number = Number(shown());
    if (!Number.isInteger(number) || number < props.min || number > props.max) return setError(t(props.strings.invalid));
    try {
      await props.save(number);
      setSaved(true);
      props.onSaved();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section class="sw-section" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{t(props.strings.title)}</h2>
      <p>{t(props.strings.intro)}</p>
      <form class="sw-form sw-form--inline" ref={submitListener(save)}>
        <div class="sw-field">
          <label for={props.id}>{t(props.strings.label)}</label>
          <input id={props.id} type="number" min={props.min} max={props.max} step="1" value={shown()} onInput={(e) => setValue(e.currentTarget.value)} />
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

/** Double entry of paper sheets (docs/paper-api.md): each sheet keyed by two people, blind, before it counts. */
function PaperDoubleEntrySetting() {
  const paper = makePaperApi({ onSessionEnded: reportSessionEnded });
  const current = createApiData(() => ({}), () => paper.doubleEntry());
  const [error, setError] = createSignal<unknown>();
  const [saved, setSaved] = createSignal(false);
  const change = async (on: boolean) => {
    setSaved(false);
    setError(undefined);
    try {
      await paper.setDoubleEntry(on);
      current.mutate(() => on);
      setSaved(true);
    } catch (caught) {
      setError(caught);
      current.refetch();
    }
  };
  return (
    <section class="sw-section" aria-labelledby="sw-paper-double-title">
      <h2 id="sw-paper-double-title">{t('results:paperEntry.setting.title')}</h2>
      <p>{t('results:paperEntry.setting.intro')}</p>
      <ErrorNotice error={current.error()} />
      <Show when={current.data() !== undefined}>
        <label class="sw-choice">
          <input type="checkbox" checked={current.data()} onInput={(e) => void change(e.currentTarget.checked)} />
          {t('results:paperEntry.setting.label')}
        </label>
      </Show>
      <SavedNote shown={saved()} />
      <ErrorNotice error={error()} />
    </section>
  );
}

/** The small-cell threshold, the spoken-comment retention and the indicator targets of the organisation (admin). */
export function SettingsAdmin() {
  const staff = useStaff();
  const settings = createApiData(() => ({}), () => staff.api.settings());
  const [surveyId, setSurveyId] = createSignal('');
  const survey = () => (staff.surveys() ?? []).find((s) => s.id === surveyId()) ?? staff.surveys()?.[0];
  const indicators = createMemo(() => surveyQuestions(survey()?.definition).filter((q) => isIndicatorKind(q.kind)));
  const targetOf = (questionId: string) => settings.data()?.targets.find((tg) => tg.surveyId === survey()?.id && tg.questionId === questionId)?.percent ?? DEFAULT_TARGET;

  return (
    <>
      <ErrorNotice error={settings.error()} />
      <WholeNumberSetting
        id="sw-threshold"
        strings={{ title: 'results:admin.threshold.title', intro: 'results:admin.threshold.intro', label: 'results:admin.threshold.label', invalid: 'results:admin.threshold.invalid' }}
        min={5}
        max={100}
        current={settings.data()?.minCellSize}
        save={(size) => staff.api.updateMinCellSize(size)}
        onSaved={() => settings.refetch()}
      />
      <WholeNumberSetting
        id="sw-spoken-retention"
        strings={{ title: 'results:audioAdmin.retention.title', intro: 'results:audioAdmin.retention.intro', label: 'results:audioAdmin.retention.label', invalid: 'results:audioAdmin.retention.invalid' }}
        min={1}
        max={730}
        current={settings.data()?.spokenRetentionDays}
        save={(days) => staff.api.updateSpokenRetentionDays(days)}
        onSaved={() => settings.refetch()}
      />
      <Show when={staff.user().role === 'admin'}>
        <PaperDoubleEntrySetting />
      </Show>

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
