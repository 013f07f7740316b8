import { TABLET_PIN_PATTERN } from '../../survey/staffPins.ts';

/**
 * 'weak' for the PINs tried first by anyone holding a stolen tablet's verifiers: one digit
 * repeated (000000) and straight runs up or down (123456, 654321, 890123 wraps too).
 */
export function pinStrength(pin: string): 'ok' | 'invalid' | 'weak' {
  if (!TABLET_PIN_PATTERN.test(pin)) return 'invalid';
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10));
  // One step size throughout: 0 is a repeated digit, 1 a run up, 9 (−1) a run down.
  if (steps.size === 1 && [0, 1, 9].includes([...steps][0]!)) return 'weak';
  return 'ok';
}
