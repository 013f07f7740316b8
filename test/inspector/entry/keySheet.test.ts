import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keySheet, questionsToKey, sheetResult, startSheet, type KeyInput, type SheetState } from '../../../src/inspector/entry/keySheet.ts';
import { PREFER_NOT_TO_ANSWER } from '../../../src/survey/answers.ts';
import { parseSurvey } from '../../../src/survey/parseSurvey.ts';
import type { SurveyDefinition } from '../../../src/survey/schema.ts';

function builtIn(id: string): SurveyDefinition {
  const parsed = parseSurvey(JSON.parse(readFileSync(`public/surveys/${id}.json`, 'utf8')));
  if (!parsed.ok) throw new Error(id);
  return parsed.survey;
}

const survey = builtIn('resident-satisfaction');
const roomGroup = survey.items[0]!;
const roomReasons = roomGroup.kind === 'group' && roomGroup.items[1]!.kind === 'multi' ? roomGroup.items[1].choices.map((c) => c.value) : [];

/** Keys as a keyer types them: single characters, or {Enter}-style names. */
function keys(text: string): KeyInput[] {
  return [...text.matchAll(/\{(\w+)\}|./gsu)].map((m) => ({ key: m[1] ?? m[0] }));
}

function type(text: string, state: SheetState = startSheet(survey)): SheetState {
  return keys(text).reduce((s, input) => keySheet(survey, s, input), state);
}

describe('keySheet', () => {
  it('starts at the first question on paper, and takes a code no other code starts with at once', () => {
    const start = startSheet(survey);
    expect(start.current).toBe('room.satisfied');
    const after = type('1');
    expect(after.answers).toEqual({ 'room.satisfied': true });
    // "yes": the reasons (asked after "no") are skipped.
    expect(after.current).toBe('room.score');
  });

  it('follows relevance: "no" brings the reasons, and a multiple choice toggles codes until Enter', () => {
    let state = type('2');
    expect(state.current).toBe('room.reasons');
    state = type('131', state);
    expect(state.selected).toEqual(['3']);
    state = type('2{Enter}', state);
    expect(state.answers['room.reasons']).toEqual([roomReasons[1], roomReasons[2]]);
    expect(state.current).toBe('room.score');
  });

  it('waits on "1" of a 0-10 scale for "0" (10) or Enter (1), and takes "7" at once', () => {
    let state = type('1');
    expect(state).toMatchObject({ current: 'room.score', buffer: '' });
    state = type('1', state);
    expect(state).toMatchObject({ current: 'room.score', buffer: '1' });
    expect(type('0', state).answers['room.score']).toBe(10);
    expect(type('{Enter}', state).answers['room.score']).toBe(1);
    expect(type('17').answers['room.score']).toBe(7);
  });

  it('marks blank with "-", unreadable with "?", prefer-not with "p", and refuses a code that is not printed', () => {
    const state = type('-');
    expect(state.answers).toEqual({});
    expect(state.current).toBe('room.score');
    expect(type('?').unreadable).toEqual(['room.satisfied']);
    expect(type('p').answers).toEqual({ 'room.satisfied': PREFER_NOT_TO_ANSWER });
    const refused = type('3');
    expect(refused).toMatchObject({ current: 'room.satisfied', problem: { kind: 'not-an-option', typed: '3' }, buffer: '' });
    // A stray Enter never marks a question blank.
    expect(type('{Enter}')).toMatchObject({ current: 'room.satisfied', problem: { kind: 'mark-needed' } });
  });

  it('types text and ends it with Enter; an empty text question is left blank by Enter alone', () => {
    let state = type('15'); // yes, score 5
    expect(state.current).toBe('room.comment');
    state = type('Noisy at night{Enter}', state);
    expect(state.answers['room.comment']).toBe('Noisy at night');
    expect(state.current).toBe('sanitary.satisfied');
    const blank = type('15{Enter}');
    expect(blank.answers['room.comment']).toBeUndefined();
    expect(blank.current).toBe('sanitary.satisfied');
    // A text that starts like a formula is refused, and kept in the field to correct.
    const formula = type('15=SUM(A1){Enter}');
    expect(formula).toMatchObject({ current: 'room.comment', buffer: '=SUM(A1)', problem: { kind: 'formula' } });
  });

  it('goes back with Backspace on an empty field or ArrowUp, shows what was keyed there, and Enter keeps it', () => {
    let state = type('23{Enter}'); // no, reasons [3]
    expect(state.current).toBe('room.score');
    state = type('{Backspace}', state);
    expect(state).toMatchObject({ current: 'room.reasons', selected: ['3'] });
    state = type('{ArrowUp}', state);
    expect(state.current).toBe('room.satisfied');
    // Changing "no" to "yes" hides the reasons: skipped now, and dropped from the result.
    state = type('1', state);
    expect(state.current).toBe('room.score');
    expect(sheetResult(survey, state).answers).toEqual({ 'room.satisfied': true });
    state = type('{ArrowUp}{Enter}', state);
    expect(state).toMatchObject({ current: 'room.score', answers: { 'room.satisfied': true } });
  });

  it('reaches the end after the last question shown, and Enter there finishes the sheet', () => {
    let state = startSheet(survey);
    const count = questionsToKey(survey, {}).length;
    // Text questions take "-" as typed text: Enter reads it as blank.
    for (let i = 0; i < count * 2 && state.current !== null; i++) state = keySheet(survey, state, { key: state.buffer === '-' ? 'Enter' : '-' });
    expect(state).toMatchObject({ current: null, finished: false });
    state = keySheet(survey, state, { key: 'Enter' });
    expect(state.finished).toBe(true);
    expect(sheetResult(survey, state)).toEqual({ answers: {}, unreadable: [] });
  });

  it('takes the whole text of the field for a text question (the screen\'s input)', () => {
    let state = type('15');
    state = keySheet(survey, state, { text: 'Cold showers' });
    state = keySheet(survey, state, { key: 'Enter' });
    expect(state.answers['room.comment']).toBe('Cold showers');
  });

  it('keeps only unreadable marks of questions still shown and not answered', () => {
    let state = type('2?'); // no, reasons unreadable
    state = type('{ArrowUp}{ArrowUp}1', state); // back to satisfied: yes
    expect(sheetResult(survey, state)).toEqual({ answers: { 'room.satisfied': true }, unreadable: [] });
  });
});

