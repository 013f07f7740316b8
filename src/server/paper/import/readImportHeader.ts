/**
 * The header row of a paper answers file: serial (required), filled_on and language
 * (optional), then one column per question id of the survey. Anything else is a file
 * problem, found before any row is read: a wrong template would otherwise fail every row.
 */
import type { Question, SurveyDefinition } from '../../../survey/schema.ts';
import { listQuestions } from '../../../survey/walkItems.ts';

export const SERIAL_COLUMN = 'serial';
export const FILLED_ON_COLUMN = 'filled_on';
export const LANGUAGE_COLUMN = 'language';
const FIXED = [SERIAL_COLUMN, FILLED_ON_COLUMN, LANGUAGE_COLUMN];

export interface ImportColumns {
  serial: number;
  filledOn: number | undefined;
  language: number | undefined;
}

/** The fixed columns (case-insensitive), or the file problems. */
export function readFixedColumns(header: readonly string[]): { ok: true; columns: ImportColumns } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const at = new Map<string, number>();
  header.forEach((text, index) => {
    const name = text.trim().toLowerCase();
    if (!FIXED.includes(name)) return;
    if (at.has(name)) problems.push(`the column "${name}" appears twice`);
    else at.set(name, index);
  });
  if (!at.has(SERIAL_COLUMN)) problems.unshift('there is no "serial" column: the first row must hold the column headings, starting with serial (download the template)');
  if (problems.length) return { ok: false, problems };
  return { ok: true, columns: { serial: at.get(SERIAL_COLUMN)!, filledOn: at.get(FILLED_ON_COLUMN), language: at.get(LANGUAGE_COLUMN) } };
}

/** Column index → question, or the file problems (unknown columns, a question twice). Empty headings are left for the rows. */
export function readQuestionColumns(header: readonly string[], survey: SurveyDefinition): { ok: true; questions: Map<number, Question> } | { ok: false; problems: string[] } {
  const byId = new Map(listQuestions(survey.items).map((placed) => [placed.question.id, placed.question]));
  const questions = new Map<number, Question>();
  const seen = new Set<string>();
  const unknown: string[] = [];
  const twice: string[] = [];
  header.forEach((text, index) => {
    const name = text.trim();
    if (name === '' || FIXED.includes(name.toLowerCase())) return;
    // Question ids are lower case: a heading typed "Room.Satisfied" means the same column.
    const question = byId.get(name) ?? byId.get(name.toLowerCase());
    if (!question) unknown.push(name);
    else if (seen.has(question.id)) twice.push(name);
    else {
      seen.add(question.id);
      questions.set(index, question);
    }
  });
  const problems: string[] = [];
  const list = (names: string[]) => names.slice(0, 10).map((n) => `"${n}"`).join(', ') + (names.length > 10 ? ` and ${names.length - 10} more` : '');
  if (unknown.length) problems.push(`${unknown.length === 1 ? 'the column' : `${unknown.length} columns`} ${list(unknown)} ${unknown.length === 1 ? 'is' : 'are'} not a question of survey ${survey.id} version ${survey.version}: use the question ids of the template`);
  if (twice.length) problems.push(`${twice.length === 1 ? 'the question' : 'the questions'} ${list(twice)} ${twice.length === 1 ? 'has' : 'have'} two columns: keep one`);
  return problems.length ? { ok: false, problems } : { ok: true, questions };
}
