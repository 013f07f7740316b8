/**
 * Keying one paper sheet from the keyboard, as a pure reducer: (survey, state, key) → state.
 * The screen (PaperEntryScreen.tsx) and the bench feed it keys; nothing here touches the DOM.
 *
 * Keys: the printed codes pick options (a code no other code starts with is taken at once,
 * "1" on a 0-10 scale waits for "0" or Enter); multiple choice toggles codes, Enter ends it;
 * "-" left blank, "?" unreadable, "p" prefer not; Enter moves on; Backspace (on an empty
 * field) and ArrowUp go back; text is typed and ends with Enter. Questions the relevance
 * rules hide for the answers so far are skipped, as on the tablet (visibleQuestions.ts).
 */
import type { Answers, AnswerValue } from '../../survey/answers.ts';
import { BLANK_MARK, PREFER_NOT_MARK, UNREADABLE_MARK, paperOptions, readPaperCell, takesPaperAnswer } from '../../survey/paper/paperAnswers.ts';
import type { Question, SurveyDefinition } from '../../survey/schema.ts';
import { relevantAnswers, visibleQuestions } from '../../survey/visibleQuestions.ts';
import { listQuestions } from '../../survey/walkItems.ts';

/** Why the last key was not taken (the screen says it in words). */
export type KeyProblem =
  | { kind: 'not-an-option'; typed: string }
  | { kind: 'no-prefer-not' }
  | { kind: 'too-many'; max: number }
  | { kind: 'formula' }
  | { kind: 'too-long'; max: number }
  | { kind: 'mark-needed' };

export interface SheetState {
  answers: Answers;
  /** Questions whose mark could not be read. */
  unreadable: string[];
  /** The question being keyed, or null at the end of the sheet (Enter there finishes it). */
  current: string | null;
  /** What was typed for the current question and not yet taken (a partial code, or text). */
  buffer: string;
  /** Codes toggled so far on the current multiple-choice question. */
  selected: string[];
  problem: KeyProblem | null;
  finished: boolean;
}

/** A key as KeyboardEvent.key gives it, or the whole text of the field (typing into a text question). */
export type KeyInput = { key: string } | { text: string };

type SurveyItems = Pick<SurveyDefinition, 'items'>;

/** Every question a keyer may meet on this survey, in print order. */
export function keyableQuestions(survey: SurveyItems): Question[] {
  return listQuestions(survey.items).map((p) => p.question).filter(takesPaperAnswer);
}

/** The questions to key for the answers so far (relevance followed). */
export function questionsToKey(survey: SurveyItems, answers: Answers): Question[] {
  return visibleQuestions(survey, answers).map((p) => p.question).filter(takesPaperAnswer);
}

function questionById(survey: SurveyItems, id: string): Question | undefined {
  return keyableQuestions(survey).find((q) => q.id === id);
}

/** The codes of a stored multiple-choice answer, so coming back to it shows what was toggled. */
function codesOf(question: Question, value: AnswerValue | undefined): string[] {
  if (!Array.isArray(value)) return [];
  const options = paperOptions(question);
  return value.map((v) => options.find((o) => o.value === v)?.code).filter((c): c is string => c !== undefined);
}

/** The state on arriving at a question (or at the end, for null). */
function arrive(survey: SurveyItems, state: Pick<SheetState, 'answers' | 'unreadable'>, id: string | null): SheetState {
  const question = id === null ? undefined : questionById(survey, id);
  const value = question ? state.answers[question.id] : undefined;
  return {
    answers: state.answers,
    unreadable: state.unreadable,
    current: question?.id ?? null,
    buffer: question?.kind === 'text' && typeof value === 'string' ? value : '',
    selected: question?.kind === 'multi' ? codesOf(question, value) : [],
    problem: null,
    finished: false,
  };
}

export function startSheet(survey: SurveyItems): SheetState {
  return arrive(survey, { answers: {}, unreadable: [] }, questionsToKey(survey, {})[0]?.id ?? null);
}

