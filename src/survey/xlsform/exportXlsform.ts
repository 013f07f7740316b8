/**
 * Sayso survey → XLSForm workbook (sheets survey, choices, settings) that ODK and Kobo
 * accept, with `sayso::…` columns that importXlsform reads back to the very same
 * definition. Standard columns carry what XLSForm can say: select_one with choice lists for
 * yes/no, faces, expectation and compliance; integer with a range constraint for ratings;
 * text with a length constraint; audio for spoken answers; note for information screens.
 */
import type { Translate } from '../prompts.ts';
import type { Choice, Group, Item, LocalizedText, Question, SurveyDefinition } from '../schema.ts';
import { ratingRange } from '../scales.ts';
import { listQuestions } from '../walkItems.ts';
import type { Workbook, WorkbookRow, WorkbookSheet } from './workbook.ts';
import { conditionToXpath } from './conditionToXpath.ts';
import { SAYSO, SAYSO_CHOICE, SCALE_LISTS } from './saysoColumns.ts';
import { languageColumnName } from './xlsformLanguages.ts';

export interface ExportOptions {
  /**
   * Words of the app's own answer buttons (keys "answer.yes", "faces.5.1",
   * "expectation.below", "compliance.effective", as in the kiosk namespace), so ODK shows
   * real labels for the Sayso scales. Without it the choice name is the label.
   */
  translate?: Translate;
}

type Cells = Record<string, string>;

/** Rows as header → text; columns appear in first-use order, empty ones left out. */
class SheetBuilder {
  private readonly headers: string[] = [];
  private readonly rows: Cells[] = [];
  private readonly fixed: number;
  constructor(private readonly name: string, fixed: string[]) {
    this.headers.push(...fixed);
    this.fixed = fixed.length;
  }

  column(header: string): void {
    if (!this.headers.includes(header)) this.headers.push(header);
  }

  add(cells: Cells): void {
    for (const [header, value] of Object.entries(cells)) if (value !== '') this.column(header);
    this.rows.push(cells);
  }

  build(order?: (headers: string[]) => string[]): WorkbookSheet {
    const used = this.headers.filter((h, i) => i < this.fixed || this.rows.some((row) => (row[h] ?? '') !== ''));
    const headers = order ? order(used) : used;
    const rows: WorkbookRow[] = [{ row: 1, cells: headers }];
    this.rows.forEach((cells, index) => rows.push({ row: index + 2, cells: headers.map((h) => cells[h] ?? '') }));
    return { name: this.name, rows };
  }
}

const bool = (value: boolean | undefined) => (value ? 'TRUE' : '');

