import { PREFER_NOT_TO_ANSWER } from '../../survey/answers.ts';
import type { DistributionEntry, QuestionFigures } from '../../survey/reportTypes.ts';
import type { Question, SurveyDefinition } from '../../survey/schema.ts';
import { ANSWERED } from '../rollupCells.ts';
import { answerValueLabels, valueItself } from './answerValueLabels.ts';
import { satisfiedValues } from './indicators.ts';
import { RESPONDENTS } from './reportCellsFor.ts';

/** Counts by answer value for one question in one group of responses. */
export type ValueCounts = ReadonlyMap<string, number>;

const NOT_VALUES = new Set([PREFER_NOT_TO_ANSWER, RESPONDENTS, ANSWERED]);

function median(sorted: Array<{ value: number; count: number }>, total: number): number | null {
  if (total === 0) return null;
  // The mean of the two middle answers when their number is even.
  const at = (position: number) => {
    let seen = 0;
    for (const entry of sorted) {
      seen += entry.count;
      if (seen > position) return entry.value;
    }
    return sorted.at(-1)!.value;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/**
 * One question's figures from its counts, before any hiding: n (respondents, declined
 * included; for multi-select the '_n' cell), declined, the distribution in the scale's
 * order with values of older versions after the current ones (labelled by their value),
 * mean and median for ratings, and the satisfied share over n − declined for indicators.
 * Free text and spoken answers get n only: their words are never counted by value.
 */
export function questionFigures(question: Question, survey: SurveyDefinition, counts: ValueCounts | undefined): QuestionFigures {
  const get = (value: string) => counts?.get(value) ?? 0;
  const declined = get(PREFER_NOT_TO_ANSWER);
  let answeredValues = 0;
  for (const [value, count] of counts ?? []) if (!NOT_VALUES.has(value)) answeredValues += count;
  const n = question.kind === 'multi' ? get(RESPONDENTS) : answeredValues + declined + get(ANSWERED);
  const figures: QuestionFigures = { n, hidden: false, distribution: [], declined };
  if (question.kind === 'text' || question.kind === 'spoken') return figures;

  const known = answerValueLabels(question, survey);
  const distribution: DistributionEntry[] = known.map((entry) => ({ ...entry, count: get(entry.value) }));
  const knownValues = new Set(known.map((entry) => entry.value));
  const older = [...(counts ?? [])].filter(([value]) => !NOT_VALUES.has(value) && !knownValues.has(value)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [value, count] of older) distribution.push({ value, label: valueItself(value, survey), count });
  // Ranked by count for multi-select (ties keep the definition's order: sort is stable).
  figures.distribution = question.kind === 'multi' ? distribution.sort((a, b) => b.count - a.count) : distribution;

  if (question.kind === 'rating') {
    const numeric = distribution.map((d) => ({ value: Number(d.value), count: d.count })).filter((d) => Number.isFinite(d.value) && d.count > 0).sort((a, b) => a.value - b.value);
    const total = numeric.reduce((sum, d) => sum + d.count, 0);
    figures.mean = total === 0 ? null : numeric.reduce((sum, d) => sum + d.value * d.count, 0) / total;
    figures.median = median(numeric, total);
  }
  const satisfied = satisfiedValues(question);
  if (satisfied) {
    const base = n - declined;
    figures.satisfiedShare = base > 0 ? satisfied.reduce((sum, value) => sum + get(value), 0) / base : null;
  }
  return figures;
}

/** The same figures with nothing of what was answered: no distribution, no mean, no share. */
export function hideFigures(figures: QuestionFigures): QuestionFigures {
  const hidden: QuestionFigures = { n: figures.n, hidden: true, distribution: [], declined: 0 };
  if ('mean' in figures) hidden.mean = null;
  if ('median' in figures) hidden.median = null;
  if ('satisfiedShare' in figures) hidden.satisfiedShare = null;
  return hidden;
}
