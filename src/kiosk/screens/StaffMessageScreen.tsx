import { For, Match, Switch } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { Pictogram } from '../../ui/Pictogram.tsx';
import type { StorageFaultKind } from '../../device/storageFault.ts';
import type { KioskProblem } from '../createKioskSession.ts';

const STORAGE_MESSAGES: Record<StorageFaultKind, string> = {
  unavailable: 'staff.storageUnavailable',
  blocked: 'staff.storageBlocked',
  full: 'staff.storageFull',
  failed: 'staff.storageFailed',
};

/** Why no survey can run, for staff; answers already stored are untouched. */
export function StaffMessageScreen(props: { problem: KioskProblem; onRetry: () => void }) {
  return (
    <main class="screen screen--staff" role="alert">
      <h1 class="screen__title">
        <Pictogram name="warning" class="pictogram--title" />
        {t('staff.title')}
      </h1>
      <Switch>
        <Match when={props.problem.kind === 'storage' && props.problem.fault}>
          {(fault) => (
            <p class="staff-message">
              {t(STORAGE_MESSAGES[fault().kind], { reason: fault().detail })}
            </p>
          )}
        </Match>
        <Match when={props.problem.kind === 'survey' && props.problem.load}>
          {(load) => {
            const current = load();
            return current.reason === 'invalid' ? (
              <>
                <p class="staff-message">{t('staff.surveyInvalid', { survey: current.surveyId })}</p>
                <ul class="staff-problems">
                  <For each={current.problems.slice(0, 20)}>
                    {(problem) => (
                      <li>
                        <code>{problem.path}</code>: {problem.message}
                      </li>
                    )}
                  </For>
                </ul>
              </>
            ) : (
              <p class="staff-message">{t('staff.surveyMissing', { survey: current.surveyId, reason: current.detail })}</p>
            );
          }}
        </Match>
      </Switch>
      <button type="button" class="big-button" onClick={() => props.onRetry()}>
        <Pictogram name="start-over" class="pictogram--inline" />
        {t('staff.retry')}
      </button>
    </main>
  );
}