export function exportXlsform(survey: SurveyDefinition, options: ExportOptions = {}): Workbook {
  const languages = survey.languages;
  const column = (base: string, code: string) => `${base}::${languageColumnName(code)}`;
  const localized = (base: string, text: LocalizedText | undefined): Cells =>
    Object.fromEntries(languages.map((code) => [column(base, code), text?.[code] ?? '']));
  const kinds = new Map(listQuestions(survey.items).map(({ question }) => [question.id, question.kind]));
  const kindOf = (id: string) => kinds.get(id);

  const sheet = new SheetBuilder('survey', ['type', 'name', ...languages.map((code) => column('label', code))]);
  const choices = new SheetBuilder('choices', ['list_name', 'name', ...languages.map((code) => column('label', code))]);
  const scaleLists = new Set<string>();

  const addChoices = (list: string, entries: Choice[]) => {
    for (const choice of entries) {
      choices.add({
        list_name: list,
        name: choice.value,
        ...localized('label', choice.label),
        ...(choice.audio ? localized('media::audio', choice.audio) : {}),
        [SAYSO_CHOICE.pictogram]: choice.pictogram,
        [SAYSO_CHOICE.promptKey]: choice.promptKey ?? '',
      });
    }
  };

  /** A Sayso scale's choice list, written once, labelled with the app's words when given. */
  const scaleList = (list: string, values: readonly string[], key: (value: string) => string) => {
    if (scaleLists.has(list)) return;
    scaleLists.add(list);
    for (const value of values) {
      const label = Object.fromEntries(languages.map((code) => [column('label', code), options.translate?.(code, key(value)) ?? value]));
      choices.add({ list_name: list, name: value, ...label });
    }
  };

  const common = (item: Question | Group): Cells => ({
    name: item.id,
    ...(item.kind === 'group' ? localized('label', item.title) : localized('label', item.text)),
    relevant: item.relevant ? conditionToXpath(item.relevant, kindOf) : '',
    [SAYSO.kind]: item.kind,
    [SAYSO.pictogram]: item.pictogram,
  });

  const writeQuestion = (question: Question) => {
    const cells: Cells = {
      ...common(question),
      ...(question.hint ? localized('hint', question.hint) : {}),
      required: question.required ? 'yes' : '',
      [SAYSO.promptKey]: question.promptKey ?? '',
      [SAYSO.preferNotToAnswer]: bool(question.preferNotToAnswer),
      [SAYSO.demographic]: bool(question.demographic),
      ...(question.audio ? localized('media::audio', question.audio) : {}),
    };
    switch (question.kind) {
      case 'yesno':
        cells.type = `select_one ${SCALE_LISTS.yesno}`;
        scaleList(SCALE_LISTS.yesno, ['yes', 'no'], (value) => `answer.${value}`);
        break;
      case 'single':
      case 'multi':
        cells.type = `${question.kind === 'single' ? 'select_one' : 'select_multiple'} ${question.id}`;
        addChoices(question.id, question.choices);
        if (question.kind === 'multi' && question.maxSelected !== undefined) cells.constraint = `count-selected(.) <= ${question.maxSelected}`;
        break;
      case 'rating': {
        const { min, max } = ratingRange(question.scale);
        cells.type = 'integer';
        cells.constraint = `. >= ${min} and . <= ${max}`;
        cells[SAYSO.scale] = question.scale;
        Object.assign(cells, question.minLabel ? localized(SAYSO.minLabel, question.minLabel) : {}, question.maxLabel ? localized(SAYSO.maxLabel, question.maxLabel) : {});
        break;
      }
      case 'faces': {
        const list = question.faces === 3 ? SCALE_LISTS.faces3 : SCALE_LISTS.faces5;
        cells.type = `select_one ${list}`;
        scaleList(list, question.faces === 3 ? ['1', '2', '3'] : ['1', '2', '3', '4', '5'], (value) => `faces.${question.faces}.${value}`);
        break;
      }
      case 'expectation':
        cells.type = `select_one ${SCALE_LISTS.expectation}`;
        scaleList(SCALE_LISTS.expectation, ['below', 'at', 'above'], (value) => `expectation.${value}`);
        break;
      case 'compliance':
        cells.type = `select_one ${SCALE_LISTS.compliance}`;
        cells[SAYSO.evidence] = question.evidence ?? '';
        scaleList(SCALE_LISTS.compliance, ['effective', 'partial', 'critical'], (value) => `compliance.${value}`);
        break;
      case 'text':
        cells.type = 'text';
        cells.constraint = `string-length(.) <= ${question.maxLength}`;
        cells.appearance = 'multiline';
        break;
      case 'spoken':
        cells.type = 'audio';
        cells[SAYSO.maxSeconds] = String(question.maxSeconds);
        break;
      case 'info':
        cells.type = 'note';
        break;
    }
    sheet.add(cells);
  };

  const writeItems = (items: readonly Item[]) => {
    for (const item of items) {
      if (item.kind !== 'group') {
        writeQuestion(item);
        continue;
      }
      sheet.add({ type: 'begin_group', ...common(item) });
      writeItems(item.items);
      sheet.add({ type: 'end_group', name: item.id });
    }
  };
  writeItems(survey.items);

  const settings = new SheetBuilder('settings', ['form_title', 'form_id', 'version']);
  settings.add({
    form_title: survey.title[survey.defaultLanguage] ?? Object.values(survey.title)[0] ?? survey.id,
    form_id: survey.id,
    version: String(survey.version),
    default_language: languageColumnName(survey.defaultLanguage),
    [SAYSO.version]: String(survey.version),
    ...localized(SAYSO.title, survey.title),
    ...(survey.description ? localized(SAYSO.description, survey.description) : {}),
    ...Object.fromEntries(Object.entries(survey.translationStatus).map(([code, status]) => [column(SAYSO.translationStatus, code), status])),
    [SAYSO.estimatedMinutes]: survey.estimatedMinutes === undefined ? '' : String(survey.estimatedMinutes),
    [SAYSO.requiresMediator]: survey.requiresMediator === undefined ? '' : survey.requiresMediator ? 'TRUE' : 'FALSE',
    [SAYSO.audience]: survey.audience ?? '',
  });

  return { sheets: [sheet.build(standardFirst), choices.build(standardFirst), settings.build()] };
}

/** Standard XLSForm columns first, then the `sayso::` ones, so the sheet reads like any XLSForm. */
function standardFirst(headers: string[]): string[] {
  const sayso = (h: string) => h.startsWith('sayso::') || h.startsWith('sayso_');
  return [...headers.filter((h) => !sayso(h)), ...headers.filter(sayso)];
}
