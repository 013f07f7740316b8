import type { Kysely } from 'kysely';
import { quarterDays, shiftQuarter, type QuarterId } from '../../survey/periods.ts';
import type { FacilityReport, QuestionReport, TrendPoint } from '../../survey/reportTypes.ts';
import type { Database } from '../db/schema.ts';
import { RESPONSE_STATUS } from '../rollupCells.ts';
import { isIndicator, targetMet } from './indicators.ts';
import { hideFigures, questionFigures } from './questionFigures.ts';
import { addCount, participation, responseCounts, responseCountsOf, type QuestionCounts } from './reportCounts.ts';
import { ALL_RESPONSES } from './reportCellsFor.ts';
import { reportQuestions, surveySummary, targetPercent, type ReportSurvey } from './reportSurvey.ts';
import { hiddenFacilityFigures } from './hiddenFacilityFigures.ts';
import { isSmallCell } from './suppressSmallCells.ts';

/** Quarters in a dashboard's trend, the asked one included. */
export const TREND_QUARTERS = 8;

export type ReportPeriodQuery = { quarter: QuarterId } | { from: string; to: string };

export interface FacilityRow {
  id: string;
  organisation_id: string;
  name: string;
  time_zone: string;
}

/**
 * A facility's dashboard for one quarter: response counts, participation, every question's
 * figures and the trend of the last eight quarters, from report_cells. A figure is hidden
 * below the threshold, all of them when the quarter has fewer responses than that, and
 * also when the organisation-wide table hides it to protect another facility
 * (hiddenFacilityFigures): else the organisation's total minus the other dashboards would
 * give that facility's figures. A custom range (days in the facility's time zone) gives
 * response counts only, from the day-level rollup.
 */
export async function facilityReport(db: Kysely<Database>, survey: ReportSurvey, facility: FacilityRow, period: ReportPeriodQuery): Promise<FacilityReport> {
  const base = { survey: surveySummary(survey.definition), facility: { id: facility.id, name: facility.name, timeZone: facility.time_zone }, minCellSize: survey.minCellSize };
  if (!('quarter' in period)) {
    const rows = await db.selectFrom('rollup_counts').select(['answer_value', (eb) => eb.fn.sum<number>('count').as('count')])
      .where('survey_id', '=', survey.definition.id).where('survey_version', 'in', survey.versions).where('facility_id', '=', facility.id)
      .where('period_day', '>=', period.from).where('period_day', '<=', period.to).where('question_id', '=', RESPONSE_STATUS)
      .groupBy('answer_value').execute();
    const responses = responseCounts(new Map(rows.map((r) => [r.answer_value, Number(r.count)])));
    return { ...base, period: { kind: 'range', from: period.from, to: period.to }, responses, participation: { residents: null, rate: null }, questions: null, trend: [] };
  }

  const quarters = Array.from({ length: TREND_QUARTERS }, (_, i) => shiftQuarter(period.quarter, i - TREND_QUARTERS + 1));
  const questions = reportQuestions(survey.definition);
  const indicators = questions.filter(({ question }) => isIndicator(question));
  const margins = { surveyId: survey.definition.id, organisationId: facility.organisation_id, minCellSize: survey.minCellSize };
  const [rows, residents, hiddenNow, hiddenBefore] = await Promise.all([
    db.selectFrom('report_cells').select(['period', 'question_id', 'answer_value', (eb) => eb.fn.sum<number>('count').as('count')])
      .where('survey_id', '=', survey.definition.id).where('facility_id', '=', facility.id).where('period', 'in', quarters)
      .where('dimension', '=', ALL_RESPONSES).where('dimension_value', '=', '')
      .groupBy(['period', 'question_id', 'answer_value']).execute(),
    db.selectFrom('resident_counts').select('residents').where('facility_id', '=', facility.id).where('period', '=', period.quarter).executeTakeFirst(),
    hiddenFacilityFigures(db, { ...margins, quarters: [period.quarter], questionIds: questions.map(({ question }) => question.id) }),
    hiddenFacilityFigures(db, { ...margins, quarters: quarters.slice(0, -1), questionIds: indicators.map(({ question }) => question.id) }),
  ]);
  const isHidden = (quarter: QuarterId, questionId: string) => (quarter === period.quarter ? hiddenNow : hiddenBefore).isHidden(quarter, questionId, facility.id);
  const byQuarter = new Map<string, QuestionCounts>();
  for (const row of rows) {
    let counts = byQuarter.get(row.period);
    if (!counts) byQuarter.set(row.period, (counts = new Map()));
    addCount(counts, row.question_id, row.answer_value, Number(row.count));
  }

  const current = byQuarter.get(period.quarter);
  const responses = responseCountsOf(current);
  // A quarter with fewer responses than the threshold shows no answers at all.
  const tooFew = isSmallCell(responses.total, survey.minCellSize);
  const reports: QuestionReport[] = questions.map(({ question, topic }) => {
    const raw = questionFigures(question, survey.definition, current?.get(question.id));
    const figures = tooFew || isSmallCell(raw.n, survey.minCellSize) || isHidden(period.quarter, question.id) ? hideFigures(raw) : raw;
    const report: QuestionReport = { questionId: question.id, kind: question.kind, text: question.text, figures };
    if (topic) report.topic = topic;
    if (isIndicator(question)) {
      const percent = targetPercent(survey, question.id);
      report.target = { percent, met: figures.hidden ? null : targetMet(figures.satisfiedShare, percent) };
    }
    return report;
  });

  const firstWithData = quarters.findIndex((q) => byQuarter.has(q));
  const trend: TrendPoint[] = quarters.slice(firstWithData === -1 ? quarters.length - 1 : Math.min(firstWithData, quarters.length - 1)).map((quarter) => {
    const counts = byQuarter.get(quarter);
    const quarterResponses = responseCountsOf(counts);
    const small = isSmallCell(quarterResponses.total, survey.minCellSize);
    const shares: Record<string, number | null> = {};
    for (const { question } of indicators) {
      const figures = questionFigures(question, survey.definition, counts?.get(question.id));
      shares[question.id] = small || isSmallCell(figures.n, survey.minCellSize) || isHidden(quarter, question.id) ? null : (figures.satisfiedShare ?? null);
    }
    return { period: quarter, responses: quarterResponses, indicators: shares };
  });

  return {
    ...base,
    period: { kind: 'quarter', id: period.quarter, ...quarterDays(period.quarter) },
    responses,
    participation: participation(responses, residents?.residents),
    questions: reports,
    trend,
  };
}
