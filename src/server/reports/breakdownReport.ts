import type { Kysely } from 'kysely';
import { languageInfo } from '../../survey/languages.ts';
import { quarterDays, type QuarterId } from '../../survey/periods.ts';
import type { BreakdownReport, QuestionFigures } from '../../survey/reportTypes.ts';
import type { LocalizedText, Question, SurveyDefinition } from '../../survey/schema.ts';
import { listQuestions } from '../../survey/walkItems.ts';
import type { Database } from '../db/schema.ts';
import { answerValueLabels, valueItself } from './answerValueLabels.ts';
import { hiddenFacilityFigures } from './hiddenFacilityFigures.ts';
import { localeText } from './localeText.ts';
import { hideFigures, questionFigures } from './questionFigures.ts';
import { addCount, responseCountsOf, type QuestionCounts } from './reportCounts.ts';
import { ALL_RESPONSES, NOT_SAID, RESPONDENTS, RESPONSE_DIMENSIONS, demographicDimensions } from './reportCellsFor.ts';
import { reportQuestions, surveySummary, type ReportSurvey } from './reportSurvey.ts';
import { isSmallCell, suppressSmallCells } from './suppressSmallCells.ts';

/** The dimensions a survey can be broken down by: language, mode, source and its demographic questions. */
export function breakdownDimensions(definition: SurveyDefinition): string[] {
  return [...RESPONSE_DIMENSIONS, ...demographicDimensions(definition)];
}

/** Values the built-in dimensions take, in the order screens list them. */
const KNOWN_VALUES: Record<string, readonly string[]> = { mode: ['self', 'assisted'], source: ['tablet', 'paper', 'invitation'] };

interface Group {
  value: string;
  label: LocalizedText;
}

function demographicQuestion(dimension: string, definition: SurveyDefinition): Question | undefined {
  return listQuestions(definition.items).find((p) => p.question.id === dimension && p.question.demographic)?.question;
}

/** The dimension's groups: every value the definition knows (demographics), then those seen, '_none' last. */
function groupsOf(dimension: string, definition: SurveyDefinition, seen: Iterable<string>): Group[] {
  const demographic = demographicQuestion(dimension, definition);
  if (demographic) {
    const known = answerValueLabels(demographic, definition).map(({ value, label }) => ({ value, label }));
    const extra = [...seen].filter((v) => v !== NOT_SAID && !known.some((k) => k.value === v)).sort().map((value) => ({ value, label: valueItself(value, definition) }));
    return [...known, ...extra, { value: NOT_SAID, label: localeText('results', 'breakdown.notGiven') ?? valueItself(NOT_SAID, definition) }];
  }
  const order = dimension === 'language' ? definition.languages : (KNOWN_VALUES[dimension] ?? []);
  const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
  return [...seen].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)).map((value) => ({
    value,
    label: dimension === 'language'
      ? { en: languageInfo(value).englishName, [value]: languageInfo(value).nativeName }
      : (localeText('results', `breakdown.${dimension === 'mode' ? 'modes' : 'sources'}.${value}`) ?? valueItself(value, definition)),
  }));
}

function dimensionLabel(dimension: string, definition: SurveyDefinition): LocalizedText {
  return demographicQuestion(dimension, definition)?.text ?? localeText('results', `breakdown.dimensions.${dimension}`) ?? valueItself(dimension, definition);
}

/** A hidden group shows nothing, not even how many answered: a small group's size is withheld too. */
function hiddenGroupFigures(figures: QuestionFigures): QuestionFigures {
  return { ...hideFigures(figures), n: 0 };
}

/**
 * The '_none' group of a demographic is everyone not in another group: those who did not
 * say, and those whose survey version did not ask (their cells have no such dimension).
 * So the groups always add up to the overall figures, and nothing is left over to subtract.
 */
