import { PREFER_NOT_TO_ANSWER, type Answers, type AnswerValue } from '../../survey/answers.ts';
import { quarterOfDay, type QuarterId } from '../../survey/periods.ts';
import type { Assistance } from '../../survey/responseEnvelope.ts';
import type { QuestionKind, SurveyDefinition } from '../../survey/schema.ts';
import { listQuestions } from '../../survey/walkItems.ts';
import { ANSWERED, RESPONSE_STATUS, localDay } from '../rollupCells.ts';

/** One counter of report_cells (src/server/db/schema.ts). */
export interface ReportCell {
  surveyId: string;
  surveyVersion: number;
  facilityId: string;
  period: QuarterId;
  dimension: string;
  dimensionValue: string;
  questionId: string;
  answerValue: string;
  count: number;
}

/** Dimension '' with value '': every response. */
export const ALL_RESPONSES = '';
/** The breakdowns every survey has, besides its demographic questions. */
export const RESPONSE_DIMENSIONS = ['language', 'mode', 'source'] as const;
/** A demographic the respondent did not give, or declined. */
export const NOT_SAID = '_none';
/** Per multi-select question: respondents who answered it (choices add up to more). */
export const RESPONDENTS = '_n';
/**
 * Pseudo-questions of an assisted response, under the all-responses dimension only: one
 * cell per kind of help, the assistant's role, one per question helped. Survey question
 * ids start with a letter (schema.ts), so these never collide with a question, and every
 * report reads questions by the definition's ids, so none shows them as a question.
 */
export const ASSISTANCE_KIND = '_assistance';
export const ASSISTANT_ROLE = '_assistant';
export const QUESTION_HELPED = '_helped';

export interface ReportCellInput {
  survey: SurveyDefinition;
  facilityId: string;
  timeZone: string;
  reportedAt: string;
  status: string;
  mode: string;
  language: string;
  source: string;
  answers: Answers;
  /** An assisted response's help (responses.assistance, without the staff reference). */
  assistance?: Omit<Assistance, 'staffRef'> | null;
}

interface CellPlan {
  kinds: Map<string, QuestionKind>;
  demographics: Array<{ id: string; kind: QuestionKind }>;
}

const plans = new WeakMap<SurveyDefinition, CellPlan>();

function planFor(survey: SurveyDefinition): CellPlan {
  let plan = plans.get(survey);
  if (!plan) {
    const questions = listQuestions(survey.items).map((p) => p.question);
    plan = {
      kinds: new Map(questions.map((q) => [q.id, q.kind])),
      // A demographic named like a built-in dimension would be counted twice under it.
      demographics: questions
        .filter((q) => q.demographic && q.kind !== 'info' && !(RESPONSE_DIMENSIONS as readonly string[]).includes(q.id))
        .map((q) => ({ id: q.id, kind: q.kind })),
    };
    plans.set(survey, plan);
  }
  return plan;
}

/** The demographic questions a survey version is broken down by (dimension ids). */
export function demographicDimensions(survey: SurveyDefinition): string[] {
  return planFor(survey).demographics.map((d) => d.id);
}

/** A response's group in a demographic dimension: its answer, or '_none' when not given or declined. */
function demographicValue(kind: QuestionKind, value: AnswerValue | undefined): string {
  if (value === undefined || value === PREFER_NOT_TO_ANSWER) return NOT_SAID;
  // Free text never becomes a group name: its words stay in the response row.
  if (kind === 'text' || kind === 'spoken') return ANSWERED;
  if (Array.isArray(value)) return value.length === 0 ? NOT_SAID : [...value].sort().join('+');
  return String(value);
}

/** The quarter a response counts in: its reported time, in the facility's time zone. */
export function reportQuarter(reportedAt: string, timeZone: string): QuarterId {
  return quarterOfDay(localDay(reportedAt, timeZone));
}

/**
 * Calls `emit` once per report cell one response adds 1 to: under every dimension of the
 * response (all, language, mode, source, each demographic), a cell per answer value
 * (free text and spoken as '_answered', one per chosen option, prefer-not-to-answer as
 * its own value), '_n' per multi-select question answered, and the response's status.
 * Under the all-responses dimension, every question answered also has its '_n', so the
 * organisation-wide hiding (hiddenFacilityFigures) reads one cell per facility and question.
 * An assisted response also counts, under all responses, each kind of help given, its
 * assistant's role and each question of the survey helped (each once).
 * The quarter is the caller's (reportQuarter), the same for all of them.
 */
