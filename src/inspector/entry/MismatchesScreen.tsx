import { createSignal, For, onMount, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import type { Answers } from '../../survey/answers.ts';
import { localize } from '../../survey/localize.ts';
import { readPaperCell } from '../../survey/paper/paperAnswers.ts';
import type { Question, SurveyDefinition } from '../../survey/schema.ts';
import { listQuestions } from '../../survey/walkItems.ts';
import { makePaperApi, type PaperKeying, type PaperMismatch } from '../../staff/web/api/paperApi.ts';
import { reportSessionEnded } from '../../staff/web/createStaffSession.ts';
import { useStaff } from '../../staff/web/StaffContext.ts';
import { ErrorNotice } from '../../staff/web/ui/ErrorNotice.tsx';
import { submitListener } from '../../staff/web/ui/submitListener.ts';
import { keyedText } from './paperValueText.ts';
import './paperEntry.css';

type Choice = 'first' | 'second' | 'typed';
type Outcome = { kind: 'value'; value: Answers[string] } | { kind: 'blank' } | { kind: 'unreadable' };

function outcomeOf(keying: PaperKeying, id: string): Outcome {
  if (keying.unreadable.includes(id)) return { kind: 'unreadable' };
  const value = keying.answers[id];
  return value === undefined ? { kind: 'blank' } : { kind: 'value', value };
}

/** One mismatch: per question that differs, the two keyings side by side, one to choose or the right one typed. */
function MismatchForm(props: { mismatch: PaperMismatch; survey: SurveyDefinition | undefined; onResolve: (keying: PaperKeying) => Promise<void> }) {
  const staff = useStaff();
  const m = props.mismatch;
  const questions = () => (props.survey ? listQuestions(props.survey.items).map((p) => p.question) : []);
  const questionOf = (id: string) => questions().find((q) => q.id === id);
  const [choices, setChoices] = createSignal<Record<string, Choice>>({});
  const [typed, setTyped] = createSignal<Record<string, string>>({});
  const [filledOn, setFilledOn] = createSignal<Choice>('first');
  const [problem, setProblem] = createSignal<string | null>(null);
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  const text = (q: Question) => localize(q.text, staff.language(), props.survey?.defaultLanguage ?? 'en');
  const shown = (keying: PaperKeying, id: string) => {
    const q = questionOf(id);
    return q && props.survey ? keyedText(q, keying.answers[id], keying.unreadable.includes(id), staff.language(), props.survey) : JSON.stringify(keying.answers[id] ?? null);
  };
  const base = `sw-mismatch-${m.id}`;

  const resolve = async () => {
    setProblem(null);
    setError(undefined);
    const answers: Answers = { ...m.first.answers };
    let unreadable = [...m.first.unreadable];
    for (const id of m.differences) {
      const choice = choices()[id];
      const q = questionOf(id);
      if (!choice || !q) return setProblem(t('results:paperEntry.mismatches.chooseEach'));
      let outcome: Outcome;
      if (choice === 'typed') {
        const cell = readPaperCell(q, typed()[id] ?? '');
        if (cell.kind === 'error') return setProblem(t('results:paperEntry.keyProblems.notAnOption', { typed: `${text(q)}: ${typed()[id] ?? ''}` }));
        outcome = cell;
      } else outcome = outcomeOf(choice === 'first' ? m.first : m.second, id);
      delete answers[id];
      unreadable = unreadable.filter((u) => u !== id);
      if (outcome.kind === 'value') answers[id] = outcome.value;
      if (outcome.kind === 'unreadable') unreadable.push(id);
    }
    setBusy(true);
    try {
      await props.onResolve({ language: m.first.language, filledOn: filledOn() === 'second' ? m.second.filledOn : m.first.filledOn, answers, unreadable: unreadable.sort() });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sw-section" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>
        {t('results:paperEntry.mismatches.sheet', { serial: m.serialText, survey: props.survey ? localize(props.survey.title, staff.language(), props.survey.defaultLanguage) : m.surveyId })}
      </h2>
      <form class="sw-form" ref={submitListener(resolve)}>
        <Show when={m.first.filledOn !== m.second.filledOn}>
          <fieldset>
            <legend>{t('results:paperEntry.filledOn')}</legend>
            <For each={['first', 'second'] as const}>
              {(which) => (
                <label class="sw-choice">
                  <input type="radio" name={`${base}-filled`} checked={filledOn() === which} onInput={() => setFilledOn(which)} />
                  {t(`results:paperEntry.mismatches.${which}`)}: {which === 'first' ? m.first.filledOn : m.second.filledOn}
                </label>
              )}
            </For>
          </fieldset>
        </Show>
        <table class="sw-table">
          <caption>{t('results:paperEntry.mismatches.caption', { serial: m.serialText })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results:paperEntry.mismatches.question')}</th>
              <th scope="col">{t('results:paperEntry.mismatches.first')}</th>
              <th scope="col">{t('results:paperEntry.mismatches.second')}</th>
              <th scope="col">{t('results:paperEntry.mismatches.typed')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={m.differences}>
              {(id) => {
                const q = questionOf(id);
                const name = `${base}-${id}`;
                const label = q ? text(q) : id;
                const pick = (choice: Choice) => setChoices((c) => ({ ...c, [id]: choice }));
                return (
                  <tr>
                    <th scope="row">{label}</th>
                    <td>
                      <label class="sw-choice">
                        <input type="radio" name={name} checked={choices()[id] === 'first'} onInput={() => pick('first')} aria-label={`${label}: ${t('results:paperEntry.mismatches.first')}: ${shown(m.first, id)}`} />
                        <span>{shown(m.first, id)}</span>
                      </label>
                    </td>
                    <td>
                      <label class="sw-choice">
                        <input type="radio" name={name} checked={choices()[id] === 'second'} onInput={() => pick('second')} aria-label={`${label}: ${t('results:paperEntry.mismatches.second')}: ${shown(m.second, id)}`} />
                        <span>{shown(m.second, id)}</span>
                      </label>
                    </td>
                    <td>
                      <label class="sw-choice">
                        <input type="radio" name={name} checked={choices()[id] === 'typed'} onInput={() => pick('typed')} aria-label={`${label}: ${t('results:paperEntry.mismatches.typed')}`} />
                      </label>
                      <input
                        type="text"
                        aria-label={`${label}: ${t('results:paperEntry.mismatches.typedValue')}`}
                        value={typed()[id] ?? ''}
                        onInput={(e) => {
                          const value = e.currentTarget.value;
                          setTyped((all) => ({ ...all, [id]: value }));
                          pick('typed');
                        }}
                      />
                    </td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
        <button type="submit" class="sw-button sw-button--primary" disabled={busy()}>
          {t('results:paperEntry.mismatches.resolve', { serial: m.serialText })}
        </button>
        <Show when={problem()}>{(p) => <p class="sw-error" role="alert">{p()}</p>}</Show>
        <ErrorNotice error={error()} />
      </form>
    </section>
  );
}

/** Open double-entry mismatches of the caller's facilities (GET /paper/mismatches), resolved one by one. */
export default function MismatchesScreen() {
  const api = makePaperApi({ onSessionEnded: reportSessionEnded });
  const [mismatches, setMismatches] = createSignal<PaperMismatch[]>();
  const [surveys, setSurveys] = createSignal<SurveyDefinition[]>([]);
  const [error, setError] = createSignal<unknown>();
  const [resolved, setResolved] = createSignal<string | null>(null);

  onMount(async () => {
    try {
      const [list, workspace] = await Promise.all([api.mismatches(), api.workspace()]);
      setSurveys(workspace.surveys);
      setMismatches(list);
    } catch (caught) {
      setError(caught);
    }
  });

  const surveyOf = (m: PaperMismatch) => surveys().find((s) => s.id === m.surveyId && s.version === m.surveyVersion);

  return (
    <div class="sw-paper">
      <h1>{t('results:paperEntry.mismatches.title')}</h1>
      <p>{t('results:paperEntry.mismatches.intro')}</p>
      <ErrorNotice error={error()} />
      <Show when={resolved()}>{(serial) => <p class="sw-success" role="status">{t('results:paperEntry.mismatches.resolved', { serial: serial() })}</p>}</Show>
      <Show when={mismatches()} fallback={<Show when={!error()}><p role="status">{t('results:loading')}</p></Show>}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p>{t('results:paperEntry.mismatches.none')}</p>}>
            <For each={list()}>
              {(m) => (
                <MismatchForm
                  mismatch={m}
                  survey={surveyOf(m)}
                  onResolve={async (keying) => {
                    await api.resolveMismatch(m.id, keying);
                    setResolved(m.serialText);
                    setMismatches((all) => all?.filter((x) => x.id !== m.id));
                  }}
                />
              )}
            </For>
          </Show>
        )}
      </Show>
    </div>
  );
}
