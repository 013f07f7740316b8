import type { Kysely } from 'kysely';
import { quarterDays, type QuarterId } from '../../survey/periods.ts';
import type { ComparisonReport } from '../../survey/reportTypes.ts';
import type { Database } from '../db/schema.ts';
import { RESPONSE_STATUS } from '../rollupCells.ts';
import { isIndicator, targetMet } from './indicators.ts';
import { questionFigures } from './questionFigures.ts';
import { addCount, participation, responseCountsOf, type QuestionCounts } from './reportCounts.ts';
import { ALL_RESPONSES } from './reportCellsFor.ts';
import { reportQuestions, surveySummary, targetPercent, type ReportSurvey } from './reportSurvey.ts';
import { hiddenFacilityFigures } from './hiddenFacilityFigures.ts';
import { isSmallCell } from './suppressSmallCells.ts';

type Cells = ComparisonReport['total'];

/**
 * Every facility of the organisation side by side for one quarter: responses,
 * participation and each indicator's satisfied share, with the organisation's total. In
 * each indicator's column the facilities are hidden complementarily against that total
 * (a facility with fewer responses than the threshold has every cell hidden), so no
 * hidden facility can be had by subtracting the others. One query on report_cells.
 */
export async function comparisonReport(db: Kysely<Database>, survey: ReportSurvey, organisationId: string, quarter: QuarterId): Promise<ComparisonReport> {
  const indicators = reportQuestions(survey.definition).filter(({ question }) => isIndicator(question));
  const facilities = await db.selectFrom('facilities').select(['id', 'name']).where('organisation_id', '=', organisationId).orderBy('name').orderBy('id').execute();
  const [rows, residents, hiding] = await Promise.all([
    db.selectFrom('report_cells').select(['facility_id', 'question_id', 'answer_value', (eb) => eb.fn.sum<number>('count').as('count')])
      .where('survey_id', '=', survey.definition.id).where('period', '=', quarter)
      .where('dimension', '=', ALL_RESPONSES).where('dimension_value', '=', '')
      .where('question_id', 'in', [RESPONSE_STATUS, ...indicators.map(({ question }) => question.id)])
      .where('facility_id', 'in', db.selectFrom('facilities').select('id').where('organisation_id', '=', organisationId))
      .groupBy(['facility_id', 'question_id', 'answer_value']).execute(),
    db.selectFrom('resident_counts').select(['facility_id', 'residents']).where('period', '=', quarter)
      .where('facility_id', 'in', db.selectFrom('facilities').select('id').where('organisation_id', '=', organisationId)).execute(),
    // The same hiding as every facility's dashboard, so no view shows what this one hides.
    hiddenFacilityFigures(db, { surveyId: survey.definition.id, organisationId, quarters: [quarter], questionIds: indicators.map(({ question }) => question.id), minCellSize: survey.minCellSize }),
  ]);
  const byFacility = new Map<string, QuestionCounts>();
  const all: QuestionCounts = new Map();
  for (const row of rows) {
    let counts = byFacility.get(row.facility_id);
    if (!counts) byFacility.set(row.facility_id, (counts = new Map()));
    addCount(counts, row.question_id, row.answer_value, Number(row.count));
    addCount(all, row.question_id, row.answer_value, Number(row.count));
  }
  const residentsOf = new Map(residents.map((r) => [r.facility_id, Number(r.residents)]));

  const responses = facilities.map((f) => responseCountsOf(byFacility.get(f.id)));
  const cells: Cells[] = facilities.map(() => ({}));
  const total: Cells = {};
  for (const { question } of indicators) {
    const percent = targetPercent(survey, question.id);
    const figures = facilities.map((f) => questionFigures(question, survey.definition, byFacility.get(f.id)?.get(question.id)));
    const hidden = facilities.map((f) => hiding.isHidden(quarter, question.id, f.id));
    figures.forEach((f, i) => {
      const share = hidden[i] ? null : (f.satisfiedShare ?? null);
      cells[i]![question.id] = { n: f.n, hidden: hidden[i]!, satisfiedShare: share, met: hidden[i] ? null : targetMet(share, percent) };
    });
    const overall = questionFigures(question, survey.definition, all.get(question.id));
    const overallHidden = isSmallCell(overall.n, survey.minCellSize);
    const share = overallHidden ? null : (overall.satisfiedShare ?? null);
    total[question.id] = { n: overall.n, hidden: overallHidden, satisfiedShare: share, met: overallHidden ? null : targetMet(share, percent) };
  }

  return {
    survey: surveySummary(survey.definition),
    period: { kind: 'quarter', id: quarter, ...quarterDays(quarter) },
    minCellSize: survey.minCellSize,
    indicators: indicators.map(({ question, topic }) => ({ questionId: question.id, text: question.text, ...(topic ? { topic } : {}), targetPercent: targetPercent(survey, question.id) })),
    rows: facilities.map((f, i) => ({
      facility: { id: f.id, name: f.name },
      responses: responses[i]!,
      participation: participation(responses[i]!, residentsOf.get(f.id)),
      cells: cells[i]!,
    })),
    total,
  };
}
