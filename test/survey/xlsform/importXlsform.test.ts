import { describe, expect, it } from 'vitest';
import { parseSurvey } from '../../../src/survey/parseSurvey.ts';
import type { SurveyDefinition } from '../../../src/survey/schema.ts';
import { importXlsform, type XlsformProblem } from '../../../src/survey/xlsform/importXlsform.ts';
import { buildWorkbook, YES_NO_CHOICES } from './buildWorkbook.ts';

const HEADER = ['type', 'name', 'label', 'relevant'];

function importSurvey(rows: string[][], choices: string[][] = YES_NO_CHOICES, settings?: string[][]) {
  return importXlsform(buildWorkbook({ survey: [HEADER, ...rows], choices, ...(settings ? { settings } : {}) }), { fileName: 'test form.xlsx' });
}

const errors = (problems: XlsformProblem[]) => problems.filter((p) => p.severity === 'error');
const ofSeverity = (problems: XlsformProblem[], severity: XlsformProblem['severity']) => problems.filter((p) => p.severity === severity);

describe('importXlsform: a plain form', () => {
  it('makes a publishable survey of yes/no, choice, text and note rows, with relevance', () => {
    const result = importSurvey([
      ['note', 'intro', 'Welcome'],
      ['select_one yn', 'happy', 'Are you happy here?'],
      ['select_multiple colours', 'colours', 'Which colours?', "${happy} = 'no'"],
      ['text', 'why', 'Why?', "selected(${colours}, 'red') and ${happy} != ''"],
    ]);
    expect(errors(result.problems)).toEqual([]);
    expect(result.publishable).toBe(true);
    const survey = result.survey as SurveyDefinition;
    expect(parseSurvey(survey).ok).toBe(true);
    expect(survey).toMatchObject({ id: 'test-form', defaultLanguage: 'en', languages: ['en'], title: { en: 'test form' } });
    expect(survey.items.map((item) => [item.kind, item.id])).toEqual([['info', 'intro'], ['yesno', 'happy'], ['multi', 'colours'], ['text', 'why']]);
    expect(survey.items[2]).toMatchObject({ relevant: { q: 'happy', equals: false }, choices: [{ value: 'red', label: { en: 'Red' } }, { value: 'blue' }] });
    expect(survey.items[3]?.relevant).toEqual({ all: [{ q: 'colours', includes: 'red' }, { q: 'happy', answered: true }] });
    expect(result.summary).toEqual({ questions: 4, groups: 0, languages: ['en'], skippedRows: 0 });
  });

  it('gives each question a default pictogram and says so on its row', () => {
    const result = importSurvey([['select_one yn', 'happy', 'Happy?']]);
    expect(result.problems).toContainEqual({ sheet: 'survey', row: 2, column: 'sayso::pictogram', name: 'happy', severity: 'warning', message: expect.stringContaining('no pictogram in XLSForm') });
  });

  it('maps integer rows with a scale constraint to ratings, and others to text with a warning', () => {
    const survey = importXlsform(buildWorkbook({
      survey: [['type', 'name', 'label', 'constraint'], ['integer', 'score', 'Score', '. >= 0 and . <= 10'], ['integer', 'five', 'Five', '.>0 and .<6'], ['integer', 'age', 'Age', '. > 17'], ['range', 'slide', 'Slide', '']],
    }));
    const items = (survey.survey as SurveyDefinition).items;
    expect(items.map((i) => [i.id, i.kind, 'scale' in i ? i.scale : undefined])).toEqual([
      ['score', 'rating', '0-10'], ['five', 'rating', '1-5'], ['age', 'text', undefined], ['slide', 'rating', '1-10'],
    ]);
    expect(survey.problems).toContainEqual(expect.objectContaining({ row: 4, name: 'age', severity: 'warning', message: expect.stringContaining('imported as a text question') }));
  });

  it('reads groups with their relevance, and titles in every language', () => {
    const result = importXlsform(buildWorkbook({
      survey: [
        ['type', 'name', 'label::English (en)', 'label::French (fr)', 'relevant'],
        ['select_one yn', 'resident', 'Do you live here?', 'Habitez-vous ici ?'],
        ['begin group', 'room', 'Your room', 'Votre chambre', "${resident} = 'yes'"],
        ['select_one yn', 'room_ok', 'Is it good?', 'Est-elle bien ?'],
        ['end group'],
      ],
      choices: [['list_name', 'name', 'label::English (en)', 'label::French (fr)'], ['yn', 'yes', 'Yes', 'Oui'], ['yn', 'no', 'No', 'Non']],
      settings: [['form_title', 'form_id', 'default_language'], ['Life here', 'life_here', 'French (fr)']],
    }));
    expect(errors(result.problems)).toEqual([]);
    const survey = result.survey as SurveyDefinition;
    expect(survey).toMatchObject({ id: 'life-here', defaultLanguage: 'fr', languages: ['en', 'fr'], title: { en: 'Life here', fr: 'Life here' } });
    expect(survey.items[1]).toMatchObject({ kind: 'group', id: 'room', title: { en: 'Your room', fr: 'Votre chambre' }, relevant: { q: 'resident', equals: true }, items: [{ id: 'room_ok' }] });
    expect(result.summary).toEqual({ questions: 2, groups: 1, languages: ['en', 'fr'], skippedRows: 0 });
    expect(result.problems).toContainEqual(expect.objectContaining({ sheet: 'settings', column: 'form_title', severity: 'warning', message: expect.stringContaining('used for every language') }));
  });

  it('imports only the chosen languages and reports the columns left out', () => {
    const result = importXlsform(buildWorkbook({
      survey: [['type', 'name', 'label::English', 'label::Deutsch (de)'], ['text', 'q1', 'Comment', 'Kommentar']],
    }), { languages: ['en'] });
    expect(result.publishable).toBe(true);
    expect((result.survey as SurveyDefinition).languages).toEqual(['en']);
    expect(result.problems).toContainEqual(expect.objectContaining({ sheet: 'survey', row: 1, column: 'label::Deutsch (de)', severity: 'warning' }));
  });
});

