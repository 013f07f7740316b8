import { COMPLIANCE_VALUES, EXPECTATION_VALUES, ratingRange, ratingValues } from '../../survey/scales.ts';
import type { LocalizedText, Question, SurveyDefinition } from '../../survey/schema.ts';
import { localeText } from './localeText.ts';

export interface ValueLabel {
  value: string;
  label: LocalizedText;
  pictogram?: string;
}

/** A value the current definition has no label for (it was seen in an older version): labelled by itself. */
export function valueItself(value: string, survey: Pick<SurveyDefinition, 'defaultLanguage'>): LocalizedText {
  return { [survey.defaultLanguage]: value };
}

/** The kiosk's own words for a scale value, in every language the app has them, else the value. */
function appText(key: string, value: string, survey: SurveyDefinition): LocalizedText {
  return localeText('kiosk', key) ?? valueItself(value, survey);
}

/** A rating's number, with the definition's end label where it has one ("0: Very bad"). */
function ratingLabel(value: number, edge: LocalizedText | undefined, survey: SurveyDefinition): LocalizedText {
  if (!edge) return valueItself(String(value), survey);
  const label: LocalizedText = {};
  for (const [language, text] of Object.entries(edge)) {
    label[language] = localeText('kiosk', 'answer.ratingValueWithLabel', { value: String(value), label: text })?.[language] ?? `${value}: ${text}`;
  }
  return label;
}

/**
 * The values a question can take in the current definition, in the scale's order (ratings
 * lowest first), with the labels and pictograms residents saw. Scale words (yes/no, faces,
 * expectation, compliance) are the kiosk's strings from public/locales; choices and rating
 * end labels come from the definition.
 */
export function answerValueLabels(question: Question, survey: SurveyDefinition): readonly ValueLabel[] {
  let labels = cache.get(question);
  if (!labels) cache.set(question, (labels = labelsOf(question, survey)));
  return labels;
}

/** Per question object of a parsed definition, which reports keep for as long as it is current. */
const cache = new WeakMap<Question, readonly ValueLabel[]>();

function labelsOf(question: Question, survey: SurveyDefinition): ValueLabel[] {
  switch (question.kind) {
    case 'yesno':
      return [
        { value: 'true', label: appText('answer.yes', 'true', survey), pictogram: 'yes' },
        { value: 'false', label: appText('answer.no', 'false', survey), pictogram: 'no' },
      ];
    case 'single':
    case 'multi':
      return question.choices.map((choice) => ({ value: choice.value, label: choice.label, pictogram: choice.pictogram }));
    case 'rating': {
      const { min, max } = ratingRange(question.scale);
      return ratingValues(question.scale).map((value) => ({
        value: String(value),
        label: ratingLabel(value, value === min ? question.minLabel : value === max ? question.maxLabel : undefined, survey),
      }));
    }
    case 'faces':
      return Array.from({ length: question.faces }, (_, i) => {
        const value = String(i + 1);
        const face = question.faces === 5 ? i + 1 : [1, 3, 5][i]!;
        return { value, label: appText(`faces.${question.faces}.${value}`, value, survey), pictogram: `face-${face}` };
      });
    case 'expectation':
      return EXPECTATION_VALUES.map((value) => ({ value, label: appText(`expectation.${value}`, value, survey), pictogram: `expect-${value}` }));
    case 'compliance':
      return COMPLIANCE_VALUES.map((value) => ({ value, label: appText(`compliance.${value}`, value, survey), pictogram: `compliance-${value}` }));
    default:
      return [];
  }
}