function withNotSaid(overall: QuestionCounts, groups: Map<string, QuestionCounts>): void {
  const none: QuestionCounts = new Map();
  for (const [questionId, values] of overall) {
    for (const [value, count] of values) {
      let rest = count;
      for (const [group, counts] of groups) if (group !== NOT_SAID) rest -= counts.get(questionId)?.get(value) ?? 0;
      if (rest > 0) addCount(none, questionId, value, rest);
    }
  }
  groups.set(NOT_SAID, none);
}

export type BreakdownScope = { facilityId: string } | { organisationId: string };

/**
 * One quarter's figures per group of a dimension (language, mode, source or a demographic
 * question), for one facility or the whole organisation, beside the overall figures.
 *
 * In each question the groups are hidden complementarily against the overall figure. For
 * one facility, the overall figure is hidden as on its dashboard (hiddenFacilityFigures)
 * and then every group with it, or the groups would add up to it. For the organisation, a
 * group is also hidden when the facilities' own breakdowns hide that group in only one
 * facility, or in several with fewer than k together: the organisation's group minus the
 * other facilities' would give them.
 */
export async function breakdownReport(db: Kysely<Database>, survey: ReportSurvey, scope: BreakdownScope, quarter: QuarterId, dimension: string): Promise<BreakdownReport> {
  const definition = survey.definition;
  const k = survey.minCellSize;
  const questions = reportQuestions(definition).filter(({ question }) => question.kind !== 'text' && question.kind !== 'spoken');
  const questionIds = questions.map(({ question }) => question.id);
  const organisationId = 'facilityId' in scope
    ? (await db.selectFrom('facilities').select('organisation_id').where('id', '=', scope.facilityId).executeTakeFirstOrThrow()).organisation_id
    : scope.organisationId;
  const inScope = 'facilityId' in scope
    ? [scope.facilityId]
    : null;
  const orgFacilities = db.selectFrom('facilities').select('id').where('organisation_id', '=', organisationId);

  let cellsQuery = db.selectFrom('report_cells').select(['dimension', 'dimension_value', 'question_id', 'answer_value', (eb) => eb.fn.sum<number>('count').as('count')])
    .where('survey_id', '=', definition.id).where('period', '=', quarter).where('dimension', 'in', [ALL_RESPONSES, dimension]);
  cellsQuery = inScope ? cellsQuery.where('facility_id', 'in', inScope) : cellsQuery.where('facility_id', 'in', orgFacilities);
  const [rows, hiding, perFacility] = await Promise.all([
    cellsQuery.groupBy(['dimension', 'dimension_value', 'question_id', 'answer_value']).execute(),
    hiddenFacilityFigures(db, { surveyId: definition.id, organisationId, quarters: [quarter], questionIds, minCellSize: k }),
    // The organisation's breakdown needs each facility's groups too: their sizes are enough.
    inScope ? Promise.resolve([]) : db.selectFrom('report_cells')
      .select(['facility_id', 'dimension_value', 'question_id',
        (eb) => eb.fn.sum<number>(eb.case().when('answer_value', '=', RESPONDENTS).then(eb.ref('count')).else(0).end()).as('respondents'),
        (eb) => eb.fn.sum<number>(eb.case().when('answer_value', '<>', RESPONDENTS).then(eb.ref('count')).else(0).end()).as('answers')])
      .where('survey_id', '=', definition.id).where('period', '=', quarter).where('dimension', '=', dimension).where('question_id', 'in', questionIds)
      .where('facility_id', 'in', orgFacilities)
      .groupBy(['facility_id', 'dimension_value', 'question_id']).execute(),
  ]);

  const overall: QuestionCounts = new Map();
  const byGroup = new Map<string, QuestionCounts>();
  for (const row of rows) {
    if (row.dimension === ALL_RESPONSES) {
      addCount(overall, row.question_id, row.answer_value, Number(row.count));
      continue;
    }
    let counts = byGroup.get(row.dimension_value);
    if (!counts) byGroup.set(row.dimension_value, (counts = new Map()));
    addCount(counts, row.question_id, row.answer_value, Number(row.count));
  }
  const demographic = demographicQuestion(dimension, definition) !== undefined;
  if (demographic) withNotSaid(overall, byGroup);
  const groups = groupsOf(dimension, definition, byGroup.keys());
  const groupIndex = new Map(groups.map((g, i) => [g.value, i]));

  // Organisation: a group whose hidden cells across the facilities' own breakdowns are one
  // facility's, or together fewer than k, would give them away as the organisation's group
  // minus the other facilities' shown ones; so it is hidden (the same rule as complementary
  // hiding, down the facilities of each group).
  const hiddenInSomeFacility = new Map<string, boolean[]>();
  const hiddenCells = new Map<string, Array<{ facilities: number; n: number }>>();
  if (!inScope) {
    const sizes = new Map<string, Map<string, number[]>>();
    for (const row of perFacility) {
      const index = groupIndex.get(row.dimension_value);
      if (index === undefined) continue;
      let byQuestion = sizes.get(row.facility_id);
      if (!byQuestion) sizes.set(row.facility_id, (byQuestion = new Map()));
      let ns = byQuestion.get(row.question_id);
      if (!ns) byQuestion.set(row.question_id, (ns = groups.map(() => 0)));
      const respondents = Number(row.respondents);
      ns[index] = respondents > 0 ? respondents : Number(row.answers);
    }
    for (const facilityId of hiding.facilityIds) {
      for (const questionId of questionIds) {
        const ns = sizes.get(facilityId)?.get(questionId) ?? groups.map(() => 0);
        const total = hiding.n(quarter, questionId, facilityId);
        const noneIndex = groupIndex.get(NOT_SAID);
        if (demographic && noneIndex !== undefined) ns[noneIndex] = Math.max(0, total - ns.reduce((sum, n, i) => (i === noneIndex ? sum : sum + n), 0));
        const overallHidden = hiding.isHidden(quarter, questionId, facilityId);
        const flags = suppressSmallCells(ns, k, overallHidden ? ns.map(() => true) : []);
        let cells = hiddenCells.get(questionId);
        if (!cells) hiddenCells.set(questionId, (cells = groups.map(() => ({ facilities: 0, n: 0 }))));
        flags.forEach((flag, i) => {
          if (flag && ns[i]! > 0) {
            cells![i]!.facilities += 1;
            cells![i]!.n += ns[i]!;
          }
        });
      }
    }
    for (const [questionId, cells] of hiddenCells) hiddenInSomeFacility.set(questionId, cells.map((c) => c.facilities > 0 && (c.facilities === 1 || isSmallCell(c.n, k))));
  }

  const tooFew = isSmallCell(responseCountsOf(overall).total, k);
  return {
    survey: surveySummary(definition),
    period: { kind: 'quarter', id: quarter, ...quarterDays(quarter) },
    facilityId: inScope ? inScope[0]! : null,
    dimension: { id: dimension, label: dimensionLabel(dimension, definition) },
    minCellSize: k,
    questions: questions.map(({ question, topic }) => {
      const all = questionFigures(question, definition, overall.get(question.id));
      const overallHidden = tooFew || isSmallCell(all.n, k) || (inScope !== null && hiding.isHidden(quarter, question.id, inScope[0]!));
      const figures = groups.map((g) => questionFigures(question, definition, byGroup.get(g.value)?.get(question.id)));
      const forced = overallHidden ? groups.map(() => true) : (hiddenInSomeFacility.get(question.id) ?? []);
      const hidden = suppressSmallCells(figures.map((f) => f.n), k, forced);
      return {
        questionId: question.id,
        kind: question.kind,
        text: question.text,
        ...(topic ? { topic } : {}),
        overall: overallHidden ? hideFigures(all) : all,
        groups: groups.map((g, i) => ({ value: g.value, label: g.label, figures: hidden[i] ? hiddenGroupFigures(figures[i]!) : figures[i]! })),
      };
    }),
  };
}
