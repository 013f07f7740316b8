import { For, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { localize } from '../../survey/localize.ts';
import { formatSerial } from '../../survey/paper/paperSerial.ts';
import type { SurveyDefinition } from '../../survey/schema.ts';
import type { StoredPaperEntry } from '../store/paperDatabase.ts';

const STATUS_KEYS: Record<StoredPaperEntry['status'], string> = {
  waiting: 'waiting',
  accepted: 'accepted',
  duplicate: 'duplicate',
  'awaiting-second-entry': 'awaitingSecond',
  mismatch: 'mismatch',
  rejected: 'rejected',
};

/** The keyer's own sheets on this machine, newest first, with what the server said of each. */
export function SheetResults(props: { entries: StoredPaperEntry[]; surveys: SurveyDefinition[]; language: string }) {
  const title = (row: StoredPaperEntry) => {
    const survey = props.surveys.find((s) => s.id === row.entry.surveyId && s.version === row.entry.surveyVersion);
    return survey ? localize(survey.title, props.language, survey.defaultLanguage) : row.entry.surveyId;
  };
  const status = (row: StoredPaperEntry) => {
    const words = t(`results:paperEntry.status.${STATUS_KEYS[row.status]}`);
    return row.status === 'rejected' && row.error ? `${words}: ${row.error.message}` : words;
  };
  return (
    <section class="sw-section" aria-labelledby="sw-paper-results-title">
      <h2 id="sw-paper-results-title">{t('results:paperEntry.results.title')}</h2>
      <Show when={props.entries.length > 0} fallback={<p>{t('results:paperEntry.results.none')}</p>}>
        <div class="sw-table-scroll">
          <table class="sw-table">
            <caption class="sw-visually-hidden">{t('results:paperEntry.results.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results:paperEntry.results.serial')}</th>
                <th scope="col">{t('results:paperEntry.results.survey')}</th>
                <th scope="col">{t('results:paperEntry.results.filledOn')}</th>
                <th scope="col">{t('results:paperEntry.results.status')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.entries}>
                {(row) => (
                  <tr>
                    <th scope="row">{formatSerial(row.serial)}</th>
                    <td>{title(row)}</td>
                    <td>{row.entry.filledOn}</td>
                    <td>{status(row)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