describe('importXlsform: columns beside the label', () => {
  it('reads hints, required, audio prompts and images named like a pictogram', () => {
    const result = importXlsform(buildWorkbook({
      survey: [
        ['type', 'name', 'label::English (en)', 'label::French (fr)', 'hint::English (en)', 'hint::French (fr)', 'required', 'media::audio::English (en)', 'media::image'],
        ['text', 'food', 'Food?', 'Repas ?', 'Think of lunch', 'Pensez au déjeuner', 'TRUE', 'food-en.mp3', 'food.png'],
        ['text', 'room', 'Room?', 'Chambre ?', 'Your room', '', "${food} != ''", '', 'my-room.jpg'],
      ],
    }));
    const [food, room] = (result.survey as { items: Record<string, unknown>[] }).items;
    expect(food).toMatchObject({ required: true, hint: { en: 'Think of lunch', fr: 'Pensez au déjeuner' }, audio: { en: 'food-en.mp3' }, pictogram: 'food' });
    expect(room).toMatchObject({ pictogram: 'comment' });
    expect(room?.required).toBeUndefined();
    expect(result.problems.filter((p) => p.row === 3).map((p) => [p.column, p.severity])).toEqual([
      ['hint::French (fr)', 'error'],
      ['media::image', 'warning'],
      ['required', 'warning'],
    ].sort((a, b) => ['error', 'skipped', 'warning'].indexOf(a[1]!) - ['error', 'skipped', 'warning'].indexOf(b[1]!)));
    expect(result.problems).toContainEqual(expect.objectContaining({ row: 3, column: 'media::image', message: expect.stringContaining('"my-room.jpg" is not shown') }));
  });

  it('puts a plain "label" column in the settings\' default language', () => {
    const result = importSurvey([['text', 'q', 'Votre avis ?']], YES_NO_CHOICES, [['form_title', 'default_language'], ['Avis', 'French (fr)']]);
    expect(result.survey).toMatchObject({ defaultLanguage: 'fr', languages: ['fr'], title: { fr: 'Avis' }, items: [{ text: { fr: 'Votre avis ?' } }] });
  });

  it('warns about labels that show an answer or carry markup, since Sayso shows text as written', () => {
    const result = importSurvey([['text', 'name_q', 'Name?'], ['note', 'hello', 'Hello ${name_q}, <b>welcome</b>']]);
    expect(result.problems.filter((p) => p.row === 3 && p.column === 'label').map((p) => p.message)).toEqual([
      expect.stringContaining('the label has markup (<b>)'),
      expect.stringContaining('the label shows an answer (${name_q})'),
    ]);
  });

  it('spells out or_other on a multiple choice too', () => {
    const result = importSurvey([['select_multiple colours or_other', 'c', 'Colours?']]);
    expect((result.survey as SurveyDefinition).items.map((i) => [i.id, i.relevant])).toEqual([['c', undefined], ['c_other', { q: 'c', includes: 'other' }]]);
  });

  it('compares ratings and faces by number in relevance', () => {
    const result = importXlsform(buildWorkbook({
      survey: [['type', 'name', 'label', 'constraint', 'relevant'], ['integer', 'score', 'Score', '. >= 1 and . <= 5', ''], ['text', 'why', 'Why so low?', '', '${score} <= 2']],
    }));
    expect(result.publishable).toBe(true);
    expect((result.survey as SurveyDefinition).items[1]?.relevant).toEqual({ q: 'score', lte: 2 });
  });
});