describe('keySheet on questions with more than nine printed codes', () => {
  const choices = Array.from({ length: 12 }, (_, i) => ({ value: `c${i + 1}`, label: { en: `Choice ${i + 1}` }, pictogram: 'other' }));
  const parsedWide = parseSurvey({
    schema: 'sayso/survey@1', id: 'wide-choices', version: 1, title: { en: 'Wide' }, defaultLanguage: 'en', languages: ['en'],
    items: [
      { kind: 'single', id: 'country', text: { en: 'Country' }, pictogram: 'other', choices },
      { kind: 'multi', id: 'needs', text: { en: 'Needs' }, pictogram: 'other', choices, maxSelected: 2 },
      { kind: 'compliance', id: 'fire', text: { en: 'Fire exits' }, pictogram: 'other' },
    ],
  });
  if (!parsedWide.ok) throw new Error(JSON.stringify(parsedWide.problems));
  const wide = parsedWide.survey;
  const typeWide = (text: string, state: SheetState = startSheet(wide)) => keys(text).reduce((s, input) => keySheet(wide, s, input), state);

  it('takes "12" at once, and "1" on Enter', () => {
    expect(typeWide('12').answers).toEqual({ country: 'c12' });
    expect(typeWide('1').buffer).toBe('1');
    expect(typeWide('1{Enter}').answers).toEqual({ country: 'c1' });
  });

  it('toggles an ambiguous code with Space, an unambiguous one at once, and refuses more than allowed', () => {
    let state = typeWide('2'); // country c2
    state = typeWide('1 11', state);
    expect(state.selected).toEqual(['1', '11']);
    state = typeWide('{Enter}', state);
    expect(state.answers['needs']).toEqual(['c1', 'c11']);
    const tooMany = typeWide('21 113{Enter}');
    expect(tooMany).toMatchObject({ current: 'needs', problem: { kind: 'too-many', max: 2 } });
  });

  it('reads compliance codes 1-3 and reaches the end', () => {
    const state = typeWide('2-3');
    expect(state.answers).toEqual({ country: 'c2', fire: 'critical' });
    expect(state.current).toBeNull();
  });
});
