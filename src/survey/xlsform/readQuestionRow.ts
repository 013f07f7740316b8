/**
 * One question or group row of the survey sheet → a draft Sayso item: its kind from the
 * type (and `sayso::kind`), texts in every language, pictogram, required, constraint where
 * it maps; every change reported on the row.
 */
import { EVIDENCE_SOURCES, type QuestionKind } from '../schema.ts';
import type { WorkbookRow } from './workbook.ts';
import type { ImportContext } from './importContext.ts';
import { isPictogram, pictogramOfImage, type ChoiceLists } from './readChoiceLists.ts';
import { integerBounds, maxChoicesSelected, maxTextLength, rangeBounds, scaleOfBounds, RATING_SCALES } from './mapConstraint.ts';
import { DEFAULT_PICTOGRAM, SAYSO, isFalseCell, isTrueCell } from './saysoColumns.ts';
import { toSaysoId, type Draft } from './surveyDraft.ts';
import type { RowType } from './xlsformTypes.ts';
import { cellAt, plainColumn, type SheetTable } from './xlsformSheet.ts';
import type { XlsformProblem } from './xlsformProblem.ts';

const KIND_NAMES = ['yesno', 'single', 'multi', 'rating', 'faces', 'expectation', 'compliance', 'text', 'spoken', 'info', 'group'];

export interface RowContext {
  table: SheetTable;
  lists: ChoiceLists;
  ctx: ImportContext;
  /** Reports a row that is not imported, and remembers its name for conditions. */
  skip: (row: WorkbookRow, name: string, reason: string) => void;
}

