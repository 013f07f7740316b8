/**
 * The choices sheet: choice lists by name. A list is checked (labels in every language,
 * valid and unique values, pictograms) only when an imported question uses it, so a list
 * used by a skipped row reports nothing but that it went unused.
 */
import { PICTOGRAM_NAMES, type PictogramName } from '../pictogramNames.ts';
import { PREFER_NOT_TO_ANSWER } from '../schema.ts';
import type { Workbook } from './workbook.ts';
import type { ImportContext } from './importContext.ts';
import { SAYSO, SAYSO_CHOICE } from './saysoColumns.ts';
import { cellAt, findSheet, isBlankRow, plainColumn, readSheetTable, type SheetTable } from './xlsformSheet.ts';

export interface ChoiceRow {
  row: number;
  value: string;
  label: Record<string, string>;
  audio: Record<string, string>;
  pictogram: string;
  promptKey: string;
  image: string;
}

export interface ChoiceList {
  name: string;
  firstRow: number;
  rows: ChoiceRow[];
}

export interface CheckedList {
  choices: Record<string, unknown>[];
  values: string[];
}

export class ChoiceLists {
  readonly lists = new Map<string, ChoiceList>();
  readonly table: SheetTable | undefined;
  private readonly checked = new Map<string, CheckedList>();
  private readonly used = new Set<string>();

  constructor(workbook: Workbook, private readonly ctx: ImportContext) {
    const sheet = findSheet(workbook, 'choices') ?? findSheet(workbook, 'select_one') ?? findSheet(workbook, 'lists');
    if (!sheet) return;
    const table = readSheetTable(sheet);
    this.table = table;
    const listColumn = plainColumn(table, 'list_name');
    const nameColumn = plainColumn(table, 'name') ?? plainColumn(table, 'value');
    if (!listColumn || !nameColumn) {
      ctx.add({ sheet: 'choices', row: table.headerRow, severity: 'error', message: 'the choices sheet needs the columns "list_name" and "name"' });
      return;
    }
    for (const row of table.rows) {
      if (isBlankRow(row)) continue;
      const listName = cellAt(row, listColumn);
      const value = cellAt(row, nameColumn);
      if (listName === '' && value === '') continue;
      if (listName === '') {
        ctx.add({ sheet: 'choices', row: row.row, column: 'list_name', severity: 'skipped', message: `the choice "${value}" has no list_name, so no question can use it` });
        continue;
      }
      let list = this.lists.get(listName);
      if (!list) {
        list = { name: listName, firstRow: row.row, rows: [] };
        this.lists.set(listName, list);
      }
      list.rows.push({
        row: row.row,
        value,
        label: ctx.texts(table, row, 'label'),
        audio: ctx.texts(table, row, 'media::audio'),
        pictogram: cellAt(row, plainColumn(table, SAYSO_CHOICE.pictogram) ?? plainColumn(table, SAYSO.pictogram)),
        promptKey: cellAt(row, plainColumn(table, SAYSO_CHOICE.promptKey) ?? plainColumn(table, SAYSO.promptKey)),
        image: [...ctx.columns(table, 'media::image').values()].map((column) => cellAt(row, column)).find((text) => text !== '') ?? '',
      });
    }
  }

  has(name: string): boolean {
    return this.lists.has(name);
  }

  /** The choice names of a list, for questions whose answers are Sayso's own (yes/no, faces, ...): their labels are not used. */
  values(name: string): string[] {
    this.used.add(name);
    return this.lists.get(name)?.rows.map((row) => row.value) ?? [];
  }

