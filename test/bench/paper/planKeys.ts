/**
 * The keys a trained keyer presses for a sheet, question by question, as the keying rules
 * (src/inspector/entry/keySheet.ts) ask: a code (plus Enter only when another code starts
 * with it), multiple choice codes then Enter, "-" blank, "?" unreadable, "p" prefer not,
 * text then Enter (Enter alone for an empty text), Enter at the end of the sheet.
 * The bench counts them; the e2e test types them.
 */
import { keySheet, startSheet, type KeyInput } from '../../../src/inspector/entry/keySheet.ts';
import { PREFER_NOT_TO_ANSWER, type Answers } from '../../../src/survey/answers.ts';
import { paperCodeOf, paperOptions } from '../../../src/survey/paper/paperAnswers.ts';
import type { Question, SurveyDefinition } from '../../../src/survey/schema.ts';
import { keyableQuestions } from '../../../src/inspector/entry/keySheet.ts';

function keysFor(question: Question, value: Answers[string] | undefined, unreadable: boolean): string[] {
  if (unreadable) return ['?'];
  if (question.kind === 'text') return [...(typeof value === 'string' ? value : ''), 'Enter'];
  if (value === undefined) return ['-'];
  if (value === PREFER_NOT_TO_ANSWER) return ['p'];
  const codes = paperOptions(question).map((o) => o.code);
  const typed = (code: string) => [...code, ...(codes.some((c) => c !== code && c.startsWith(code)) ? ['Enter'] : [])];
  if (question.kind === 'multi') {
    const spread = paperCodeOf(question, value).split(';');
    // With more than nine options a code may need a separator: a space after an ambiguous one.
    return [...spread.flatMap((code) => [...code, ...(codes.some((c) => c !== code && c.startsWith(code)) ? [' '] : [])]), 'Enter'];
  }
  return typed(paperCodeOf(question, value));
}

/** The keys for a whole sheet, followed through the keying reducer so relevance decides what comes next. */
export function planKeys(survey: SurveyDefinition, sheet: { answers: Answers; unreadable?: string[] }): string[] {
  const unreadable = new Set(sheet.unreadable ?? []);
  const byId = new Map(keyableQuestions(survey).map((q) => [q.id, q]));
  const keys: string[] = [];
  let state = startSheet(survey);
  for (let guard = 0; !state.finished && guard < 10_000; guard++) {
    const question = state.current === null ? undefined : byId.get(state.current);
    const next = question ? keysFor(question, sheet.answers[question.id], unreadable.has(question.id)) : ['Enter'];
    const before = state.current;
    for (const key of next) {
      state = keySheet(survey, state, { key } satisfies KeyInput);
      keys.push(key);
    }
    if (state.current === before && !state.finished) throw new Error(`keys ${next.join(' ')} did not move past ${before ?? 'the end'}: ${JSON.stringify(state.problem)}`);
  }
  return keys;
}
