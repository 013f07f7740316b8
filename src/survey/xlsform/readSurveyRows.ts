/**
 * The survey sheet, row by row, into drafts of Sayso items: each kept row becomes a
 * question or a group; every other row is reported (skipped, with the reason, or an
 * error). Relevance is read afterwards (resolveRelevance.ts), once every name is known.
 */
import type { WorkbookRow } from './workbook.ts';
import type { ImportContext } from './importContext.ts';
import type { ChoiceLists } from './readChoiceLists.ts';
import { readQuestionRow } from './readQuestionRow.ts';
import { SAYSO } from './saysoColumns.ts';
import { toSaysoId, type Draft, type NameEntry, type SurveyRows } from './surveyDraft.ts';
import { readRowType } from './xlsformTypes.ts';
import { cellAt, isBlankRow, plainColumn, type SheetColumn, type SheetTable } from './xlsformSheet.ts';
import type { XlsformProblem } from './xlsformProblem.ts';

export type { Draft, NameEntry, SurveyRows } from './surveyDraft.ts';
export { toSaysoId } from './surveyDraft.ts';

/** Columns read per row; any other column with values is reported once as not used. */
const READ_COLUMNS = new Set([
  'type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'appearance', 'media::audio', 'media::image',
  'choice_filter', 'parameters', ...Object.values(SAYSO),
]);
/** Columns that only matter for rows Sayso skips, or that change nothing a respondent sees. */
const QUIET_COLUMNS = new Set(['calculation', 'repeat_count', 'constraint_message', 'required_message']);

/** Longer names are refused: no form needs them, and ids appear in every report and export. */
const MAX_NAME = 120;
/** Deeper groups are refused: the monitoring visit needs two levels, and every later step walks groups recursively. */
const MAX_GROUP_DEPTH = 10;

interface Frame {
  kind: 'group' | 'repeat' | 'root';
  row: number;
  name: string;
  draft?: Draft;
  items: Draft[];
  skipped: number;
}


