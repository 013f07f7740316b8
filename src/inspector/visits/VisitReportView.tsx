import { For, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { EVIDENCE, type VisitEntry } from '../../staff/web/api/visitsApi.ts';
import { formatCount, formatDay } from '../../staff/web/formatFigures.ts';
import { useStaff } from '../../staff/web/StaffContext.ts';
import { TableScroll } from '../../staff/web/ui/TableScroll.tsx';
import { RatingText } from './RatingText.tsx';

/**
 * One visit's report: its facts, then the critical issues by area (who said so, the
 * inspector's notes as plain text), then where the sources disagree, then the ratings per source.
 */
export function VisitReportView(props: { visit: VisitEntry; defaultLanguage: string }) {
  const staff = useStaff();
  const text = (value: Record<string, string>) => staff.surveyText(value, { defaultLanguage: props.defaultLanguage });
  const day = () => formatDay(props.visit.visitDay, staff.language());
  const id = (part: string) => `sw-visit-${props.visit.responseId}-${part}`;
  const critical = () => props.visit.areas.filter((area) => area.critical.length > 0);
  const disagreeing = () => props.visit.areas.filter((area) => area.disagreements.length > 0);
  const sourceName = (source: string) => t(`results:visits.sources.${source}`);

  return (
    <article class="sw-visit" id={id('report')} aria-labelledby={id('title')}>
      <h2 id={id('title')}>{t('results:visits.visitTitle', { day: day() })}</h2>
      <dl class="sw-stats sw-visit__facts">
        <Show when={props.visit.serialText}>
          <div>
            <dt>{t('results:visits.sheet')}</dt>
            <dd>{props.visit.serialText}</dd>
          </div>
        </Show>
        <div>
          <dt>{t('results:visits.centreType')}</dt>
          <dd>{props.visit.centreType ? text(props.visit.centreType.label) : t('results:visits.centreUnknown')}</dd>
        </div>
        <div>
          <dt>{t('results:visits.itemsRated')}</dt>
          <dd>{formatCount(props.visit.itemsRated, staff.language())}</dd>
        </div>
      </dl>

      <section class="sw-section" aria-labelledby={id('critical')}>
        <h3 id={id('critical')}>{t('results:visits.criticalTitle')}</h3>
        <Show when={critical().length > 0} fallback={<p>{t('results:visits.criticalNone')}</p>}>
          <For each={critical()}>
            {(area) => (
              <>
                <h4>{text(area.title)}</h4>
                <ul class="sw-visit__findings">
                  <For each={area.critical}>
                    {(finding) => (
                      <li>
                        <p class="sw-visit__item">{text(finding.text)}</p>
                        <p>{t('results:visits.criticalBy', { sources: finding.criticalSources.map(sourceName).join(', ') })}</p>
                        <Show when={finding.notes}>
                          {(notes) => (
                            <p class="sw-visit__notes">
                              {t('results:visits.notesLabel')} {notes()}
                            </p>
                          )}
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </>
            )}
          </For>
        </Show>
      </section>

      <section class="sw-section" aria-labelledby={id('disagreements')}>
        <h3 id={id('disagreements')}>{t('results:visits.disagreementsTitle')}</h3>
        <Show when={disagreeing().length > 0} fallback={<p>{t('results:visits.disagreementsNone')}</p>}>
          <For each={disagreeing()}>
            {(area) => (
              <TableScroll label={t('results:visits.disagreementsCaption', { area: text(area.title) })}>
                <table class="sw-table">
                  <caption>{t('results:visits.disagreementsCaption', { area: text(area.title) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('results:visits.item')}</th>
                      <For each={EVIDENCE}>{(source) => <th scope="col">{sourceName(source)}</th>}</For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={area.disagreements}>
                      {(finding) => (
                        <tr>
                          <th scope="row">{text(finding.text)}</th>
                          <For each={EVIDENCE}>
                            {(source) => (
                              <td>
                                <RatingText rating={finding.ratings[source]} asked={source in finding.ratings} />
                              </td>
                            )}
                          </For>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableScroll>
            )}
          </For>
        </Show>
      </section>

      <section class="sw-section" aria-labelledby={id('counts')}>
        <h3 id={id('counts')}>{t('results:visits.countsTitle')}</h3>
        <TableScroll label={t('results:visits.countsCaption', { day: day() })}>
          <table class="sw-table">
            <caption>{t('results:visits.countsCaption', { day: day() })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results:visits.source')}</th>
                <th scope="col">{t('results:visits.ratings.effective')}</th>
                <th scope="col">{t('results:visits.ratings.partial')}</th>
                <th scope="col">{t('results:visits.ratings.critical')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={EVIDENCE}>
                {(source) => (
                  <tr>
                    <th scope="row">{sourceName(source)}</th>
                    <td>{formatCount(props.visit.counts[source].effective, staff.language())}</td>
                    <td>{formatCount(props.visit.counts[source].partial, staff.language())}</td>
                    <td>{formatCount(props.visit.counts[source].critical, staff.language())}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableScroll>
      </section>
    </article>
  );
}
