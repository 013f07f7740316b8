import { t } from '../../i18n/i18n.ts';
import type { AnswerValue } from '../../survey/answers.ts';
import { PREFER_NOT_TO_ANSWER } from '../../survey/answers.ts';
import { localize } from '../../survey/localize.ts';
import { paperCodeOf, paperOptions, type PaperOption } from '../../survey/paper/paperAnswers.ts';
import type { Question, SurveyDefinition } from '../../survey/schema.ts';

/** An option's words (survey text in the staff language, else the survey's default; the app's words for fixed scales). */
export function optionLabel(question: Question, option: PaperOption, language: string, survey: Pick<SurveyDefinition, 'defaultLanguage'>): string {
  switch (question.kind) {
    case 'yesno': return t(option.value === true ? 'results:paperEntry.values.yes' : 'results:paperEntry.values.no');
    case 'single':
    case 'multi': {
      const choice = question.choices.find((c) => c.value === option.value);
      return choice ? localize(choice.label, language, survey.defaultLanguage) : String(option.value);
    }
    case 'expectation':
    case 'compliance': return t(`results:paperEntry.values.${String(option.value)}`);
    case 'rating': {
      const edge = option.code === paperOptions(question)[0]?.code ? question.minLabel : option.code === paperOptions(question).at(-1)?.code ? question.maxLabel : undefined;
      return edge ? localize(edge, language, survey.defaultLanguage) : '';
    }
    default: return '';
  }
}

/** "2 No", "1;3 Noise, Cold", a text as typed: what was keyed for a question, in words. */
export function keyedText(question: Question, value: AnswerValue | undefined, unreadable: boolean, language: string, survey: Pick<SurveyDefinition, 'defaultLanguage'>): string {
  if (unreadable) return t('results:paperEntry.values.unreadable');
  if (value === undefined) return t('results:paperEntry.values.blank');
  if (value === PREFER_NOT_TO_ANSWER) return t('results:paperEntry.values.preferNot');
  if (question.kind === 'text') return String(value);
  const options = paperOptions(question);
  const words = (Array.isArray(value) ? value : [value])
    .map((one) => options.find((o) => o.value === one))
    .map((option) => (option ? optionLabel(question, option, language, survey) : ''))
    .filter(Boolean)
    .join(', ');
  const code = paperCodeOf(question, value);
  return words ? `${code} ${words}` : code;
}
