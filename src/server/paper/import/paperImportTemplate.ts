/**
 * The template of a paper answers file for one survey version: the header row only
 * (serial, filled_on, language, then the id of every question a sheet carries), as CSV
 * UTF-8 with a BOM so spreadsheet programs open it as UTF-8 and save it back the same way.
 */
import { takesPaperAnswer } from '../../../survey/paper/paperAnswers.ts';
import type { SurveyDefinition } from '../../../survey/schema.ts';
import { listQuestions } from '../../../survey/walkItems.ts';
import { FILLED_ON_COLUMN, LANGUAGE_COLUMN, SERIAL_COLUMN } from './readImportHeader.ts';

export function paperImportTemplate(survey: SurveyDefinition): { fileName: string; text: string } {
  const ids = listQuestions(survey.items).map((p) => p.question).filter(takesPaperAnswer).map((q) => q.id);
  return {
    fileName: `${survey.id}-v${survey.version}-paper-answers.csv`,
    text: `\uFEFF${[SERIAL_COLUMN, FILLED_ON_COLUMN, LANGUAGE_COLUMN, ...ids].join(',')}\r\n`,
  };
}
