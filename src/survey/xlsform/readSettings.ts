/**
 * The settings sheet and the survey's languages: which languages the label columns are
 * in, which one is the default, and the survey-level fields (id, title, Sayso extras).
 */
import { languageInfo } from '../languages.ts';
import { SURVEY_AUDIENCES, TranslationStatus } from '../schema.ts';
import type { Workbook, WorkbookRow } from './workbook.ts';
import type { ImportContext } from './importContext.ts';
import { SAYSO, isTrueCell } from './saysoColumns.ts';
import { languageFromName } from './xlsformLanguages.ts';
import { cellAt, findSheet, plainColumn, readSheetTable, type SheetTable } from './xlsformSheet.ts';

export interface Settings {
  table?: SheetTable;
  row?: WorkbookRow;
}

export function readSettingsSheet(workbook: Workbook): Settings {
  const sheet = findSheet(workbook, 'settings');
  if (!sheet) return {};
  const table = readSheetTable(sheet);
  const row = table.rows.find((r) => r.cells.some((cell) => cell.trim() !== ''));
  return row ? { table, row } : { table };
}

export function settingValue(settings: Settings, base: string): string {
  if (!settings.table || !settings.row) return '';
  return cellAt(settings.row, plainColumn(settings.table, base));
}

/**
 * Sets ctx.languages, ctx.defaultLanguage and ctx.plainLanguage from the survey sheet's
 * label columns, the settings' default_language and the languages the caller chose.
 */
export function chooseLanguages(survey: SheetTable, settings: Settings, ctx: ImportContext, chosen: readonly string[] | undefined): void {
  const defaultName = settingValue(settings, 'default_language');
  let settingsDefault: string | undefined;
  if (defaultName !== '' && defaultName.toLowerCase() !== 'default') {
    const read = languageFromName(defaultName);
    if (read.ok) settingsDefault = read.code;
    else ctx.add({ sheet: 'settings', row: settings.row?.row, column: 'default_language', severity: 'error', message: read.message });
  }
  ctx.plainLanguage = settingsDefault ?? 'en';

  const found: string[] = [];
  for (const column of survey.columns) {
    if (column.base !== 'label') continue;
    const code = ctx.languageOf(survey, column);
    if (code !== undefined && !found.includes(code)) found.push(code);
  }
  if (chosen && chosen.length) {
    for (const code of chosen) {
      if (!found.includes(code)) {
        ctx.add({
          sheet: 'survey', row: survey.headerRow, severity: 'error', column: `label::${languageInfo(code).englishName} (${code})`,
          message: `the form has no labels in ${languageInfo(code).englishName} (${code}), which was chosen: add a column "label::${languageInfo(code).englishName} (${code})" or leave the language out`,
        });
      }
    }
    ctx.languages = [...chosen];
  } else {
    ctx.languages = found.length ? found : [ctx.plainLanguage];
  }
  ctx.defaultLanguage = settingsDefault && ctx.languages.includes(settingsDefault) ? settingsDefault : (ctx.languages[0] ?? 'en');
  if (settingsDefault && !ctx.languages.includes(settingsDefault)) {
    ctx.add({
      sheet: 'settings', row: settings.row?.row, column: 'default_language', severity: 'warning',
      message: `the default language ${languageInfo(settingsDefault).englishName} (${settingsDefault}) has no labels in the survey: ${languageInfo(ctx.defaultLanguage).englishName} (${ctx.defaultLanguage}) was made the default`,
    });
  }
}

/** "resident-satisfaction" from form_id, a file name or a title: lower-case letters, digits and "-". */
export function toSurveyId(text: string): string | undefined {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  if (slug.length < 2) return undefined;
  return /^[a-z]/.test(slug) ? slug : `s-${slug}`.slice(0, 63);
}

