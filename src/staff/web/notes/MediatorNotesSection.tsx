import { For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { createApiData } from '../createApiData.ts';
import { formatCount } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { ReportState } from '../ui/ReportState.tsx';

/**
 * Mediators' observations for a facility's quarter (GET /reports/mediator-notes), in their own
 * section: they are staff's words, not residents', and never mixed with comments. Plain text,
 * never HTML; hidden as comments are when the quarter has too few responses.
 */
export function MediatorNotesSection(props: { choice: () => { survey: string; facility: string; period: string } | undefined }) {
  const staff = useStaff();
  const notes = createApiData(props.choice, (choice) => staff.api.mediatorNotes(choice));
  return (
    <section class="sw-section sw-mediator-notes" aria-labelledby="sw-mediator-notes">
      <h2 id="sw-mediator-notes">{t('results:mediatorNotes.title')}</h2>
      <p class="sw-note">{t('results:mediatorNotes.intro')}</p>
      <ReportState source={notes}>
        {(data) => (
          <Show when={!data().hidden} fallback={<p class="sw-hidden-figure">{t('results:mediatorNotes.hidden')}</p>}>
            <Show when={data().notes.length > 0} fallback={<p>{t('results:mediatorNotes.none')}</p>}>
              <p>{t('results:mediatorNotes.count', { formatted: formatCount(data().notes.length, staff.language()) })}</p>
              <ol class="sw-comments">
                <For each={data().notes}>
                  {(note) => (
                    <li class="sw-comment">
                      {/* A text node: a note's words never become markup. */}
                      <p class="sw-comment__text" dir="auto">
                        {note.text}
                      </p>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          </Show>
        )}
      </ReportState>
    </section>
  );
}
