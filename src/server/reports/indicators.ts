import type { Question } from '../../survey/schema.ts';

/** The Polish Office for Foreigners' yardstick: 60% at or above expectations (PRODUCT.md). */
export const DEFAULT_TARGET_PERCENT = 60;

/**
 * The answer values that count as satisfied, for questions with a satisfied share
 * (indicators); null for every other question. Demographics are never indicators.
 */
export function satisfiedValues(question: Question): readonly string[] | null {
  if (question.demographic) return null;
  switch (question.kind) {
    case 'yesno':
      return ['true'];
    case 'expectation':
      return ['at', 'above'];
    case 'faces':
      return question.faces === 5 ? ['4', '5'] : ['3'];
    case 'compliance':
      return ['effective'];
    default:
      return null;
  }
}

export function isIndicator(question: Question): boolean {
  return satisfiedValues(question) !== null;
}

/** Whether a share (0..1) meets a target in percent; null when there is no share to judge. */
export function targetMet(share: number | null | undefined, targetPercent: number): boolean | null {
  if (share === null || share === undefined) return null;
  // Rounded to avoid 0.6 * 100 = 59.99999999999999 missing a 60% target.
  return Math.round(share * 100 * 1e9) / 1e9 >= targetPercent;
}
