/**
 * The six real XLSForms of test/fixtures/xlsforms (pyxform's tests, a CorrelAid Kobo
 * export, a REACH humanitarian survey), read by the server's reader: each gives a survey
 * or a precise list of problems; for the three with pyxform's reference XForm, every
 * question pyxform makes is either in the Sayso survey with the same label and a matching
 * kind, or named in the report.
 */
import { describe, expect, it } from 'vitest';
import { parseSurvey } from '../../../src/survey/parseSurvey.ts';
import type { Question, SurveyDefinition } from '../../../src/survey/schema.ts';
import { listQuestions } from '../../../src/survey/walkItems.ts';
import { importXlsform, type XlsformImport, type XlsformProblem } from '../../../src/survey/xlsform/importXlsform.ts';
import { relevanceToCondition } from '../../../src/survey/xlsform/relevanceToCondition.ts';
import { toSaysoId } from '../../../src/survey/xlsform/surveyDraft.ts';
import { readExpectedXform, type XformControl } from './expectedXform.ts';
import { readFixtureText, readFixtureWorkbook } from './readFixtureWorkbook.ts';

const importFixture = (file: string, languages?: string[]): XlsformImport =>
  importXlsform(readFixtureWorkbook(file), { fileName: file, ...(languages ? { languages } : {}) });

const questionsOf = (result: XlsformImport): Question[] => listQuestions((result.survey as SurveyDefinition).items).map((p) => p.question);
const withSeverity = (result: XlsformImport, severity: XlsformProblem['severity']) => result.problems.filter((p) => p.severity === severity);
const brief = (problems: XlsformProblem[]) => problems.map((p) => `${p.sheet} ${p.row ?? ''} ${p.name ?? ''}`.trim());

/** Sayso kinds a pyxform control may become. */
function kindsFor(control: XformControl): string[] {
  if (control.element === 'select1') return ['single', 'yesno'];
  if (control.element === 'select') return ['multi'];
  if (control.element === 'upload' && control.mediatype === 'audio/*') return ['spoken'];
  if (control.element === 'input' && control.bindType === 'string') return ['text', 'info'];
  if (control.element === 'input' && (control.bindType === 'int' || control.bindType === 'decimal')) return ['text', 'rating'];
  return [];
}

/** Every pyxform question is in the survey (same label, a matching kind, same choices) or named in the report. */
function compareWithPyxform(result: XlsformImport, xmlFile: string): { imported: string[]; reported: string[] } {
  const controls = readExpectedXform(readFixtureText(xmlFile)).filter((c) => !/^(generated_table_list_label|reserved_name_for_field_list_labels)_/.test(c.name));
  const questions = new Map(questionsOf(result).map((q) => [q.id, q]));
  const imported: string[] = [];
  const reported: string[] = [];
  for (const control of controls) {
    const generatedNote = /^generated_note_name_(\d+)$/.exec(control.name);
    const id = generatedNote ? `note_${generatedNote[1]}` : toSaysoId(control.name);
    const question = questions.get(id);
    if (!question) {
      const named = result.problems.filter((p) => p.name === control.name && p.severity !== 'warning');
      expect(named, `pyxform's "${control.name}" is neither imported nor reported`).not.toEqual([]);
      reported.push(control.name);
      continue;
    }
    imported.push(control.name);
    expect(kindsFor(control), `kind of ${control.name}`).toContain(question.kind);
    // pyxform writes a date cell as "2012-12-12 00:00:00"; a Workbook cell holds "2012-12-12".
    expect(question.text.en, `label of ${control.name}`).toBe(control.label.replace(/^(\d{4}-\d{2}-\d{2}) 00:00:00$/, '$1'));
    if (control.parents.some((p) => p.kind === 'repeat')) throw new Error(`${control.name} is inside a repeat and should not be imported`);
    if (control.relevant) {
      const source = control.relevant.replace(/(?:\.\.\/|\/[A-Za-z_][\w-]*\/(?:[A-Za-z_][\w-]*\/)*)([A-Za-z_][\w.-]*)/g, '${$1}');
      const read = relevanceToCondition(source, (name) => {
        const target = questions.get(toSaysoId(name));
        return target ? { ok: true, target: { id: target.id, kind: target.kind } } : { ok: false, message: name };
      });
      expect(read.ok && read.condition, `relevance of ${control.name}`).toEqual(question.relevant);
    }
  }
  return { imported, reported };
}