describe('importXlsform: row-level errors', () => {
  it('names a relevance to a question that does not exist', () => {
    const result = importSurvey([['select_one yn', 'a', 'A?'], ['text', 'b', 'B?', "${nope} = 'yes'"]]);
    expect(result.publishable).toBe(false);
    expect(errors(result.problems)).toEqual([
      { sheet: 'survey', row: 3, column: 'relevant', name: 'b', severity: 'error', message: expect.stringContaining('there is no question named "nope"') },
    ]);
  });

  it('names a relevance to a question that comes later', () => {
    const result = importSurvey([['text', 'a', 'A?', "${b} = 'yes'"], ['select_one yn', 'b', 'B?']]);
    expect(errors(result.problems)).toEqual([
      { sheet: 'survey', row: 2, column: 'relevant', name: 'a', severity: 'error', message: expect.stringMatching(/uses "b" \(row 3\), which comes later/) },
    ]);
  });

  it('reports cyclic relevance with the whole cycle, on each row of it', () => {
    const result = importSurvey([
      ['select_one yn', 'a', 'A?', "${c} = 'yes'"],
      ['select_one yn', 'b', 'B?', "${a} = 'yes'"],
      ['select_one yn', 'c', 'C?', "${b} = 'no'"],
      ['select_one yn', 'd', 'D?', "${d} = 'no'"],
    ]);
    const cyclic = errors(result.problems).filter((p) => p.message.startsWith('cyclic relevance'));
    expect(cyclic.map((p) => [p.row, p.name])).toEqual([[2, 'a'], [3, 'b'], [4, 'c'], [5, 'd']]);
    expect(cyclic[0]?.message).toMatch(/cyclic relevance: a → c → b → a/);
    expect(cyclic[3]?.message).toMatch(/cyclic relevance: d → d/);
    expect(result.publishable).toBe(false);
  });

  it('reports a group whose relevance reads one of its own questions as cyclic', () => {
    const result = importSurvey([
      ['begin group', 'g', 'Group', "${inside} = 'yes'"],
      ['select_one yn', 'inside', 'Inside?'],
      ['end group'],
    ]);
    expect(errors(result.problems)).toEqual([
      expect.objectContaining({ row: 2, column: 'relevant', name: 'g', message: expect.stringMatching(/cyclic relevance: g → inside → g/) }),
    ]);
  });

  it('names both rows of a duplicate name', () => {
    const result = importSurvey([['text', 'same', 'First'], ['text', 'same', 'Second']]);
    expect(errors(result.problems)).toEqual([
      { sheet: 'survey', row: 3, column: 'name', name: 'same', severity: 'error', message: 'the name "same" is already used on row 2: every question needs its own name' },
    ]);
  });

  it('refuses two names that become the same Sayso id', () => {
    const result = importSurvey([['text', 'Room-Type', 'First'], ['text', 'room_type', 'Second']]);
    expect(errors(result.problems)).toEqual([
      expect.objectContaining({ row: 3, column: 'name', message: expect.stringContaining('becomes the Sayso id "room_type", which row 2 already has') }),
    ]);
  });

  it('skips every unsupported type with its reason, and says what a skipped repeat held', () => {
    const result = importSurvey([
      ['start', 'start', ''],
      ['calculate', 'total', ''],
      ['geopoint', 'where', 'Where are you?'],
      ['date', 'when', 'When?'],
      ['image', 'photo', 'Take a photo'],
      ['begin repeat', 'people', 'Each person'],
      ['text', 'person_name', 'Name'],
      ['select_one yn', 'person_ok', 'OK?'],
      ['end repeat'],
      ['frobnicate', 'odd', 'Odd'],
      ['text', 'kept', 'Kept'],
    ]);
    const skipped = ofSeverity(result.problems, 'skipped').filter((p) => p.sheet === 'survey');
    expect(skipped.map((p) => [p.row, p.name, p.message])).toEqual([
      [2, 'start', expect.stringContaining('metadata')],
      [3, 'total', expect.stringContaining('a calculation')],
      [4, 'where', expect.stringContaining('a location')],
      [5, 'when', expect.stringContaining('a date')],
      [6, 'photo', expect.stringContaining('a photo')],
      [7, 'people', expect.stringContaining('a repeat (Sayso asks each question once); the 2 rows inside it (to row 10) were skipped too')],
      [8, 'person_name', expect.stringContaining('inside the repeat "people" (row 7)')],
      [9, 'person_ok', expect.stringContaining('inside the repeat "people" (row 7)')],
      [11, 'odd', expect.stringContaining('the type "frobnicate" is not an XLSForm type Sayso knows')],
    ]);
    expect(result.summary.skippedRows).toBe(9);
    expect(result.publishable).toBe(true);
    expect((result.survey as SurveyDefinition).items.map((i) => i.id)).toEqual(['kept']);
  });

  it('refuses a relevance that reads a skipped row', () => {
    const result = importSurvey([['calculate', 'total', ''], ['text', 'b', 'B?', '${total} > 3']]);
    expect(errors(result.problems)).toEqual([
      expect.objectContaining({ row: 3, column: 'relevant', name: 'b', message: expect.stringContaining('"total" (row 2) is not imported') }),
    ]);
  });

  it('names the column of an unknown language', () => {
    const result = importXlsform(buildWorkbook({
      survey: [['type', 'name', 'label::English (en)', 'label::Klingon'], ['text', 'q', 'Q', 'Q?']],
    }));
    expect(errors(result.problems)).toEqual([
      { sheet: 'survey', row: 1, column: 'label::Klingon', severity: 'error', message: expect.stringContaining('the language "Klingon" is not known: add its two- or three-letter code in brackets') },
    ]);
  });

  it('names expressions outside the subset on a kept row', () => {
    const result = importSurvey([['integer', 'n', 'How many?'], ['text', 'b', 'B?', '${n} * 2 > 3'], ['text', 'c', 'C', 'once(today())']]);
    expect(errors(result.problems).map((p) => [p.row, p.column, p.message])).toEqual([
      [3, 'relevant', expect.stringContaining('"${n} * 2 > 3" is outside the expressions Sayso understands')],
      [4, 'relevant', expect.stringContaining('"once(today())" is outside')],
    ]);
  });

  it('names a missing choice list, a row without a label and a missing translation', () => {
    const result = importXlsform(buildWorkbook({
      survey: [
        ['type', 'name', 'label::English (en)', 'label::French (fr)'],
        ['select_one nowhere', 'a', 'A', 'A'],
        ['text', 'b', '', ''],
        ['text', 'c', 'C', ''],
      ],
    }));
    expect(errors(result.problems)).toEqual([
      { sheet: 'survey', row: 2, column: 'type', name: 'a', severity: 'error', message: expect.stringContaining('the choice list "nowhere" is not in the choices sheet') },
      { sheet: 'survey', row: 3, column: 'label::English (en)', name: 'b', severity: 'error', message: 'the question "b" has no label in any language: write the text the respondent reads' },
      { sheet: 'survey', row: 4, column: 'label::French (fr)', name: 'c', severity: 'error', message: 'the question "c" has no French (fr) text: fill column "label::French (fr)"' },
    ]);
  });

  it('reports rows of a choice list only where an imported question uses it', () => {
    const result = importSurvey([['select_one colours', 'c', 'Colour?']], [
      ['list_name', 'name', 'label'],
      ['colours', 'red', 'Red'],
      ['colours', 'red', 'Red again'],
      ['colours', 'bad name', 'Blue'],
      ['unused', 'x', ''],
    ]);
    expect(errors(result.problems).map((p) => [p.sheet, p.row, p.message])).toEqual([
      ['choices', 3, expect.stringContaining('the choice "red" is already in list "colours" on row 2')],
      ['choices', 4, expect.stringContaining('the choice name "bad name" must be')],
    ]);
    expect(result.problems).toContainEqual(expect.objectContaining({ sheet: 'choices', row: 5, severity: 'skipped', message: expect.stringContaining('the list "unused"') }));
  });

  it('refuses an unclosed group and a stray end group, naming the rows', () => {
    const result = importSurvey([['end group', '', ''], ['begin group', 'g', 'G'], ['text', 't', 'T']]);
    expect(errors(result.problems).map((p) => [p.row, p.message])).toEqual([
      [2, expect.stringContaining('this "end group" has no "begin group" above it')],
      [3, expect.stringContaining('this "begin group" is never closed')],
    ]);
  });

  it('takes the survey id from the caller, else form_id, else the file name', () => {
    const rows = [['type', 'name', 'label'], ['text', 'q', 'Q']];
    expect((importXlsform(buildWorkbook({ survey: rows }), { surveyId: 'my-survey', fileName: 'x.xlsx' }).survey as SurveyDefinition).id).toBe('my-survey');
    const fromFormId = importXlsform(buildWorkbook({ survey: rows, settings: [['form_id'], ['Household_2024']] }), { fileName: 'x.xlsx' });
    expect((fromFormId.survey as SurveyDefinition).id).toBe('household-2024');
    expect(fromFormId.problems).toContainEqual(expect.objectContaining({ sheet: 'settings', row: 2, column: 'form_id', severity: 'warning' }));
    expect((importXlsform(buildWorkbook({ survey: rows }), { fileName: '2024 Übersicht.xls' }).survey as SurveyDefinition).id).toBe('s-2024-ubersicht');
    const bad = importXlsform(buildWorkbook({ survey: rows }), { surveyId: 'Bad Id' });
    expect(bad.publishable).toBe(false);
    expect(bad.problems).toContainEqual(expect.objectContaining({ sheet: '(file)', severity: 'error', message: expect.stringContaining('"Bad Id"') }));
  });

  it('refuses a file without a survey sheet', () => {
    const result = importXlsform(buildWorkbook({ Sheet1: [['a']] }));
    expect(result).toMatchObject({ survey: null, publishable: false, problems: [{ sheet: '(file)', severity: 'error' }] });
  });

  it('lists errors first, then skipped rows, then warnings', () => {
    const result = importSurvey([['calculate', 'x', ''], ['text', 'a', 'A', '${zz} = 1'], ['text', 'b', 'B']]);
    const severities = result.problems.map((p) => p.severity);
    expect(severities).toEqual([...severities].sort((a, b) => ['error', 'skipped', 'warning'].indexOf(a) - ['error', 'skipped', 'warning'].indexOf(b)));
    expect(severities[0]).toBe('error');
  });
});
