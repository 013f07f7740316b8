import type { Question } from './schema.ts';

type RatingScale = Extract<Question, { kind: 'rating' }>['scale'];

export function ratingRange(scale: RatingScale): { min: number; max: number } {
  const [min, max] = scale.split('-').map(Number) as [number, number];
  return { min, max };
}

/** Values of a scale, lowest first. */
export function ratingValues(scale: RatingScale): number[] {
  const { min, max } = ratingRange(scale);
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

export const EXPECTATION_VALUES = ['below', 'at', 'above'] as const;
export const COMPLIANCE_VALUES = ['effective', 'partial', 'critical'] as const;