describe('XLSForm fixtures', () => {
  it('pyxform or_other.xlsx: a publishable survey matching pyxform, with or_other spelled out as pyxform does', () => {
    const result = importFixture('pyxform__or_other.xlsx');
    expect(result.publishable).toBe(true);
    expect(withSeverity(result, 'error')).toEqual([]);
    expect(questionsOf(result).map((q) => [q.id, q.kind])).toEqual([['fav_color', 'single'], ['fav_color_other', 'text'], ['fav_pastel', 'single']]);
    const [color, other] = questionsOf(result);
    expect(color?.kind === 'single' && color.choices.map((c) => c.value)).toEqual(['red', 'green', 'blue', 'mauve', 'apricot', 'other']);
    expect(other?.relevant).toEqual({ q: 'fav_color', includes: 'other' });
    expect(result.problems).toContainEqual(expect.objectContaining({ row: 3, column: 'choice_filter', severity: 'warning' }));
    expect(compareWithPyxform(result, 'pyxform__or_other.expected.xml')).toEqual({ imported: ['fav_color', 'fav_color_other', 'fav_pastel'], reported: [] });
  });

  it('pyxform widgets.xls: every widget imported or skipped with its reason; the image-only choices block publishing', () => {
    const result = importFixture('pyxform__widgets.xls');
    expect(result.publishable).toBe(false);
    expect(withSeverity(result, 'error').map((p) => [p.sheet, p.row, p.name, p.message])).toEqual([
      ['choices', 23, 'happy', expect.stringContaining('has no label in any language (only the image "happy.jpg")')],
      ['choices', 24, 'sad', expect.stringContaining('has no label in any language (only the image "sad.jpg")')],
    ]);
    expect(brief(withSeverity(result, 'skipped'))).toEqual([
      'survey 5 my_date', 'survey 6 my_time', 'survey 9 my_trigger', 'survey 11 my_geopoint', 'survey 12 my_barcode',
      'survey 13 my_image', 'survey 15 my_video', 'survey 17 locationMap', 'survey 18 dateTime',
    ]);
    const { imported, reported } = compareWithPyxform(result, 'pyxform__widgets.expected.xml');
    expect(reported).toEqual(['my_date', 'my_time', 'my_trigger', 'my_geopoint', 'my_barcode', 'my_image', 'my_video', 'locationMap', 'dateTime']);
    expect(imported).toHaveLength(23);
    const byId = new Map(questionsOf(result).map((q) => [q.id, q]));
    expect(byId.get('my_audio')?.kind).toBe('spoken');
    expect(byId.get('my_int')?.kind).toBe('text');
    expect(byId.get('table_list_1')?.kind).toBe('yesno');
    expect(result.summary).toMatchObject({ questions: 23, groups: 4, languages: ['en'], skippedRows: 9 });
    expect(result.problems).toContainEqual(expect.objectContaining({ row: 10, name: 'my_output', column: 'label', severity: 'warning', message: expect.stringContaining('${my_trigger}') }));
    expect(result.problems).toContainEqual(expect.objectContaining({ sheet: 'choices', row: 20, name: 'a', column: 'media::image', severity: 'warning' }));
  });

  it('pyxform widgets.xls: without the image-only list, what is left publishes', () => {
    const workbook = readFixtureWorkbook('pyxform__widgets.xls');
    const survey = workbook.sheets.find((s) => s.name === 'survey')!;
    survey.rows = survey.rows.filter((row) => !String(row.cells[0]).includes('happy_sad'));
    const result = importXlsform(workbook);
    expect(withSeverity(result, 'error')).toEqual([]);
    expect(result.publishable).toBe(true);
    expect(parseSurvey(result.survey).ok).toBe(true);
  });

  it('pyxform repeat_date_test.xls: the repeat and its rows are skipped, the two notes publish', () => {
    const result = importFixture('pyxform__repeat_date_test.xls');
    expect(result.publishable).toBe(true);
    expect(brief(withSeverity(result, 'skipped').filter((p) => p.sheet === 'survey'))).toEqual([
      'survey 3 repeat_count', 'survey 4 repeat_test', 'survey 5 table_list_3', 'survey 6 table_list_4',
    ]);
    expect(questionsOf(result).map((q) => [q.id, q.kind])).toEqual([['note_2', 'info'], ['note_8', 'info']]);
    expect(compareWithPyxform(result, 'pyxform__repeat_date_test.expected.xml').reported).toEqual(['table_list_3', 'table_list_4']);
  });

  it('pyxform repeat_date_test.xls: a label stored as a date (1904 date system) reads as the date pyxform shows', () => {
    const result = importFixture('pyxform__repeat_date_test.xls');
    expect(questionsOf(result)[0]?.text.en).toBe('2012-12-12');
  });

  it('pyxform tutorial.xls (old dialect, all in a repeat): nothing to import, and every row says why', () => {
    const result = importFixture('pyxform__tutorial.xls');
    expect(result.publishable).toBe(false);
    expect(withSeverity(result, 'error').map((p) => p.message)).toEqual([expect.stringContaining('no row of the survey sheet could be imported')]);
    const skipped = withSeverity(result, 'skipped').filter((p) => p.sheet === 'survey');
    expect(skipped[0]).toMatchObject({ row: 2, name: 'member', message: expect.stringContaining('a repeat (Sayso asks each question once); the 10 rows inside it (to row 13)') });
    expect(skipped.slice(1).map((p) => p.name)).toEqual([
      'name', 'relationship_to_household_head', 'sex', 'resident', 'stayed_last_night', 'older_than_five', 'age_in_months', 'age_in_years', 'literate', 'pregnant',
    ]);
  });

  it('CorrelAid testB.xlsx (Kobo, German and English): 45 questions, two precise errors, 30 relevance rules kept', () => {
    const result = importFixture('CorrelAid_xlsform2lstsv__testB.xlsx');
    expect(result.summary).toEqual({ questions: 45, groups: 7, languages: ['de', 'en'], skippedRows: 5 });
    expect((result.survey as SurveyDefinition).defaultLanguage).toBe('de');
    expect(withSeverity(result, 'error').map((p) => [p.row, p.column, p.name, p.message])).toEqual([
      [4, 'label::English (en)', 'group_gi4rv46', 'the group "group_gi4rv46" has no English (en) text: fill column "label::English (en)"'],
      [65, 'type', 'consent_privacy_policy', expect.stringContaining('the list "mj8ty33" has 1 choice')],
    ]);
    expect(brief(withSeverity(result, 'skipped').filter((p) => p.sheet === 'survey'))).toEqual([
      'survey 2 start', 'survey 3 end', 'survey 12 NO_TC_project-alpha', 'survey 13 TT_project-alpha', 'survey 14 missing_coord',
    ]);
    const relevant = questionsOf(result).filter((q) => q.relevant);
    expect(relevant).toHaveLength(30);
    const byId = new Map(questionsOf(result).map((q) => [q.id, q]));
    expect(byId.get('project_role_project_alpha')?.relevant).toEqual({ q: 'project_id', includes: 'project-alpha' });
    expect(byId.get('past_applications_details')?.relevant).toEqual({ q: 'past_applications', equals: 'not_successful' });
    expect(byId.get('motivation_why')).toMatchObject({ kind: 'text', required: true, text: { de: expect.stringContaining('warum'), en: expect.stringContaining('why') } });
  });

  it('CorrelAid testB.xlsx in German only: the missing English label no longer matters', () => {
    const result = importFixture('CorrelAid_xlsform2lstsv__testB.xlsx', ['de']);
    expect(withSeverity(result, 'error').map((p) => p.row)).toEqual([65]);
    expect(result.problems).toContainEqual(expect.objectContaining({ sheet: 'survey', row: 1, column: 'label::English (en)', severity: 'warning' }));
  });

  it('REACH MSNA 2024 (large, English/French, repeats, cascading filters): 188 questions, 16 precise errors', () => {
    const result = importFixture('impact-initiatives-hppu_humind__REACH_2024_MSNA-kobo-tool_draft_v11.xlsx');
    expect(result.summary).toEqual({ questions: 188, groups: 16, languages: ['en', 'fr'], skippedRows: 96 });
    const errors = withSeverity(result, 'error');
    expect(errors.filter((p) => p.sheet === 'survey').map((p) => [p.row, p.column, p.name])).toEqual([[96, 'relevant', 'edu'], [281, 'relevant', 'nutrition']]);
    expect(errors[0]?.message).toContain('"ind_age_schooling_n" (row 81) is not imported');
    expect(errors.filter((p) => p.sheet === 'choices').map((p) => p.row)).toEqual([134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147]);
    expect(errors.filter((p) => p.sheet === 'choices').every((p) => p.column === 'label::french')).toBe(true);
    const skipped = withSeverity(result, 'skipped').filter((p) => p.sheet === 'survey');
    expect(skipped.filter((p) => p.message.includes('a repeat (')).map((p) => p.name)).toEqual(['roster', 'edu_ind', 'health_ind', 'nut_ind']);
    expect(skipped.find((p) => p.name === 'household_geopoint')?.message).toContain('a location');
    expect(result.problems.filter((p) => p.column === 'choice_filter')).toHaveLength(4);
    // Every relevance outside the repeats reads (none is "outside the subset").
    expect(result.problems.filter((p) => p.message.includes('outside the expressions'))).toEqual([]);
  });

  it('every fixture: nothing is dropped without a row named, and every survey made is a valid draft', () => {
    for (const file of ['pyxform__or_other.xlsx', 'pyxform__widgets.xls', 'pyxform__repeat_date_test.xls', 'pyxform__tutorial.xls', 'CorrelAid_xlsform2lstsv__testB.xlsx', 'impact-initiatives-hppu_humind__REACH_2024_MSNA-kobo-tool_draft_v11.xlsx']) {
      const workbook = readFixtureWorkbook(file);
      const result = importXlsform(workbook, { fileName: file });
      const survey = workbook.sheets.find((s) => s.name.toLowerCase() === 'survey')!;
      const typeColumn = survey.rows[0]!.cells.findIndex((h) => h.trim().toLowerCase() === 'type');
      const nameColumn = survey.rows[0]!.cells.findIndex((h) => h.trim().toLowerCase() === 'name');
      const kept = new Set(listQuestions((result.survey as SurveyDefinition).items).map((p) => p.question.id));
      const groups = new Set<string>();
      const collect = (items: SurveyDefinition['items']) => items.forEach((item) => item.kind === 'group' && (groups.add(item.id), collect(item.items)));
      collect((result.survey as SurveyDefinition).items);
      for (const row of survey.rows.slice(1)) {
        const type = (row.cells[typeColumn] ?? '').trim();
        const name = (row.cells[nameColumn] ?? '').trim();
        if (!type || /^end[ _](group|repeat)$/i.test(type)) continue;
        const id = name ? toSaysoId(name) : `note_${row.row}`;
        if (kept.has(id) || groups.has(id)) continue;
        expect(result.problems.some((p) => p.sheet === 'survey' && p.row === row.row && p.severity !== 'warning'), `${file} row ${row.row} (${type} ${name})`).toBe(true);
      }
    }
  });
});
