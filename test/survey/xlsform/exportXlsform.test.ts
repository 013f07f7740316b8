import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAUNCH_LANGUAGES } from '../../../src/survey/languages.ts';
import { parseSurvey } from '../../../src/survey/parseSurvey.ts';
import { translateFromBundles } from '../../../src/survey/prompts.ts';
import type { SurveyDefinition } from '../../../src/survey/schema.ts';
import { exportXlsform } from '../../../src/survey/xlsform/exportXlsform.ts';
import { importXlsform } from '../../../src/survey/xlsform/importXlsform.ts';
import type { Workbook, WorkbookSheet } from '../../../src/survey/xlsform/workbook.ts';

const SURVEYS = join(import.meta.dirname, '../../../public/surveys');
const LOCALES = join(import.meta.dirname, '../../../public/locales');

const builtIns: [string, SurveyDefinition][] = readdirSync(SURVEYS)
  .filter((file) => file.endsWith('.json') && file !== 'index.json')
  .map((file) => {
    const parsed = parseSurvey(JSON.parse(readFileSync(join(SURVEYS, file), 'utf8')));
    if (!parsed.ok) throw new Error(`${file} is not a valid survey`);
    return [file, parsed.survey];
  });

const sheet = (workbook: Workbook, name: string): WorkbookSheet => workbook.sheets.find((s) => s.name === name)!;
const table = (s: WorkbookSheet) => {
  const [header, ...rows] = s.rows;
  return rows.map((row) => Object.fromEntries(header!.cells.map((h, i) => [h, row.cells[i] ?? ''])));
};

/** The kiosk's own answer words, as the server can pass them to the export. */
const kioskStrings = translateFromBundles(
  Object.fromEntries(LAUNCH_LANGUAGES.map((language) => [language, JSON.parse(readFileSync(join(LOCALES, language, 'kiosk.json'), 'utf8')) as unknown])),
);