export function readQuestionRow(context: RowContext, row: WorkbookRow, name: string, type: RowType): Draft | undefined {
  const { table, lists, ctx, skip } = context;
  const col = (base: string) => plainColumn(table, base);
  const add = (problem: Omit<XlsformProblem, 'sheet'>) => ctx.add({ sheet: 'survey', ...problem });
  return readDraft(row, name, type);

  function readDraft(row: WorkbookRow, name: string, type: RowType): Draft | undefined {
    const get = (base: string) => cellAt(row, col(base));
    const problem = (column: string, severity: XlsformProblem['severity'], message: string) => add({ row: row.row, column, name, severity, message });
    const saysoKind = get(SAYSO.kind);
    if (saysoKind !== '' && !KIND_NAMES.includes(saysoKind)) problem(SAYSO.kind, 'warning', `"${saysoKind}" is not a Sayso kind: the row was read from its XLSForm type`);
    const declared = KIND_NAMES.includes(saysoKind) ? saysoKind : '';
    const id = toSaysoId(name);
    const item: Record<string, unknown> = {};
    let kind: Draft['kind'];
    let choiceValues: string[] | undefined;
    const constraint = get('constraint');
    let constraintUsed = constraint === '';
    const appearance = get('appearance');
    let appearanceUsed = appearance === '';

    switch (type.type) {
      case 'begin_group':
        kind = 'group';
        break;
      case 'note':
        kind = 'info';
        break;
      case 'audio':
        kind = 'spoken';
        break;
      case 'text':
        kind = 'text';
        appearanceUsed ||= appearance === 'multiline';
        break;
      case 'select_one':
      case 'select_multiple': {
        if (!lists.has(type.list)) {
          problem('type', 'error', `the choice list "${type.list}" is not in the choices sheet: add its choices there (list_name "${type.list}")`);
          return undefined;
        }
        const values = lists.values(type.list);
        if (type.type === 'select_multiple') {
          kind = 'multi';
        } else if (declared === 'faces' || declared === 'expectation' || declared === 'compliance' || declared === 'yesno' || declared === 'single') {
          kind = declared as QuestionKind;
        } else {
          kind = values.length === 2 && values.includes('yes') && values.includes('no') ? 'yesno' : 'single';
        }
        if (kind === 'faces') {
          if (values.length !== 3 && values.length !== 5) {
            problem('type', 'error', `a faces question needs a list of 3 or 5 faces; "${type.list}" has ${values.length} choices`);
            return undefined;
          }
          item.faces = values.length;
          choiceValues = ['1', '2', '3', '4', '5'].slice(0, values.length);
        } else if (kind === 'expectation') choiceValues = ['below', 'at', 'above'];
        else if (kind === 'compliance') choiceValues = ['effective', 'partial', 'critical'];
        else if (kind === 'single' || kind === 'multi') {
          item.choices = lists.check(type.list).choices.map((choice) => ({ ...choice }));
          choiceValues = values;
          if (values.length < 2) problem('type', 'error', `the list "${type.list}" has ${values.length} choice${values.length === 1 ? '' : 's'}; a choice question needs at least two (for a single tick box, use a yes/no question)`);
        }
        if (kind === 'multi' && constraint !== '') {
          const max = maxChoicesSelected(constraint);
          if (max !== undefined && max >= 1) {
            item.maxSelected = max;
            constraintUsed = true;
          }
        }
        if (get('choice_filter') !== '') {
          problem('choice_filter', 'warning', `the choice filter "${get('choice_filter')}" is not applied: every choice of "${type.list}" is offered; remove the ones that do not apply in the editor`);
        }
        break;
      }
      case 'integer':
      case 'decimal':
      case 'range': {
        const declaredScale = get(SAYSO.scale);
        let scale = (RATING_SCALES as readonly string[]).includes(declaredScale) ? declaredScale : undefined;
        if (declaredScale !== '' && !scale) problem(SAYSO.scale, 'warning', `"${declaredScale}" is not a Sayso scale (0-10, 1-5, 1-6 or 1-10)`);
        if (!scale && type.type === 'integer' && constraint !== '') scale = scaleOfBounds(integerBounds(constraint));
        if (!scale && type.type === 'range') scale = scaleOfBounds(rangeBounds(get('parameters')));
        if (scale) {
          kind = 'rating';
          item.scale = scale;
          if (type.type === 'integer') constraintUsed = true;
          break;
        }
        if (type.type === 'range') {
          skip(row, name, `a range (${get('parameters') || 'start=1 end=10'}) that matches no Sayso rating scale (0-10, 1-5, 1-6 or 1-10)`);
          return undefined;
        }
        kind = 'text';
        problem('type', 'warning', `imported as a text question: Sayso has no ${type.type === 'integer' ? 'whole-number' : 'decimal'} answer${constraint ? ` and the constraint "${constraint}" matches no rating scale` : ''}; if it is a rating, set a scale (0-10, 1-5, 1-6 or 1-10) in the editor`);
        constraintUsed = true;
        break;
      }
      default:
        return undefined;
    }

    if (declared !== '' && declared !== kind && !(declared === 'text' && kind === 'text')) {
      problem(SAYSO.kind, 'warning', `the row says kind "${declared}" but its type "${get('type')}" makes it "${kind}": read as "${kind}"`);
    }

    if (kind === 'text') {
      if (constraint !== '' && !constraintUsed) {
        const max = maxTextLength(constraint);
        if (max !== undefined && max >= 1 && max <= 5000) {
          item.maxLength = max;
          constraintUsed = true;
        }
      }
    }
    if (kind === 'compliance') {
      const evidence = get(SAYSO.evidence);
      if ((EVIDENCE_SOURCES as readonly string[]).includes(evidence)) item.evidence = evidence;
      else if (evidence !== '') problem(SAYSO.evidence, 'warning', `"${evidence}" is not an evidence source (${EVIDENCE_SOURCES.join(', ')}): left out`);
    }
    if (kind === 'spoken') {
      const seconds = get(SAYSO.maxSeconds);
      if (seconds !== '') {
        const n = Number(seconds);
        if (Number.isInteger(n) && n >= 5 && n <= 600) item.maxSeconds = n;
        else problem(SAYSO.maxSeconds, 'warning', `"${seconds}" is not a number of seconds from 5 to 600: 120 was used`);
      }
    }
    if (kind === 'rating') {
      const minLabel = ctx.texts(table, row, SAYSO.minLabel);
      const maxLabel = ctx.texts(table, row, SAYSO.maxLabel);
      if (Object.keys(minLabel).length) {
        ctx.requireAll(table, row.row, SAYSO.minLabel, minLabel, 'the label of the lowest rating', name);
        item.minLabel = minLabel;
      }
      if (Object.keys(maxLabel).length) {
        ctx.requireAll(table, row.row, SAYSO.maxLabel, maxLabel, 'the label of the highest rating', name);
        item.maxLabel = maxLabel;
      }
    }

    if (!constraintUsed) problem('constraint', 'warning', `the constraint "${constraint}" is not checked by Sayso: check the answers allowed in the editor`);
    if (!appearanceUsed) problem('appearance', 'warning', `the appearance "${appearance}" is ignored: Sayso shows every question its own way (large buttons with pictograms)`);

    const label = ctx.texts(table, row, 'label');
    const what = kind === 'group' ? `the group "${name}"` : `the question "${name}"`;
    if (Object.keys(label).length === 0) {
      problem(ctx.headerFor(table, 'label', ctx.defaultLanguage), 'error', `${what} has no label in any language: write the text the respondent reads`);
    } else {
      ctx.requireAll(table, row.row, 'label', label, what, name);
    }
    const piped = Object.values(label).find((text) => /\$\{[^}]+\}/.test(text));
    const markup = Object.values(label).find((text) => /<\/?[a-z][a-z0-9]*(\s[^<>]*)?>/i.test(text));
    if (markup) problem('label', 'warning', `the label has markup (${/<\/?[a-z][a-z0-9]*(\s[^<>]*)?>/i.exec(markup)![0]}): Sayso shows text exactly as written, tags and all, so remove it`);
    if (piped) problem('label', 'warning', `the label shows an answer (${/\$\{[^}]+\}/.exec(piped)![0]}): Sayso shows the text as written, so reword it`);
    if (kind === 'group') item.title = label;
    else item.text = label;

    const hint = ctx.texts(table, row, 'hint');
    if (Object.keys(hint).length) {
      if (kind === 'group') problem('hint', 'warning', 'a group has no hint in Sayso: the hint was left out');
      else {
        ctx.requireAll(table, row.row, 'hint', hint, `the hint of "${name}"`, name);
        item.hint = hint;
      }
    }

    item.pictogram = readPictogram(row, kind, name);
    const promptKey = get(SAYSO.promptKey);
    if (promptKey !== '') {
      if (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/.test(promptKey)) item.promptKey = promptKey;
      else problem(SAYSO.promptKey, 'warning', `"${promptKey}" is not a prompt key (letters, digits, "_", "." and "-"): left out`);
    }
    if (kind !== 'group') {
      const audio = ctx.texts(table, row, 'media::audio');
      if (Object.keys(audio).length) item.audio = audio;
      readRequired(row, kind, item, name);
      if (isTrueCell(get(SAYSO.preferNotToAnswer))) {
        if (kind === 'info') problem(SAYSO.preferNotToAnswer, 'warning', 'a note takes no answer, so it offers no "prefer not to answer": left out');
        else item.preferNotToAnswer = true;
      }
      if (isTrueCell(get(SAYSO.demographic))) item.demographic = true;
    } else if (get('required') !== '' && !isFalseCell(get('required'))) {
      problem('required', 'warning', 'a group cannot be required in Sayso: its questions can');
    }

    const draft: Draft = { row: row.row, name, id, kind, item: { kind, id, ...item } };
    const relevant = get('relevant');
    if (relevant !== '') draft.relevantText = relevant;
    if (choiceValues) draft.choiceValues = choiceValues;
    return draft;
  }

  function readRequired(row: WorkbookRow, kind: Draft['kind'], item: Record<string, unknown>, name: string): void {
    const required = cellAt(row, col('required'));
    if (isTrueCell(required)) {
      if (kind === 'info') add({ row: row.row, column: 'required', name, severity: 'warning', message: 'a note takes no answer, so it cannot be required: left out' });
      else item.required = true;
    } else if (!isFalseCell(required)) {
      add({ row: row.row, column: 'required', name, severity: 'warning', message: `"${required}" is not yes or no: Sayso has no conditional "required", so the question is not required` });
    }
  }

  function readPictogram(row: WorkbookRow, kind: Draft['kind'], name: string): string {
    const declared = cellAt(row, col(SAYSO.pictogram));
    if (declared !== '') {
      if (isPictogram(declared)) return declared;
      add({ row: row.row, column: SAYSO.pictogram, name, severity: 'warning', message: `"${declared}" is not a Sayso pictogram: "${DEFAULT_PICTOGRAM[kind]}" was used` });
      return DEFAULT_PICTOGRAM[kind];
    }
    const images = [...ctx.columns(table, 'media::image').values()].map((column) => cellAt(row, column)).filter(Boolean);
    for (const image of images) {
      const pictogram = pictogramOfImage(image);
      if (pictogram) return pictogram;
    }
    if (images.length) {
      add({ row: row.row, column: 'media::image', name, severity: 'warning', message: `the image "${images[0]}" is not shown: Sayso uses its own pictograms; "${DEFAULT_PICTOGRAM[kind]}" was given, choose another in the editor` });
    } else {
      add({ row: row.row, column: SAYSO.pictogram, name, severity: 'warning', message: `no pictogram in XLSForm: "${DEFAULT_PICTOGRAM[kind]}" was given; choose one in the editor` });
    }
    return DEFAULT_PICTOGRAM[kind];
  }
}