export function forEachReportCell(
  input: ReportCellInput,
  emit: (dimension: string, dimensionValue: string, questionId: string, answerValue: string) => void,
): void {
  const plan = planFor(input.survey);
  const answerCells: Array<[string, string]> = [[RESPONSE_STATUS, input.status]];
  for (const [questionId, value] of Object.entries(input.answers)) {
    const kind = plan.kinds.get(questionId);
    if (kind === 'multi') answerCells.push([questionId, RESPONDENTS]);
    if (value === PREFER_NOT_TO_ANSWER) answerCells.push([questionId, PREFER_NOT_TO_ANSWER]);
    else if (kind === 'text' || kind === 'spoken') answerCells.push([questionId, ANSWERED]);
    else if (Array.isArray(value)) for (const choice of value) answerCells.push([questionId, choice]);
    else answerCells.push([questionId, String(value)]);
  }
  const dimensions: Array<[string, string]> = [
    [ALL_RESPONSES, ''],
    ['language', input.language],
    ['mode', input.mode],
    ['source', input.source],
  ];
  for (const d of plan.demographics) dimensions.push([d.id, demographicValue(d.kind, input.answers[d.id])]);
  for (const [dimension, dimensionValue] of dimensions) {
    for (const [questionId, answerValue] of answerCells) emit(dimension, dimensionValue, questionId, answerValue);
  }
  for (const questionId of Object.keys(input.answers)) {
    if (plan.kinds.get(questionId) !== 'multi') emit(ALL_RESPONSES, '', questionId, RESPONDENTS);
  }
  const assistance = input.mode === 'assisted' ? input.assistance : null;
  if (assistance) {
    for (const kind of new Set(assistance.kinds)) emit(ALL_RESPONSES, '', ASSISTANCE_KIND, kind);
    emit(ALL_RESPONSES, '', ASSISTANT_ROLE, assistance.role);
    // Only the survey's own questions: a tablet's list cannot add cells of its own making.
    for (const questionId of new Set(assistance.questions)) {
      const kind = plan.kinds.get(questionId);
      if (kind !== undefined && kind !== 'info') emit(ALL_RESPONSES, '', QUESTION_HELPED, questionId);
    }
  }
}

/** The report cells one response adds 1 to (see forEachReportCell). */
export function reportCellsFor(input: ReportCellInput): ReportCell[] {
  const cells: ReportCell[] = [];
  const base = { surveyId: input.survey.id, surveyVersion: input.survey.version, facilityId: input.facilityId, period: reportQuarter(input.reportedAt, input.timeZone), count: 1 };
  forEachReportCell(input, (dimension, dimensionValue, questionId, answerValue) => {
    cells.push({ ...base, dimension, dimensionValue, questionId, answerValue });
  });
  return cells;
}

/**
 * The merged cells of many responses (a batch), sorted by the primary key's column order
 * so concurrent writers lock shared rows in one order; built without an object per counted
 * cell, since ingest counts a few hundred cells per response.
 */
export function countReportCells(inputs: Iterable<ReportCellInput>): ReportCell[] {
  const merged = new Map<string, ReportCell>();
  for (const input of inputs) {
    const base = { surveyId: input.survey.id, surveyVersion: input.survey.version, facilityId: input.facilityId, period: reportQuarter(input.reportedAt, input.timeZone) };
    const prefix = `${base.surveyId}\u0000${base.facilityId}\u0000${base.period}\u0000`;
    forEachReportCell(input, (dimension, dimensionValue, questionId, answerValue) => {
      const key = `${prefix}${dimension}\u0000${dimensionValue}\u0000${questionId}\u0000${answerValue}\u0000${base.surveyVersion}`;
      const existing = merged.get(key);
      if (existing) existing.count += 1;
      else merged.set(key, { ...base, dimension, dimensionValue, questionId, answerValue, count: 1 });
    });
  }
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, cell]) => cell);
}
