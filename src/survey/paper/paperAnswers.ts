/**
 * How a paper answer is written down and read back. Every option on a printed form has a
 * code printed beside its tick box (1, 2, 3...); the transcription keyboard and the
 * spreadsheet import both read codes, so what the form shows is what the inspector types.
 * A cell may also hold the stored value itself ("noise", "yes", "critical"), as exports do.
 */
import type { AnswerValue } from '../answers.ts';
import { PREFER_NOT_TO_ANSWER, type Question } from '../schema.ts';
import { answerProblem } from '../validateAnswers.ts';
import { COMPLIANCE_VALUES, EXPECTATION_VALUES, ratingValues } from '../scales.ts';

/** Typed or written for a question the respondent left blank (an empty cell means the same). */
export const BLANK_MARK = '-';
/** Typed or written when the inspector cannot read what was ticked. */
export const UNREADABLE_MARK = '?';
/** Typed or written for "I prefer not to answer", where the question offers it. */
export const PREFER_NOT_MARK = 'p';

/** The option a code stands for, in print order. */
export interface PaperOption {
  code: string;
  value: string | number | boolean;
}

/** Questions a sheet of paper can carry (a spoken comment is tablet-only; an info screen takes no answer). */
export function onPaper(question: Question): boolean {
  return question.kind !== 'spoken';
}

export function takesPaperAnswer(question: Question): boolean {
  return question.kind !== 'spoken' && question.kind !== 'info';
}

/** The printed options of a question with their codes; empty for text (written out) and info. */
export function paperOptions(question: Question): PaperOption[] {
  const numbered = (values: readonly (string | number | boolean)[]) => values.map((value, i) => ({ code: String(i + 1), value }));
  switch (question.kind) {
    case 'yesno': return numbered([true, false]);
    case 'single':
    case 'multi': return numbered(question.choices.map((c) => c.value));
    case 'rating': return ratingValues(question.scale).map((n) => ({ code: String(n), value: n }));
    case 'faces': return Array.from({ length: question.faces }, (_, i) => ({ code: String(i + 1), value: i + 1 }));
    case 'expectation': return numbered(EXPECTATION_VALUES);
    case 'compliance': return numbered(COMPLIANCE_VALUES);
    default: return [];
  }
}

export type PaperCell =
  | { kind: 'value'; value: AnswerValue }
  | { kind: 'blank' }
  | { kind: 'unreadable' }
  | { kind: 'error'; message: string };

const YES = new Set(['yes', 'true', 'y']);
const NO = new Set(['no', 'false', 'n']);

function optionFor(question: Question, token: string): PaperOption | undefined {
  const options = paperOptions(question);
  const lower = token.toLowerCase();
  if (question.kind === 'yesno') {
    if (YES.has(lower)) return options[0];
    if (NO.has(lower)) return options[1];
  }
  return options.find((o) => o.code === token) ?? options.find((o) => typeof o.value === 'string' && o.value.toLowerCase() === lower);
}

function describeCodes(question: Question): string {
  const options = paperOptions(question);
  if (question.kind === 'rating') return `a number from ${options[0]!.code} to ${options.at(-1)!.code}`;
  return `a code from 1 to ${options.length}${question.kind === 'multi' ? ' (several separated by ";")' : ''}`;
}

/**
 * Reads what was written for one question: a code, a stored value, "-" or nothing for
 * blank, "?" for unreadable, "p" for prefer-not. Text is kept as written. A cell that
 * looks like a spreadsheet formula is refused: an import never takes a computed value.
 */
export function readPaperCell(question: Question, written: string): PaperCell {
  const text = written.trim();
  if (text === '' || text === BLANK_MARK) return { kind: 'blank' };
  if (text === UNREADABLE_MARK) return { kind: 'unreadable' };
  if (!takesPaperAnswer(question)) return { kind: 'error', message: question.kind === 'info' ? 'is an information text and takes no answer' : 'is a spoken comment, which paper cannot carry' };
  if (question.kind === 'text') {
    if (/^[=+@]/.test(text) || /^-[^\s\d]/.test(text)) return { kind: 'error', message: 'starts like a formula (=, +, - or @); write it without that sign' };
    const problem = answerProblem(question, text);
    return problem ? { kind: 'error', message: problem } : { kind: 'value', value: text };
  }
  if (/^[=+@]/.test(text)) return { kind: 'error', message: 'holds a formula; write the code itself' };
  if (text.toLowerCase() === PREFER_NOT_MARK || text === PREFER_NOT_TO_ANSWER) {
    return question.preferNotToAnswer ? { kind: 'value', value: PREFER_NOT_TO_ANSWER } : { kind: 'error', message: 'does not offer "prefer not to answer"' };
  }
  if (question.kind === 'multi') {
    const tokens = text.split(/[;,\s]+/).filter(Boolean);
    // "134" for options 1, 3 and 4 when every code is one digit.
    const spread = tokens.length === 1 && /^\d{2,}$/.test(tokens[0]!) && paperOptions(question).length <= 9 ? [...tokens[0]!] : tokens;
    const values: string[] = [];
    for (const token of spread) {
      const option = optionFor(question, token);
      if (!option) return { kind: 'error', message: `"${token}" is not an option: write ${describeCodes(question)}` };
      values.push(String(option.value));
    }
    const unique = [...new Set(values)];
    const problem = answerProblem(question, unique);
    return problem ? { kind: 'error', message: problem } : { kind: 'value', value: unique };
  }
  const option = optionFor(question, text);
  if (!option) return { kind: 'error', message: `"${text}" is not an option: write ${describeCodes(question)}` };
  return { kind: 'value', value: option.value };
}

/** The code printed for a stored value (for showing an entry back, and for exports to paper codes). */
export function paperCodeOf(question: Question, value: AnswerValue): string {
  if (value === PREFER_NOT_TO_ANSWER) return PREFER_NOT_MARK;
  if (question.kind === 'text') return String(value);
  const options = paperOptions(question);
  const code = (one: AnswerValue) => options.find((o) => o.value === one)?.code ?? String(one);
  return Array.isArray(value) ? value.map(code).join(';') : code(value);
}
