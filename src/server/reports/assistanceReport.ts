import type { Kysely } from 'kysely';
import type { QuarterId } from '../../survey/periods.ts';
import type { AssistanceReport } from '../../survey/reportTypes.ts';
import { ASSISTANT_ROLES, HELP_KINDS } from '../../survey/responseEnvelope.ts';
import { listQuestions } from '../../survey/walkItems.ts';
import type { Database } from '../db/schema.ts';
import { RESPONSE_STATUS } from '../rollupCells.ts';
import { valueItself } from './answerValueLabels.ts';
import { ALL_RESPONSES, ASSISTANCE_KIND, ASSISTANT_ROLE, QUESTION_HELPED } from './reportCellsFor.ts';
import type { ReportSurvey } from './reportSurvey.ts';
import { isSmallCell, suppressSmallCells } from './suppressSmallCells.ts';

/**
 * A facility's quarter by mode (alone or with a mediator) and the help given, from
 * report_cells, and its withdrawals from withdrawal_counts. Hidden (null): everything when
 * the quarter has fewer responses than the threshold; a mode below it, and the other mode
 * with it (the total is on the dashboard); every help figure when the assisted count is
 * hidden; a kind or a question helped below it; the roles complementarily against the
 * assisted count, since each assisted response has exactly one role. A zero has nothing to
 * hide and is shown.
 */
export async function assistanceReport(db: Kysely<Database>, survey: ReportSurvey, facilityId: string, quarter: QuarterId): Promise<AssistanceReport> {
  const k = survey.minCellSize;
  const definition = survey.definition;
  const [modeRows, helpRows, withdrawn] = await Promise.all([
    db.selectFrom('report_cells').select(['dimension_value', (eb) => eb.fn.sum<number>('count').as('count')])
      .where('survey_id', '=', definition.id).where('facility_id', '=', facilityId).where('period', '=', quarter)
      .where('dimension', '=', 'mode').where('question_id', '=', RESPONSE_STATUS)
      .groupBy('dimension_value').execute(),
    db.selectFrom('report_cells').select(['question_id', 'answer_value', (eb) => eb.fn.sum<number>('count').as('count')])
      .where('survey_id', '=', definition.id).where('facility_id', '=', facilityId).where('period', '=', quarter)
      .where('dimension', '=', ALL_RESPONSES).where('dimension_value', '=', '')
      .where('question_id', 'in', [ASSISTANCE_KIND, ASSISTANT_ROLE, QUESTION_HELPED])
      .groupBy(['question_id', 'answer_value']).execute(),
    db.selectFrom('withdrawal_counts').select((eb) => eb.fn.sum<number>('count').as('n'))
      .where('facility_id', '=', facilityId).where('survey_id', '=', definition.id).where('period', '=', quarter).executeTakeFirst(),
  ]);
  const modes = new Map(modeRows.map((r) => [r.dimension_value, Number(r.count)]));
  const help = new Map<string, Map<string, number>>();
  for (const row of helpRows) {
    let values = help.get(row.question_id);
    if (!values) help.set(row.question_id, (values = new Map()));
    values.set(row.answer_value, Number(row.count));
  }
  const count = (questionId: string, value: string) => help.get(questionId)?.get(value) ?? 0;

  const self = modes.get('self') ?? 0;
  const assisted = modes.get('assisted') ?? 0;
  const tooFew = isSmallCell(self + assisted, k);
  const shown = (n: number, hidden: boolean) => (n === 0 ? 0 : hidden ? null : n);
  const modeHidden = tooFew ? [true, true] : suppressSmallCells([self, assisted], k);
  const assistedHidden = tooFew || (modeHidden[1]! && assisted > 0);

  const roles = [...ASSISTANT_ROLES, ...(count(ASSISTANT_ROLE, 'mediator') > 0 ? ['mediator' as const] : [])];
  const roleCounts = roles.map((role) => count(ASSISTANT_ROLE, role));
  const roleHidden = assistedHidden ? roles.map(() => true) : suppressSmallCells(roleCounts, k);

  const texts = new Map(listQuestions(definition.items).map(({ question }) => [question.id, question.text]));
  const helped = [...(help.get(QUESTION_HELPED) ?? [])]
    .map(([questionId, n]) => ({ questionId, n, hidden: assistedHidden || isSmallCell(n, k) }))
    // Most helped first among those shown; hidden ones after, by id, so the order tells nothing.
    .sort((a, b) => Number(a.hidden) - Number(b.hidden) || (a.hidden ? 0 : b.n - a.n) || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));

  return {
    surveyId: definition.id,
    facilityId,
    period: quarter,
    minCellSize: k,
    modes: tooFew ? { self: null, assisted: null } : { self: shown(self, modeHidden[0]!), assisted: shown(assisted, modeHidden[1]!) },
    kinds: HELP_KINDS.map((kind) => {
      const n = count(ASSISTANCE_KIND, kind);
      return { kind, responses: tooFew ? null : shown(n, assistedHidden || isSmallCell(n, k)) };
    }),
    roles: roles.map((role, i) => ({ role, responses: tooFew ? null : shown(roleCounts[i]!, roleHidden[i]!) })),
    questionsHelped: helped.map(({ questionId, n, hidden }) => ({ questionId, text: texts.get(questionId) ?? valueItself(questionId, definition), responses: hidden ? null : n })),
    withdrawals: Number(withdrawn?.n ?? 0),
  };
}