/** Survey-level fields: id, title, description and the Sayso extras an export writes. */
export function readSurveyFields(settings: Settings, ctx: ImportContext, options: { fileName?: string; surveyId?: string }): Record<string, unknown> {
  const add = (column: string, severity: 'error' | 'warning', message: string) =>
    ctx.add({ sheet: 'settings', ...(settings.row ? { row: settings.row.row } : {}), column, severity, message });
  const fileBase = (options.fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');

  let id: string | undefined;
  if (options.surveyId !== undefined) {
    id = /^[a-z][a-z0-9-]{1,62}$/.test(options.surveyId) ? options.surveyId : undefined;
    if (!id) ctx.add({ sheet: '(file)', severity: 'error', message: `the survey id "${options.surveyId}" must be 2-63 lower-case letters, digits and "-", starting with a letter` });
  } else {
    const formId = settingValue(settings, 'form_id');
    id = toSurveyId(formId) ?? toSurveyId(fileBase) ?? 'imported-survey';
    if (formId !== '' && id !== formId) add('form_id', 'warning', `the form id "${formId}" became the survey id "${id}" (lower-case letters, digits and "-")`);
  }

  const fields: Record<string, unknown> = { schema: 'sayso/survey@1', id: id ?? 'imported-survey' };
  const version = Number(settingValue(settings, SAYSO.version));
  fields.version = Number.isInteger(version) && version >= 1 ? version : 1;

  const table = settings.table;
  const row = settings.row;
  const localized = (base: string) => (table && row ? ctx.texts(table, row, base) : {});

  const titles = localized(SAYSO.title);
  if (Object.keys(titles).length) {
    if (table && row) ctx.requireAll(table, row.row, SAYSO.title, titles, 'the survey title');
    fields.title = titles;
  } else {
    const formTitle = settingValue(settings, 'form_title') || fileBase || String(fields.id);
    fields.title = Object.fromEntries(ctx.languages.map((code) => [code, formTitle]));
    if (ctx.languages.length > 1) {
      add('form_title', 'warning', `the form title "${formTitle}" is in one language: it was used for every language (${ctx.languages.join(', ')}); translate it in the editor`);
    } else if (!settingValue(settings, 'form_title')) {
      add('form_title', 'warning', `the form has no form_title: the survey is called "${formTitle}"; change it in the editor`);
    }
  }
  const description = localized(SAYSO.description);
  if (Object.keys(description).length) {
    if (table && row) ctx.requireAll(table, row.row, SAYSO.description, description, 'the survey description');
    fields.description = description;
  }
  fields.defaultLanguage = ctx.defaultLanguage;
  fields.languages = ctx.languages;

  const status = localized(SAYSO.translationStatus);
  const translationStatus: Record<string, string> = {};
  for (const [code, value] of Object.entries(status)) {
    if (TranslationStatus.options.includes(value as never)) translationStatus[code] = value;
    else add(ctx.headerFor(table!, SAYSO.translationStatus, code), 'warning', `"${value}" is not a translation status (reviewed, unreviewed or machine): left out`);
  }
  fields.translationStatus = translationStatus;

  const minutes = settingValue(settings, SAYSO.estimatedMinutes);
  if (minutes !== '') {
    const n = Number(minutes);
    if (Number.isInteger(n) && n >= 1 && n <= 120) fields.estimatedMinutes = n;
    else add(SAYSO.estimatedMinutes, 'warning', `"${minutes}" is not a number of minutes from 1 to 120: left out`);
  }
  const mediator = settingValue(settings, SAYSO.requiresMediator);
  if (mediator !== '') fields.requiresMediator = isTrueCell(mediator);
  const audience = settingValue(settings, SAYSO.audience);
  if (audience !== '') {
    if ((SURVEY_AUDIENCES as readonly string[]).includes(audience)) fields.audience = audience;
    else add(SAYSO.audience, 'warning', `"${audience}" is not an audience (residents or inspectors): left out`);
  }
  reportUnreadSettings(settings, ctx);
  return fields;
}

/** Settings an XLSForm may have that Sayso reads or that describe only the XLSForm file. */
const READ_SETTINGS = new Set(['form_title', 'form_id', 'default_language', 'version']);

function reportUnreadSettings(settings: Settings, ctx: ImportContext): void {
  const { table, row } = settings;
  if (!table || !row) return;
  for (const column of table.columns) {
    if (READ_SETTINGS.has(column.base) || column.base.startsWith('sayso::') || cellAt(row, column) === '') continue;
    ctx.add({ sheet: 'settings', row: row.row, column: column.header, severity: 'warning', message: `the setting "${column.header}" (${cellAt(row, column).slice(0, 60)}) is not used by Sayso` });
  }
}
