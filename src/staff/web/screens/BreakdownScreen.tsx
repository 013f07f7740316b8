import { createMemo, For, Match, Show, Switch } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import type { BreakdownReport, QuestionFigures } from '../../../survey/reportTypes.ts';
import { ChartCanvas } from '../charts/ChartCanvas.tsx';
import { shareBarChart } from '../charts/shareBarChart.ts';
import { createApiData } from '../createApiData.ts';
import { entryLabel } from '../figures/DistributionTable.tsx';
import { formatCount, formatScore, formatShare } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { surveyQuestions } from '../surveyQuestions.ts';
import { HiddenFigure } from '../ui/HiddenFigure.tsx';
import { ReportFilters } from '../ui/ReportFilters.tsx';
import { ReportState } from '../ui/ReportState.tsx';
import { TableScroll } from '../ui/TableScroll.tsx';

type BreakdownQuestion = BreakdownReport['questions'][number];
const BUILT_IN_DIMENSIONS = ['language', 'mode', 'source'] as const;
const FREE_TEXT_KINDS = ['text', 'spoken'];

function GroupCells(props: { question: BreakdownQuestion; figures: QuestionFigures; minCellSize: number; values: string[] }) {
  const staff = useStaff();
  const answered = () => Math.max(0, props.figures.n - props.figures.declined);
  return (
    <Show
      when={!props.figures.hidden}
      fallback={
        <td colSpan={1 + columnsAfterAnswers(props.question, props.values)}>
          <HiddenFigure minCellSize={props.minCellSize} />
        </td>
      }
    >
      <td class="sw-number">{formatCount(answered(), staff.language())}</td>
      <Switch
        fallback={
          <For each={props.values}>
            {(value) => <td class="sw-number">{formatCount(props.figures.distribution.find((entry) => entry.value === value)?.count ?? 0, staff.language())}</td>}
          </For>
        }
      >
        <Match when={props.figures.satisfiedShare !== undefined}>
          <td class="sw-number">{props.figures.satisfiedShare == null ? t('results:question.none') : formatShare(props.figures.satisfiedShare, staff.language())}</td>
        </Match>
        <Match when={props.question.kind === 'rating'}>
          <td class="sw-number">{props.figures.mean == null ? t('results:question.none') : formatScore(props.figures.mean, staff.language())}</td>
          <td class="sw-number">{props.figures.median == null ? t('results:question.none') : formatScore(props.figures.median, staff.language())}</td>
        </Match>
      </Switch>
    </Show>
  );
}

function columnsAfterAnswers(question: BreakdownQuestion, values: string[]): number {
  if (question.overall.satisfiedShare !== undefined) return 1;
  if (question.kind === 'rating') return 2;
  return values.length;
}

