import type { BreakdownReport, QuestionFigures } from '../../../survey/reportTypes.ts';

type BreakdownQuestion = BreakdownReport['questions'][number];

/** The two modes a response is given in (ResponseEnvelope.mode), in the order the columns show them. */
export const MODES = ['self', 'assisted'] as const;
export type Mode = (typeof MODES)[number];

/** One indicator, answered alone beside answered with help; null: no response of that mode this quarter. */
export interface ModeComparisonRow {
  questionId: string;
  text: BreakdownQuestion['text'];
  topic: BreakdownQuestion['topic'];
  self: QuestionFigures | null;
  assisted: QuestionFigures | null;
}

/**
 * The indicators of a breakdown by mode (dimension=mode), as rows with a column per mode.
 * Only indicators: their share satisfied is what the two columns compare. A mode with no
 * response has no group in the report, so its cell is null (shown as "no responses").
 */
export function modeComparison(report: BreakdownReport): ModeComparisonRow[] {
  if (report.dimension.id !== 'mode') throw new Error(`a comparison of modes needs dimension=mode, not ${report.dimension.id}`);
  return report.questions
    .filter((question) => question.overall.satisfiedShare !== undefined)
    .map((question) => {
      const of = (mode: Mode) => question.groups.find((group) => group.value === mode)?.figures ?? null;
      return { questionId: question.questionId, text: question.text, topic: question.topic, self: of('self'), assisted: of('assisted') };
    });
}

/** A cell's share for the chart: null draws no bar (hidden, no answers, or no response of that mode). */
export function chartShare(figures: QuestionFigures | null): number | null {
  if (!figures || figures.hidden || figures.satisfiedShare == null) return null;
  return figures.satisfiedShare;
}

/** Answers that count in the share (n less those who declined). */
export function answeredCount(figures: QuestionFigures): number {
  return Math.max(0, figures.n - figures.declined);
}
