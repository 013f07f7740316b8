import { t } from '../i18n/i18n.ts';
import { localize } from '../survey/localize.ts';
import type { PictogramName } from '../survey/pictogramNames.ts';
import { COMPLIANCE_VALUES, EXPECTATION_VALUES, ratingRange, ratingValues } from '../survey/scales.ts';
import type { Question } from '../survey/schema.ts';
import type { Option, Tone } from '../ui/OptionGrid.tsx';

const FIVE_TONES: Tone[] = ['worst', 'bad', 'neutral', 'good', 'best'];

/** Face pictogram and colour for a position on any scale (0..1), so numbers carry a shape too. */
function faceFor(fraction: number): { pictogram: PictogramName; tone: Tone } {
  const band = Math.min(4, Math.floor(fraction * 5));
  return { pictogram: `face-${band + 1}` as PictogramName, tone: FIVE_TONES[band]! };
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The answer buttons a question shows, in the respondent's language (or, in mediator mode, the mediator's: `translate` in that language). */
export function answerOptions(question: Question, language: string, fallback: string, translate: Translate = t): Option[] {
  switch (question.kind) {
    case 'yesno':
      return [
        { value: true, label: translate('answer.yes'), pictogram: 'yes', tone: 'best' },
        { value: false, label: translate('answer.no'), pictogram: 'no', tone: 'worst' },
      ];
    case 'single':
    case 'multi':
      return question.choices.map((choice) => ({ value: choice.value, label: localize(choice.label, language, fallback), pictogram: choice.pictogram }));
    case 'rating': {
      const { min, max } = ratingRange(question.scale);
      return ratingValues(question.scale).map((value) => {
        const edge = value === min ? question.minLabel : value === max ? question.maxLabel : undefined;
        const label = edge
          ? translate('answer.ratingValueWithLabel', { value, label: localize(edge, language, fallback) })
          : translate('answer.ratingValue', { value });
        const caption = edge ? localize(edge, language, fallback) : '';
        return { value, label, caption, glyph: String(value), ...faceFor((value - min) / (max - min + 1e-9)) };
      });
    }
    case 'faces': {
      const count = question.faces;
      return Array.from({ length: count }, (_, i) => {
        const value = i + 1;
        const five = count === 5 ? value : [1, 3, 5][i]!;
        return { value, label: translate(`faces.${count}.${value}`), pictogram: `face-${five}` as PictogramName, tone: FIVE_TONES[five - 1]! };
      });
    }
    case 'expectation':
      return EXPECTATION_VALUES.map((value, i) => ({
        value,
        label: translate(`expectation.${value}`),
        pictogram: `expect-${value}` as PictogramName,
        tone: (['worst', 'neutral', 'best'] as const)[i],
      }));
    case 'compliance':
      return COMPLIANCE_VALUES.map((value, i) => ({
        value,
        label: translate(`compliance.${value}`),
        pictogram: `compliance-${value}` as PictogramName,
        tone: (['best', 'neutral', 'worst'] as const)[i],
      }));
    default:
      return [];
  }
}