  /** The Sayso choices of a list, each problem reported once however many questions use it. */
  check(name: string): CheckedList {
    this.used.add(name);
    const cached = this.checked.get(name);
    if (cached) return cached;
    const list = this.lists.get(name)!;
    const table = this.table!;
    const ctx = this.ctx;
    const seen = new Map<string, number>();
    const defaulted: number[] = [];
    const choices: Record<string, unknown>[] = [];
    for (const row of list.rows) {
      const problem = (column: string, message: string) => ctx.add({ sheet: 'choices', row: row.row, column, name: row.value, severity: 'error', message });
      if (!/^[A-Za-z0-9_.-]{1,64}$/.test(row.value)) {
        problem('name', `the choice name "${row.value}" must be 1-64 letters, digits, "_", "." or "-"`);
      } else if (row.value === PREFER_NOT_TO_ANSWER) {
        problem('name', `"${PREFER_NOT_TO_ANSWER}" is kept for Sayso's own "I prefer not to answer" button: rename the choice`);
      }
      const earlier = seen.get(row.value);
      if (earlier !== undefined) problem('name', `the choice "${row.value}" is already in list "${name}" on row ${earlier}: give each choice its own name`);
      seen.set(row.value, row.row);
      if (Object.keys(row.label).length === 0) {
        problem(ctx.headerFor(table, 'label', ctx.defaultLanguage), `the choice "${row.value}" has no label in any language${row.image ? ` (only the image "${row.image}")` : ''}: write its label`);
      } else {
        ctx.requireAll(table, row.row, 'label', row.label, `the choice "${row.value}"`, row.value);
      }
      const choice: Record<string, unknown> = { value: row.value, label: row.label, pictogram: this.pictogram(row, defaulted) };
      if (row.promptKey) choice.promptKey = row.promptKey;
      if (Object.keys(row.audio).length) choice.audio = row.audio;
      choices.push(choice);
    }
    if (defaulted.length) {
      ctx.add({
        sheet: 'choices', row: defaulted[0], column: SAYSO_CHOICE.pictogram, severity: 'warning',
        message: `list "${name}": ${defaulted.length} choice${defaulted.length === 1 ? '' : 's'} (rows ${defaulted.join(', ')}) got the pictogram "survey", as XLSForm has none: choose pictograms in the editor`,
      });
    }
    const result = { choices, values: list.rows.map((row) => row.value) };
    this.checked.set(name, result);
    return result;
  }

  /** Lists no imported question uses: reported so nothing leaves without a word. */
  reportUnused(): void {
    for (const list of this.lists.values()) {
      if (this.used.has(list.name)) continue;
      this.ctx.add({
        sheet: 'choices', row: list.firstRow, column: 'list_name', severity: 'skipped',
        message: `the list "${list.name}" (${list.rows.length} choice${list.rows.length === 1 ? '' : 's'}) is not used by any imported question`,
      });
    }
  }

  private pictogram(row: ChoiceRow, defaulted: number[]): PictogramName {
    if (row.pictogram) {
      if (isPictogram(row.pictogram)) return row.pictogram;
      this.ctx.add({ sheet: 'choices', row: row.row, column: SAYSO_CHOICE.pictogram, name: row.value, severity: 'warning', message: `"${row.pictogram}" is not a Sayso pictogram: "survey" was used` });
      return 'survey';
    }
    const fromImage = pictogramOfImage(row.image);
    if (fromImage) return fromImage;
    if (row.image) {
      this.ctx.add({ sheet: 'choices', row: row.row, column: 'media::image', name: row.value, severity: 'warning', message: `the image "${row.image}" is not shown: Sayso uses its own pictograms (none is called "${baseName(row.image)}")` });
    }
    if (isPictogram(row.value)) return row.value;
    defaulted.push(row.row);
    return 'survey';
  }
}

export function isPictogram(name: string): name is PictogramName {
  return (PICTOGRAM_NAMES as readonly string[]).includes(name);
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]+$/, '');
}

/** "sad.jpg" → the pictogram "sad", when the app has one of that name. */
export function pictogramOfImage(file: string): PictogramName | undefined {
  if (!file) return undefined;
  const name = baseName(file).toLowerCase();
  return isPictogram(name) ? name : undefined;
}