export function readSurveyRows(table: SheetTable, lists: ChoiceLists, ctx: ImportContext): SurveyRows {
  const col = (base: string) => plainColumn(table, base);
  const typeColumn = col('type');
  const nameColumn = col('name');
  const names = new Map<string, NameEntry>();
  const ids = new Map<string, number>();
  const order: Draft[] = [];
  const stack: Frame[] = [{ kind: 'root', row: 0, name: '', items: [], skipped: 0 }];
  const top = () => stack[stack.length - 1]!;
  const usedColumns = new Set<SheetColumn>();
  const add = (problem: Omit<XlsformProblem, 'sheet'>) => ctx.add({ sheet: 'survey', ...problem });

  if (!typeColumn) {
    add({ row: table.headerRow, column: 'type', severity: 'error', message: 'the survey sheet has no "type" column: its first row must hold the column names (type, name, label, ...)' });
    return { items: [], names, order };
  }

  const claimName = (row: WorkbookRow, name: string, entry: NameEntry): boolean => {
    const earlier = names.get(name);
    if (earlier) {
      const earlierRow = 'draft' in earlier ? earlier.draft.row : earlier.skippedRow;
      add({ row: row.row, column: 'name', name, severity: 'error', message: `the name "${name}" is already used on row ${earlierRow}: every question needs its own name` });
      return false;
    }
    names.set(name, entry);
    return true;
  };

  const claimId = (row: WorkbookRow, name: string, id: string): boolean => {
    const earlier = ids.get(id);
    if (earlier !== undefined) {
      add({ row: row.row, column: 'name', name, severity: 'error', message: `the name "${name}" becomes the Sayso id "${id}", which row ${earlier} already has: rename one of them` });
      return false;
    }
    ids.set(id, row.row);
    if (id !== name) add({ row: row.row, column: 'name', name, severity: 'warning', message: `the name "${name}" became the id "${id}" (Sayso ids are lower-case letters, digits, "_" and ".")` });
    return true;
  };

  const skip = (row: WorkbookRow, name: string, reason: string) => {
    add({ row: row.row, column: 'type', ...(name ? { name } : {}), severity: 'skipped', message: `not imported: ${reason}` });
    if (name && !names.has(name)) names.set(name, { skippedRow: row.row, reason });
  };

  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    const typeText = cellAt(row, typeColumn);
    const name = cellAt(row, nameColumn);
    const repeat = stack.find((frame) => frame.kind === 'repeat');

    if (typeText === '') {
      const label = Object.values(ctx.texts(table, row, 'label'))[0];
      if (name !== '' || label) skip(row, name, 'the row has no type');
      continue;
    }
    const type = readRowType(typeText);

    if (repeat) {
      if (type.type === 'begin_repeat') stack.push({ kind: 'repeat', row: row.row, name, items: [], skipped: 0 });
      else if (type.type === 'end_repeat') {
        endRepeat(row);
        continue;
      } else if (type.type === 'begin_group') stack.push({ kind: 'group', row: row.row, name, items: [], skipped: 0 });
      else if (type.type === 'end_group' && top().kind === 'group') stack.pop();
      repeat.skipped++;
      skip(row, name, `inside the repeat "${repeat.name}" (row ${repeat.row}), and Sayso has no repeats`);
      continue;
    }

    switch (type.type) {
      case 'skip':
        skip(row, name, type.reason);
        continue;
      case 'unknown':
        skip(row, name, `the type "${type.name}" is not an XLSForm type Sayso knows`);
        continue;
      case 'begin_repeat':
        stack.push({ kind: 'repeat', row: row.row, name, items: [], skipped: 0 });
        if (name) names.set(name, { skippedRow: row.row, reason: 'a repeat' });
        continue;
      case 'end_repeat':
        add({ row: row.row, column: 'type', severity: 'error', message: 'this "end repeat" has no "begin repeat" above it: remove it' });
        continue;
      case 'end_group':
        endGroup(row);
        continue;
      default:
        break;
    }

    for (const column of table.columns) if (cellAt(row, column) !== '') usedColumns.add(column);

    if (name === '' && type.type !== 'note') {
      add({ row: row.row, column: 'name', severity: 'error', message: 'the row has no name: every question and group needs one (letters, digits and "_")' });
      if (type.type === 'begin_group') stack.push({ kind: 'group', row: row.row, name: '', items: [], skipped: 0 });
      continue;
    }
    if (name.length > MAX_NAME) {
      add({ row: row.row, column: 'name', name: `${name.slice(0, 40)}…`, severity: 'error', message: `the name is ${name.length} characters long: keep names under ${MAX_NAME} characters` });
      if (type.type === 'begin_group') stack.push({ kind: 'group', row: row.row, name: '', items: [], skipped: 0 });
      continue;
    }
    const effectiveName = name || `note_${row.row}`;
    if (!name) add({ row: row.row, column: 'name', name: effectiveName, severity: 'warning', message: `the note has no name: it was called "${effectiveName}"` });
    if (type.type === 'begin_group' && stack.filter((frame) => frame.kind === 'group').length >= MAX_GROUP_DEPTH) {
      add({ row: row.row, column: 'type', name: effectiveName, severity: 'error', message: `groups are nested more than ${MAX_GROUP_DEPTH} deep here: no survey needs that many; its questions were kept in the group around it` });
      stack.push({ kind: 'group', row: row.row, name: effectiveName, items: [], skipped: 0 });
      continue;
    }
    const draft = readQuestionRow({ table, lists, ctx, skip }, row, effectiveName, type);
    if (type.type === 'begin_group') {
      const placed = draft && place(row, draft);
      stack.push({ kind: 'group', row: row.row, name: effectiveName, ...(placed ? { draft } : {}), items: [], skipped: 0 });
      continue;
    }
    if (!draft) {
      if (!names.has(effectiveName)) names.set(effectiveName, { skippedRow: row.row, reason: 'a row with an error' });
      continue;
    }
    if (place(row, draft) && (type.type === 'select_one' || type.type === 'select_multiple') && type.orOther) addOther(row, draft);
  }

  for (let frame = top(); frame.kind !== 'root'; frame = top()) {
    stack.pop();
    add({
      row: frame.row, column: 'type', ...(frame.name ? { name: frame.name } : {}), severity: 'error',
      message: `this "begin ${frame.kind}" is never closed: add an "end ${frame.kind}" row after its last question`,
    });
    if (frame.kind === 'group') closeGroup(frame);
  }

  reportUnreadColumns();
  return { items: stack[0]!.items, names, order };

  /** Claims the row's name and id and puts it in the survey; groups go in when they close. */
  function place(row: WorkbookRow, draft: Draft): boolean {
    if (!claimName(row, draft.name, { draft })) return false;
    if (!claimId(row, draft.name, draft.id)) return false;
    order.push(draft);
    if (draft.kind !== 'group') top().items.push(draft);
    return true;
  }

  function endGroup(row: WorkbookRow): void {
    if (top().kind !== 'group') {
      add({ row: row.row, column: 'type', severity: 'error', message: 'this "end group" has no "begin group" above it: remove it or add the "begin group"' });
      return;
    }
    closeGroup(stack.pop()!);
  }

  function closeGroup(frame: Frame): void {
    const parent = top();
    if (!frame.draft) {
      // The begin row had an error (reported there): its questions stay, outside the group.
      parent.items.push(...frame.items);
      return;
    }
    if (frame.items.length === 0) {
      order.splice(order.indexOf(frame.draft), 1);
      add({ row: frame.row, column: 'type', name: frame.name, severity: 'skipped', message: 'not imported: the group has no question Sayso can use' });
      names.set(frame.name, { skippedRow: frame.row, reason: 'an empty group' });
      return;
    }
    frame.draft.children = frame.items;
    parent.items.push(frame.draft);
  }

  function endRepeat(row: WorkbookRow): void {
    const frame = top();
    if (frame.kind !== 'repeat') {
      // An unclosed group inside the repeat: drop it with the repeat.
      while (top().kind !== 'repeat') stack.pop();
    }
    const repeatFrame = stack.pop()!;
    const outer = stack.find((f) => f.kind === 'repeat');
    if (outer) {
      outer.skipped++;
      skip(row, '', `inside the repeat "${outer.name}" (row ${outer.row}), and Sayso has no repeats`);
      return;
    }
    add({
      row: repeatFrame.row, column: 'type', ...(repeatFrame.name ? { name: repeatFrame.name } : {}), severity: 'skipped',
      message: `not imported: a repeat (Sayso asks each question once); the ${repeatFrame.skipped} row${repeatFrame.skipped === 1 ? '' : 's'} inside it (to row ${row.row}) were skipped too`,
    });
  }


  /** `or_other`, as pyxform does it: an "other" choice and a text question shown when it is picked. */
  function addOther(row: WorkbookRow, draft: Draft): void {
    const choices = draft.item.choices as Record<string, unknown>[] | undefined;
    if (!choices) return;
    const everyLanguage = (text: string) => Object.fromEntries(ctx.languages.map((code) => [code, text]));
    if (!choices.some((choice) => choice.value === 'other')) {
      choices.push({ value: 'other', label: everyLanguage('Other'), pictogram: 'other' });
      draft.choiceValues = [...(draft.choiceValues ?? []), 'other'];
    }
    const otherName = `${draft.name}_other`;
    const other: Draft = {
      row: row.row, name: otherName, id: toSaysoId(otherName), kind: 'text',
      item: { kind: 'text', id: toSaysoId(otherName), text: everyLanguage('Specify other.'), pictogram: 'comment' },
      relevantCondition: { q: draft.id, includes: 'other' },
    };
    add({
      row: row.row, column: 'type', name: draft.name, severity: 'warning',
      message: `or_other: added the choice "other" and the text question "${other.id}" shown when it is picked, labelled in English ("Other", "Specify other."); translate them in the editor`,
    });
    place(row, other);
  }

  function reportUnreadColumns(): void {
    for (const column of usedColumns) {
      if (READ_COLUMNS.has(column.base) || QUIET_COLUMNS.has(column.base)) continue;
      if (column.base.startsWith('sayso::')) continue;
      ctx.once(table, column, 'warning', `column "${column.header || '(no header)'}" is not used by Sayso: its values were not imported`);
    }
  }
}
