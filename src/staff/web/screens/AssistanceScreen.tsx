import { Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { CountTable } from '../assistance/CountTable.tsx';
import { MODES } from '../assistance/modeComparison.ts';
import { ModeComparisonFigure } from '../assistance/ModeComparisonFigure.tsx';
import { createApiData } from '../createApiData.ts';
import { formatCount, formatQuarter } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { ReportFilters } from '../ui/ReportFilters.tsx';
import { ReportState } from '../ui/ReportState.tsx';

/**
 * Responses answered alone beside those answered with a mediator's help (issue 7): the
 * indicators of the breakdown by mode in two columns, then how assisted responses were
 * helped (kinds, roles, questions) and how many respondents withdrew, for one facility's quarter.
 */
export function AssistanceScreen() {
  const staff = useStaff();
  const { selection } = staff;
  const facilityName = () => staff.facilities()?.find((f) => f.id === selection.facilityId())?.name ?? '';
  const survey = () => staff.surveys()?.find((s) => s.id === selection.surveyId());
  const choice = () =>
    selection.surveyId() && selection.facilityId() ? { survey: selection.surveyId(), facility: selection.facilityId(), period: selection.quarter() } : undefined;

  const byMode = createApiData(choice, (c) => staff.api.breakdown({ ...c, dimension: 'mode' }));
  const help = createApiData(choice, (c) => staff.api.assistance(c));
  const where = () => ({ facility: facilityName(), period: formatQuarter(selection.quarter()) });

  return (
    <>
      <h1>{t('results:assistance.title')}</h1>
      <p>{t('results:assistance.intro')}</p>
      <ReportFilters idPrefix="sw-assistance" facility="one" periods="quarter" />
      <Show when={staff.facilities()?.length === 0}>
        <p>{t('results:dashboard.noFacilities')}</p>
      </Show>
      <section class="sw-section" aria-labelledby="sw-assistance-indicators">
        <h2 id="sw-assistance-indicators">{t('results:assistance.indicatorsTitle')}</h2>
        <p class="sw-note">{t('results:breakdown.hidingNote')}</p>
        <ReportState source={byMode}>{(report) => <ModeComparisonFigure report={report()} caption={t('results:assistance.indicatorsCaption', where())} />}</ReportState>
      </section>
      <ReportState source={help}>
        {(report) => (
          <>
            <section class="sw-section" aria-labelledby="sw-assistance-modes">
              <h2 id="sw-assistance-modes">{t('results:assistance.modesTitle')}</h2>
              <CountTable
                caption={t('results:assistance.modesCaption', where())}
                nameHeader={t('results:assistance.mode')}
                countHeader={t('results:assistance.responses')}
                rows={MODES.map((mode) => ({ key: mode, name: t(`results:breakdown.modes.${mode}`), count: report().modes[mode] }))}
                minCellSize={report().minCellSize}
                empty={t('results:assistance.noneYet')}
              />
            </section>
            <section class="sw-section" aria-labelledby="sw-assistance-kinds">
              <h2 id="sw-assistance-kinds">{t('results:assistance.kindsTitle')}</h2>
              <p class="sw-note">{t('results:assistance.kindsNote')}</p>
              <CountTable
                caption={t('results:assistance.kindsCaption', where())}
                nameHeader={t('results:assistance.kind')}
                countHeader={t('results:assistance.assistedResponses')}
                rows={report().kinds.map((k) => ({ key: k.kind, name: t(`results:assistance.kinds.${k.kind}`), count: k.responses }))}
                minCellSize={report().minCellSize}
                empty={t('results:assistance.noneYet')}
              />
            </section>
            <section class="sw-section" aria-labelledby="sw-assistance-roles">
              <h2 id="sw-assistance-roles">{t('results:assistance.rolesTitle')}</h2>
              <CountTable
                caption={t('results:assistance.rolesCaption', where())}
                nameHeader={t('results:assistance.role')}
                countHeader={t('results:assistance.assistedResponses')}
                rows={report().roles.map((r) => ({ key: r.role, name: t(`results:assistance.roles.${r.role}`), count: r.responses }))}
                minCellSize={report().minCellSize}
                empty={t('results:assistance.noneYet')}
              />
            </section>
            <section class="sw-section" aria-labelledby="sw-assistance-questions">
              <h2 id="sw-assistance-questions">{t('results:assistance.questionsTitle')}</h2>
              <CountTable
                caption={t('results:assistance.questionsCaption', where())}
                nameHeader={t('results:indicators.question')}
                countHeader={t('results:assistance.assistedResponses')}
                rows={report().questionsHelped.map((q) => ({ key: q.questionId, name: staff.surveyText(q.text, survey()) || q.questionId, count: q.responses }))}
                minCellSize={report().minCellSize}
                empty={t('results:assistance.noQuestionsHelped')}
              />
            </section>
            <section class="sw-section" aria-labelledby="sw-assistance-withdrawals">
              <h2 id="sw-assistance-withdrawals">{t('results:assistance.withdrawalsTitle')}</h2>
              <dl class="sw-stats">
                <div>
                  <dt>{t('results:assistance.withdrawals')}</dt>
                  <dd>{formatCount(report().withdrawals, staff.language())}</dd>
                </div>
              </dl>
              <p class="sw-note">{t('results:assistance.withdrawalsNote')}</p>
            </section>
          </>
        )}
      </ReportState>
    </>
  );
}
