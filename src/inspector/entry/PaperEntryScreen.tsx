import { createEffect, createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { localize } from '../../survey/localize.ts';
import { formatSerial } from '../../survey/paper/paperSerial.ts';
import { makePaperApi } from '../../staff/web/api/paperApi.ts';
import { reportSessionEnded } from '../../staff/web/createStaffSession.ts';
import { useStaff } from '../../staff/web/StaffContext.ts';
import { ErrorNotice } from '../../staff/web/ui/ErrorNotice.tsx';
import { submitListener } from '../../staff/web/ui/submitListener.ts';
import { CameraScan } from './CameraScan.tsx';
import { createPaperEntry, localToday, type OpenProblem } from './createPaperEntry.ts';
import { keepPaperOffline } from './keepPaperOffline.ts';
import type { KeyInput } from './keySheet.ts';
import { SheetKeying } from './SheetKeying.tsx';
import { SheetResults } from './SheetResults.tsx';
import './paperEntry.css';

const FILLED_ON_KEY = 'sayso-paper-filled-on';

/**
 * Transcription of paper sheets: serial or QR, then the sheet from the keyboard,
 * every key kept in IndexedDB, finished sheets uploaded when the server is reachable.
 * Works with no network after one online visit (the workspace is kept).
 */
export default function PaperEntryScreen() {
  const staff = useStaff();
  const api = makePaperApi({ onSessionEnded: reportSessionEnded });
  const offline = () => typeof navigator !== 'undefined' && !navigator.onLine;
  const entry = createPaperEntry({ user: staff.user, api, offline });
  const [typed, setTyped] = createSignal('');
  const [problem, setProblem] = createSignal<{ kind: OpenProblem; text: string } | null>(null);
  const [saved, setSaved] = createSignal<string | null>(null);
  const [filledOn, setFilledOn] = createSignal(sessionStorage.getItem(FILLED_ON_KEY) ?? localToday());
  const [facilityId, setFacilityId] = createSignal('');
  let serialInput: HTMLInputElement | undefined;

  const facilities = () => entry.workspace()?.facilities ?? [];
  const facility = () => facilities().find((f) => f.id === facilityId()) ?? facilities()[0];

  onMount(() => {
    void entry.start().then(() => {
      if (!entry.draft()) serialInput?.focus();
    });
    void keepPaperOffline().catch(() => undefined);
  });

  const changeFilledOn = (value: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    setFilledOn(value);
    sessionStorage.setItem(FILLED_ON_KEY, value);
    entry.setFilledOn(value);
  };

  // A fast keyer (or a scanner's Enter) types the first codes while the sheet is still opening:
  // every key, in the serial field or already in the sheet, waits in order in `heldKeys` until the
  // sheet is open, then is keyed into it; none is lost or keyed out of turn.
  let holding = false;
  const heldKeys: KeyInput[] = [];
  const holdKeyWhileOpening = (event: KeyboardEvent) => {
    if (!holding || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key.length > 1 && !['Enter', 'Backspace', 'ArrowUp', 'Escape'].includes(event.key)) return;
    event.preventDefault();
    heldKeys.push({ key: event.key });
  };

  const keyIntoSheet = async (input: KeyInput) => {
    const open = entry.draft();
    if (!open) return;
    const serialText = formatSerial(open.head.serial);
    if (await entry.key(input)) finished(serialText);
  };

  const open = async (text: string) => {
    if (holding) return;
    setSaved(null);
    holding = true;
    heldKeys.length = 0;
    let found: OpenProblem | null = 'no-workspace';
    try {
      found = await entry.open(text, facility()?.id ?? '', filledOn());
      if (!found) {
        setProblem(null);
        setTyped('');
        while (heldKeys.length > 0 && entry.draft()) await keyIntoSheet(heldKeys.shift()!);
      }
    } finally {
      holding = false;
      heldKeys.length = 0;
    }
    if (found) {
      setProblem({ kind: found, text: text.trim() });
      serialInput?.select();
    }
  };

  const finished = (serialText: string) => {
    setSaved(serialText);
    setTyped('');
    queueMicrotask(() => serialInput?.focus());
  };

  const problemText = (p: { kind: OpenProblem; text: string }) => t(`results:paperEntry.serialProblems.${p.kind}`, { typed: p.text });

  const openSurvey = createMemo(() => entry.survey());
  const heading = () => {
    const open = entry.draft();
    const survey = openSurvey();
    if (!open || !survey) return '';
    return t('results:paperEntry.sheetTitle', {
      serial: formatSerial(open.head.serial),
      survey: localize(survey.title, staff.language(), survey.defaultLanguage),
      version: open.head.surveyVersion,
      language: open.head.language,
    });
  };

  // Back to the serial field when no sheet is open (after a reload with none, or once saved).
  createEffect(() => {
    if (entry.ready() && !entry.draft()) queueMicrotask(() => serialInput?.focus());
  });

  return (
    <div class="sw-paper">
      <h1>{t('results:paperEntry.title')}</h1>
      <p>{t('results:paperEntry.intro')}</p>
      <Show when={entry.workspace()?.doubleEntry}>
        <p class="sw-notice">{t('results:paperEntry.doubleEntryOn')}</p>
      </Show>
      <ErrorNotice error={entry.workspaceError()} />
      <ErrorNotice error={entry.storeError()} />

      <dl class="sw-stats sw-paper-counts" aria-label={t('results:paperEntry.counts.label')}>
        <div>
          <dt>{t('results:paperEntry.counts.keyed')}</dt>
          <dd>{entry.counts().keyed}</dd>
        </div>
        <div>
          <dt>{t('results:paperEntry.counts.waiting')}</dt>
          <dd>{entry.counts().waiting}</dd>
        </div>
        <div>
          <dt>{t('results:paperEntry.counts.uploaded')}</dt>
          <dd>{entry.counts().uploaded}</dd>
        </div>
      </dl>
      <Show when={entry.counts().othersWaiting > 0}>
        <p>{t('results:paperEntry.othersWaiting', { number: entry.counts().othersWaiting })}</p>
      </Show>
      <ErrorNotice error={entry.uploadError()} />

      <Show when={entry.ready() && !entry.workspace()}>
        <p class="sw-error" role="alert">
          {t('results:paperEntry.noWorkspace')}
        </p>
      </Show>

      <form class="sw-form sw-paper-serial" ref={submitListener(() => open(typed()))}>
        <Show when={facilities().length > 1}>
          <div class="sw-field">
            <label for="sw-paper-facility">{t('results:paperEntry.facility')}</label>
            <select id="sw-paper-facility" onInput={(e) => setFacilityId(e.currentTarget.value)}>
              <For each={facilities()}>{(f) => <option value={f.id} selected={f.id === facility()?.id}>{f.name}</option>}</For>
            </select>
          </div>
        </Show>
        <div class="sw-field">
          <label for="sw-paper-filled-on">{t('results:paperEntry.filledOn')}</label>
          <input id="sw-paper-filled-on" type="date" value={filledOn()} max={localToday()} onInput={(e) => changeFilledOn(e.currentTarget.value)} />
        </div>
        <div class="sw-field">
          <label for="sw-paper-serial">{t('results:paperEntry.serial')}</label>
          <input
            id="sw-paper-serial"
            ref={(el) => (serialInput = el)}
            autocomplete="off"
            spellcheck={false}
            aria-describedby="sw-paper-serial-hint"
            value={typed()}
            disabled={Boolean(entry.draft())}
            onInput={(e) => setTyped(e.currentTarget.value)}
            onKeyDown={holdKeyWhileOpening}
          />
          <p id="sw-paper-serial-hint" class="sw-note">
            {t('results:paperEntry.serialHint')}
          </p>
        </div>
        <div class="sw-actions">
          <button type="submit" class="sw-button" disabled={Boolean(entry.draft())}>
            {t('results:paperEntry.openSheet')}
          </button>
          <CameraScan disabled={Boolean(entry.draft())} onCode={(text) => void open(text)} />
        </div>
        <Show when={problem()}>{(p) => <p class="sw-error" role="alert">{problemText(p())}</p>}</Show>
        <Show when={saved()}>{(serial) => <p class="sw-success" role="status">{t('results:paperEntry.saved', { serial: serial() })}</p>}</Show>
      </form>

      {/* Keyed by the sheet, not its state: a key never rebuilds the field the keyer types in. */}
      <Show when={openSurvey() ? entry.draft()?.entryId : undefined} keyed>
        {(_entryId) => (
          <section class="sw-section" aria-labelledby="sw-paper-sheet-title">
            <h2 id="sw-paper-sheet-title">{heading()}</h2>
            <SheetKeying
              survey={openSurvey()!}
              state={entry.draft()?.state}
              language={staff.language()}
              onKey={(input) => {
                if (holding) heldKeys.push(input);
                else void keyIntoSheet(input);
              }}
            />
            <button type="button" class="sw-button sw-button--quiet" onClick={() => void entry.discard()}>
              {t('results:paperEntry.discard')}
            </button>
          </section>
        )}
      </Show>

      <SheetResults entries={entry.recent()} surveys={entry.workspace()?.surveys ?? []} language={staff.language()} />
    </div>
  );
}