/** The next question after `id` that is still shown for these answers. */
function nextAfter(survey: SurveyItems, answers: Answers, id: string): string | null {
  const order = keyableQuestions(survey).map((q) => q.id);
  const shown = new Set(questionsToKey(survey, answers).map((q) => q.id));
  return order.slice(order.indexOf(id) + 1).find((q) => shown.has(q)) ?? null;
}

function previousBefore(survey: SurveyItems, answers: Answers, id: string | null): string | null {
  const shown = questionsToKey(survey, answers).map((q) => q.id);
  if (id === null) return shown.at(-1) ?? null;
  const order = keyableQuestions(survey).map((q) => q.id);
  const before = order.slice(0, order.indexOf(id));
  return [...before].reverse().find((q) => shown.includes(q)) ?? id;
}

type Outcome = { kind: 'value'; value: AnswerValue } | { kind: 'blank' } | { kind: 'unreadable' };

/** Records the outcome for the current question and moves to the next one shown. */
function commit(survey: SurveyItems, state: SheetState, question: Question, outcome: Outcome): SheetState {
  const answers = { ...state.answers };
  delete answers[question.id];
  if (outcome.kind === 'value') answers[question.id] = outcome.value;
  const unreadable = state.unreadable.filter((id) => id !== question.id);
  if (outcome.kind === 'unreadable') unreadable.push(question.id);
  return arrive(survey, { answers, unreadable }, nextAfter(survey, answers, question.id));
}

const isOutcome = (read: Outcome | KeyProblem): read is Outcome => read.kind === 'value' || read.kind === 'blank' || read.kind === 'unreadable';

const withProblem = (state: SheetState, problem: KeyProblem, buffer = ''): SheetState => ({ ...state, buffer, problem });

/** Reads a whole typed cell with the shared rules (readPaperCell), naming the problem for the screen. */
function readCell(question: Question, text: string): Outcome | KeyProblem {
  const cell = readPaperCell(question, text);
  if (cell.kind !== 'error') return cell;
  if (question.kind === 'text') return /^[=+@-]/.test(text.trim()) ? { kind: 'formula' } : { kind: 'too-long', max: question.maxLength };
  if (question.kind === 'multi' && question.maxSelected !== undefined && /at most/.test(cell.message)) return { kind: 'too-many', max: question.maxSelected };
  if (text.trim().toLowerCase() === PREFER_NOT_MARK) return { kind: 'no-prefer-not' };
  return { kind: 'not-an-option', typed: text.trim() };
}

function take(survey: SurveyItems, state: SheetState, question: Question, text: string): SheetState {
  const read = readCell(question, text);
  if (isOutcome(read)) return commit(survey, state, question, read);
  return withProblem(state, read, question.kind === 'text' ? state.buffer : '');
}

/** A typed code for a choice: taken when no other code starts with it; refused when none does. */
function typeCode(question: Question, buffer: string): { taken: string } | { waiting: string } | { refused: string } {
  const codes = paperOptions(question).map((o) => o.code);
  const exact = codes.includes(buffer);
  const longer = codes.some((c) => c !== buffer && c.startsWith(buffer));
  if (exact && !longer) return { taken: buffer };
  if (!exact && !longer) return { refused: buffer };
  return { waiting: buffer };
}

function toggle(selected: string[], code: string, question: Question): string[] {
  const next = selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code];
  const order = paperOptions(question).map((o) => o.code);
  return next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

function keyMulti(survey: SurveyItems, state: SheetState, question: Question, key: string): SheetState {
  if (/^\d$/.test(key)) {
    const typed = typeCode(question, state.buffer + key);
    if ('taken' in typed) return { ...state, buffer: '', problem: null, selected: toggle(state.selected, typed.taken, question) };
    if ('waiting' in typed) return { ...state, buffer: typed.waiting, problem: null };
    return withProblem(state, { kind: 'not-an-option', typed: typed.refused });
  }
  if (key === ' ' || key === ',' || key === ';') {
    if (!state.buffer) return state;
    const codes = paperOptions(question).map((o) => o.code);
    return codes.includes(state.buffer) ? { ...state, buffer: '', problem: null, selected: toggle(state.selected, state.buffer, question) } : withProblem(state, { kind: 'not-an-option', typed: state.buffer });
  }
  if (key === 'Enter') {
    let selected = state.selected;
    if (state.buffer) {
      if (!paperOptions(question).some((o) => o.code === state.buffer)) return withProblem(state, { kind: 'not-an-option', typed: state.buffer });
      selected = toggle(selected, state.buffer, question);
    }
    if (selected.length === 0) return commit(survey, state, question, { kind: 'blank' });
    return take(survey, { ...state, selected, buffer: '' }, question, selected.join(';'));
  }
  return state;
}