describe('exportXlsform', () => {
  it('finds the built-in surveys', () => {
    expect(builtIns.map(([file]) => file)).toEqual(expect.arrayContaining(['resident-satisfaction.json', 'children-satisfaction.json', 'centre-satisfaction.json', 'monitoring-visit.json']));
  });

  it.each(builtIns)('%s imports back to the very same survey, with nothing to report', (_file, survey) => {
    const result = importXlsform(exportXlsform(survey));
    expect(result.problems).toEqual([]);
    expect(result.publishable).toBe(true);
    expect(result.survey).toEqual(survey);
  });

  it.each(builtIns)('%s exports as an XLSForm ODK and Kobo read: standard columns, every list present, every label filled', (_file, survey) => {
    const workbook = exportXlsform(survey, { translate: kioskStrings });
    expect(workbook.sheets.map((s) => s.name)).toEqual(['survey', 'choices', 'settings']);
    const rows = table(sheet(workbook, 'survey'));
    const choices = table(sheet(workbook, 'choices'));
    const labels = survey.languages.map((code) => sheet(workbook, 'survey').rows[0]!.cells.find((h) => h.startsWith('label::') && h.endsWith(`(${code})`)));
    expect(labels.every(Boolean)).toBe(true);
    const lists = new Set(choices.map((c) => c.list_name));
    for (const row of rows) {
      expect(row.type).toMatch(/^(select_one \S+|select_multiple \S+|integer|text|note|audio|begin_group|end_group)$/);
      const list = /^select_(?:one|multiple) (\S+)$/.exec(row.type!)?.[1];
      if (list) expect(lists.has(list)).toBe(true);
      if (row.type === 'integer') expect(row.constraint).toMatch(/^\. >= \d+ and \. <= \d+$/);
      if (row.type !== 'end_group') for (const header of labels) expect(row[header!], `${row.name} ${header}`).not.toBe('');
    }
    for (const choice of choices) for (const header of labels) expect(choice[header!], `${choice.list_name}/${choice.name}`).not.toBe('');
    const settings = table(sheet(workbook, 'settings'))[0]!;
    expect(settings).toMatchObject({ form_id: survey.id, form_title: survey.title[survey.defaultLanguage] });
  });

  it("labels the Sayso scales with the app's own words when it is given them", () => {
    const survey = builtIns.find(([file]) => file === 'resident-satisfaction.json')![1];
    const choices = table(sheet(exportXlsform(survey, { translate: kioskStrings }), 'choices'));
    expect(choices.find((c) => c.list_name === 'sayso-yes-no' && c.name === 'no')).toMatchObject({ 'label::English (en)': 'No' });
    const plain = table(sheet(exportXlsform(survey), 'choices'));
    expect(plain.find((c) => c.list_name === 'sayso-yes-no' && c.name === 'no')).toMatchObject({ 'label::English (en)': 'no' });
  });

  it('writes ratings as integers with a range constraint, yes/no as select_one, and relevance ODK reads', () => {
    const survey = builtIns.find(([file]) => file === 'resident-satisfaction.json')![1];
    const rows = table(sheet(exportXlsform(survey), 'survey'));
    expect(rows.find((r) => r.name === 'room.satisfied')).toMatchObject({ type: 'select_one sayso-yes-no', required: 'yes', 'sayso::kind': 'yesno' });
    expect(rows.find((r) => r.name === 'room.reasons')).toMatchObject({ type: 'select_multiple room.reasons', relevant: "${room.satisfied} = 'no'" });
    expect(rows.find((r) => r.name === 'room.score')).toMatchObject({ type: 'integer', constraint: '. >= 0 and . <= 10', 'sayso::scale': '0-10' });
  });

  it('keeps what only Sayso has (prompt keys, audio, evidence, limits) through a round trip', () => {
    const survey: SurveyDefinition = {
      schema: 'sayso/survey@1', id: 'extras', version: 3, title: { en: 'Extras', ar: 'إضافات' }, description: { en: 'D', ar: 'د' },
      defaultLanguage: 'ar', languages: ['en', 'ar'], translationStatus: { en: 'reviewed', ar: 'machine' }, estimatedMinutes: 4,
      requiresMediator: false, audience: 'inspectors',
      items: [
        { kind: 'multi', id: 'm', text: { en: 'M', ar: 'م' }, pictogram: 'food', promptKey: 'x.m', audio: { ar: 'm-ar.mp3' }, required: false, preferNotToAnswer: true, demographic: true, maxSelected: 2,
          choices: [{ value: 'a', label: { en: 'A', ar: 'أ' }, pictogram: 'taste', promptKey: 'x.m.a', audio: { en: 'a.mp3' } }, { value: 'b', label: { en: 'B', ar: 'ب' }, pictogram: 'other' }] },
        { kind: 'compliance', id: 'c', text: { en: 'C', ar: 'ج' }, hint: { en: 'h', ar: 'ه' }, pictogram: 'staff', evidence: 'observation', required: true, preferNotToAnswer: false, demographic: false,
          relevant: { any: [{ q: 'm', includes: 'a' }, { not: { q: 'm', answered: true } }] } },
        { kind: 'faces', id: 'f', faces: 5, text: { en: 'F', ar: 'ف' }, pictogram: 'face-3', required: false, preferNotToAnswer: false, demographic: false, relevant: { q: 'c', equals: 'partial' } },
        { kind: 'spoken', id: 's', maxSeconds: 30, text: { en: 'S', ar: 'س' }, pictogram: 'microphone', required: false, preferNotToAnswer: false, demographic: false, relevant: { q: 'f', gte: 4 } },
        { kind: 'text', id: 't', maxLength: 200, text: { en: 'T', ar: 'ت' }, pictogram: 'comment', required: false, preferNotToAnswer: false, demographic: false },
        { kind: 'rating', id: 'r', scale: '1-6', minLabel: { en: 'low', ar: 'منخفض' }, maxLabel: { en: 'high', ar: 'عال' }, text: { en: 'R', ar: 'ر' }, pictogram: 'rating', required: false, preferNotToAnswer: false, demographic: false },
        { kind: 'single', id: 'yn_single', text: { en: 'Y', ar: 'ي' }, pictogram: 'survey', required: false, preferNotToAnswer: false, demographic: false,
          choices: [{ value: 'yes', label: { en: 'Yes', ar: 'نعم' }, pictogram: 'yes' }, { value: 'no', label: { en: 'No', ar: 'لا' }, pictogram: 'no' }] },
      ],
    };
    expect(parseSurvey(survey).ok).toBe(true);
    const result = importXlsform(exportXlsform(survey));
    expect(result.problems).toEqual([]);
    expect(result.survey).toEqual(survey);
  });
});