function BreakdownQuestionView(props: { report: BreakdownReport; question: BreakdownQuestion; dimensionName: string; index: number }) {
  const staff = useStaff();
  const survey = () => props.report.survey;
  const text = () => staff.surveyText(props.question.text, survey());
  const topic = () => staff.surveyText(props.question.topic?.title, survey());
  const isIndicator = () => props.question.overall.satisfiedShare !== undefined;
  const values = () => props.question.overall.distribution.map((entry) => entry.value);
  const groupName = (group: BreakdownQuestion['groups'][number]) => (group.value === '_none' ? t('results:breakdown.notGiven') : staff.surveyText(group.label, survey()) || group.value);
  // A hidden group keeps its place on the axis, named as hidden, so an empty bar is never read as 0%.
  const axisName = (group: BreakdownQuestion['groups'][number]) =>
    group.figures.hidden ? t('results:chart.hiddenLabel', { name: groupName(group) }) : groupName(group);
  const config = () =>
    shareBarChart({
      labels: props.question.groups.map(axisName),
      shares: props.question.groups.map((g) => (g.figures.hidden || g.figures.satisfiedShare == null ? null : g.figures.satisfiedShare)),
      seriesIndex: props.index,
      language: staff.language(),
    });
  const summary = () =>
    t('results:breakdown.chartLabel', {
      question: text(),
      dimension: props.dimensionName,
      figures: props.question.groups
        .map((g) => `${groupName(g)}: ${g.figures.hidden || g.figures.satisfiedShare == null ? t('results:hidden', { count: props.report.minCellSize }) : formatShare(g.figures.satisfiedShare, staff.language())}`)
        .join('; '),
    });

  return (
    <section class="sw-section">
      <h3>{topic() ? t('results:breakdown.questionInTopic', { topic: topic(), question: text() }) : text()}</h3>
      <figure class="sw-figure">
        <Show when={isIndicator()}>
          <ChartCanvas config={config} label={summary()} class="sw-chart--bars" />
        </Show>
        <TableScroll label={t('results:breakdown.caption', { question: text(), dimension: props.dimensionName })}>
          <table class="sw-table">
            <caption>{t('results:breakdown.caption', { question: text(), dimension: props.dimensionName })}</caption>
            <thead>
              <tr>
                <th scope="col">{props.dimensionName}</th>
                <th scope="col">{t('results:indicators.answers')}</th>
                <Switch
                  fallback={
                    <For each={props.question.overall.distribution}>
                      {(entry) => <th scope="col">{entryLabel(entry, props.question.kind, (label) => staff.surveyText(label, survey()))}</th>}
                    </For>
                  }
                >
                  <Match when={isIndicator()}>
                    <th scope="col">{t('results:comparison.shareSatisfied')}</th>
                  </Match>
                  <Match when={props.question.kind === 'rating'}>
                    <th scope="col">{t('results:question.mean')}</th>
                    <th scope="col">{t('results:question.median')}</th>
                  </Match>
                </Switch>
              </tr>
            </thead>
            <tbody>
              <For each={props.question.groups}>
                {(group) => (
                  <tr>
                    <th scope="row">{groupName(group)}</th>
                    <GroupCells question={props.question} figures={group.figures} minCellSize={props.report.minCellSize} values={values()} />
                  </tr>
                )}
              </For>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('results:breakdown.overall')}</th>
                <GroupCells question={props.question} figures={props.question.overall} minCellSize={props.report.minCellSize} values={values()} />
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      </figure>
    </section>
  );
}

/** One quarter's figures per group of a dimension: language, mode, source or a demographic question. */
export function BreakdownScreen() {
  const staff = useStaff();
  const { selection, router } = staff;
  const wholeOrganisation = () => staff.user().role === 'admin' || staff.user().role === 'analyst';
  const survey = () => staff.surveys()?.find((s) => s.id === selection.surveyId());
  const demographics = createMemo(() => surveyQuestions(survey()?.definition).filter((q) => q.demographic));
  const dimensions = () => [
    ...BUILT_IN_DIMENSIONS.map((id) => ({ id, name: t(`results:breakdown.dimensions.${id}`) })),
    ...demographics().map((q) => ({ id: q.id, name: staff.surveyText(q.text, survey()) })),
  ];
  const dimension = () => {
    const wanted = router.search().get('dimension') ?? '';
    return dimensions().some((d) => d.id === wanted) ? wanted : 'language';
  };
  const dimensionName = () => dimensions().find((d) => d.id === dimension())?.name ?? dimension();
  const facility = () => (wholeOrganisation() && selection.facilityParam() === 'all' ? undefined : selection.facilityId() || undefined);

  const report = createApiData(
    () => {
      if (!selection.surveyId()) return undefined;
      if (!wholeOrganisation() && !facility()) return undefined;
      return { survey: selection.surveyId(), period: selection.quarter(), dimension: dimension(), facility: facility() };
    },
    (choice) => staff.api.breakdown(choice),
  );
  const setDimension = (value: string) => {
    const params = router.search();
    params.set('dimension', value);
    router.replaceSearch(params);
  };

  return (
    <>
      <h1>{t('results:breakdown.title')}</h1>
      <ReportFilters idPrefix="sw-breakdown" facility={wholeOrganisation() ? 'one-or-all' : 'one'} periods="quarter" />
      <div class="sw-field">
        <label for="sw-breakdown-dimension">{t('results:breakdown.dimension')}</label>
        <select id="sw-breakdown-dimension" onInput={(event) => setDimension(event.currentTarget.value)}>
          <For each={dimensions()}>{(d) => <option value={d.id} selected={d.id === dimension()}>{d.name}</option>}</For>
        </select>
      </div>
      <p class="sw-note">{t('results:breakdown.hidingNote')}</p>
      <ReportState source={report}>
        {(data) => (
          <For each={data().questions.filter((q) => !FREE_TEXT_KINDS.includes(q.kind))} fallback={<p>{t('results:breakdown.noQuestions')}</p>}>
            {(question, index) => <BreakdownQuestionView report={data()} question={question} dimensionName={dimensionName()} index={index()} />}
          </For>
        )}
      </ReportState>
    </>
  );
}