function keyChoice(survey: SurveyItems, state: SheetState, question: Question, key: string): SheetState {
  if (/^\d$/.test(key)) {
    const typed = typeCode(question, state.buffer + key);
    if ('taken' in typed) return take(survey, state, question, typed.taken);
    if ('waiting' in typed) return { ...state, buffer: typed.waiting, problem: null };
    return withProblem(state, { kind: 'not-an-option', typed: typed.refused });
  }
  if (key === 'Enter') {
    if (state.buffer) return take(survey, state, question, state.buffer);
    // Coming back to a question already keyed: Enter keeps it.
    if (state.answers[question.id] !== undefined || state.unreadable.includes(question.id)) return commit(survey, state, question, state.unreadable.includes(question.id) ? { kind: 'unreadable' } : { kind: 'value', value: state.answers[question.id]! });
    // An empty sheet cell is typed "-": a stray Enter never marks a question blank.
    return withProblem(state, { kind: 'mark-needed' });
  }
  if (question.kind === 'yesno' && /^[yn]$/i.test(key)) return take(survey, state, question, key);
  if (key.length === 1 && key !== ' ') return withProblem(state, { kind: 'not-an-option', typed: key });
  return state;
}

/** One key (or the text field's new text) applied to the sheet. */
export function keySheet(survey: SurveyItems, state: SheetState, input: KeyInput): SheetState {
  if (state.finished) return state;
  const question = state.current === null ? undefined : questionById(survey, state.current);

  if ('text' in input) return question?.kind === 'text' ? { ...state, buffer: input.text, problem: null } : state;
  const { key } = input;

  if (!question) {
    if (key === 'Enter') return { ...state, finished: true, problem: null };
    if (key === 'Backspace' || key === 'ArrowUp') return arrive(survey, state, previousBefore(survey, state.answers, null));
    return state;
  }
  if (key === 'ArrowUp' || (key === 'Backspace' && state.buffer === '')) return arrive(survey, state, previousBefore(survey, state.answers, question.id));
  if (key === 'Escape') return { ...state, buffer: question.kind === 'text' ? state.buffer : '', problem: null };

  if (question.kind === 'text') {
    if (key === 'Enter') return take(survey, state, question, state.buffer);
    if (key === 'Backspace') return { ...state, buffer: state.buffer.slice(0, -1), problem: null };
    if (key.length === 1) return { ...state, buffer: state.buffer + key, problem: null };
    return state;
  }
  if (key === 'Backspace') return { ...state, buffer: state.buffer.slice(0, -1), problem: null };
  if (key === BLANK_MARK && state.buffer === '') return commit(survey, state, question, { kind: 'blank' });
  if (key === UNREADABLE_MARK && state.buffer === '') return commit(survey, state, question, { kind: 'unreadable' });
  if (key.toLowerCase() === PREFER_NOT_MARK && state.buffer === '') return take(survey, state, question, PREFER_NOT_MARK);
  return question.kind === 'multi' ? keyMulti(survey, state, question, key) : keyChoice(survey, state, question, key);
}

/** What a finished sheet carries: answers to the questions shown, and the unreadable ones among them. */
export function sheetResult(survey: SurveyItems, state: Pick<SheetState, 'answers' | 'unreadable'>): { answers: Answers; unreadable: string[] } {
  const answers = relevantAnswers(survey, state.answers);
  const shown = new Set(questionsToKey(survey, answers).map((q) => q.id));
  const unreadable = [...new Set(state.unreadable)].filter((id) => shown.has(id) && answers[id] === undefined).sort();
  return { answers, unreadable };
}
