/**
 * One sheet of an XLSForm as a table: its header cells read as column names (the
 * spellings of older forms mapped to today's: `list name`, `bind:relevant`, `image`, ...),
 * and a cell reader by column.
 */
import type { Workbook, WorkbookRow, WorkbookSheet } from './workbook.ts';

export interface SheetColumn {
  index: number;
  /** As written in the header row. */
  header: string;
  /** Normalised name without language: "label", "media::audio", "relevant", "sayso::kind". */
  base: string;
  /** The language part after the last "::", as written ("English (en)"), for language columns. */
  language?: string;
}

export interface SheetTable {
  name: string;
  headerRow: number;
  columns: SheetColumn[];
  rows: WorkbookRow[];
}

/** Columns that take a language suffix, longest first so "media::audio::X" is not read as "media" + "audio::X". */
const LANGUAGE_BASES = [
  'sayso::translation_status', 'sayso::description', 'sayso::min_label', 'sayso::max_label', 'sayso::title',
  'media::audio', 'media::image', 'media::video', 'media::big-image', 'constraint_message', 'required_message',
  'guidance_hint', 'label', 'hint', 'audio', 'image', 'video', 'big-image',
];

const ALIASES: Record<string, string> = {
  'list name': 'list_name',
  'bind:relevant': 'relevant',
  'bind:constraint': 'constraint',
  'bind:required': 'required',
  'bind:jr:constraintmsg': 'constraint_message',
  'jr:constraintmsg': 'constraint_message',
  'bind:jr:requiredmsg': 'required_message',
  'jr:requiredmsg': 'required_message',
  'bind:calculate': 'calculation',
  'bind:readonly': 'readonly',
  'control:appearance': 'appearance',
  'body:appearance': 'appearance',
  'caption': 'label',
  'image': 'media::image',
  'audio': 'media::audio',
  'video': 'media::video',
  'big-image': 'media::big-image',
  'repeat count': 'repeat_count',
  'jr:count': 'repeat_count',
  'choice filter': 'choice_filter',
};

function readColumn(header: string, index: number): SheetColumn {
  const trimmed = header.trim();
  const lower = trimmed.toLowerCase();
  for (const base of LANGUAGE_BASES) {
    if (lower.startsWith(`${base}::`) && trimmed.length > base.length + 2) {
      return { index, header: trimmed, base: ALIASES[base] ?? base, language: trimmed.slice(base.length + 2) };
    }
  }
  const base = ALIASES[lower] ?? lower.replace(/\s+/g, ' ');
  return { index, header: trimmed, base };
}

export function findSheet(workbook: Workbook, name: string): WorkbookSheet | undefined {
  return workbook.sheets.find((sheet) => sheet.name.trim().toLowerCase() === name);
}

export function readSheetTable(sheet: WorkbookSheet): SheetTable {
  const [header, ...rows] = sheet.rows;
  return {
    name: sheet.name.trim().toLowerCase(),
    headerRow: header?.row ?? 1,
    columns: (header?.cells ?? []).map(readColumn),
    rows,
  };
}

export function cellAt(row: WorkbookRow, column: SheetColumn | undefined): string {
  if (!column) return '';
  return (row.cells[column.index] ?? '').trim();
}

/** The first column with this base name and no language (e.g. "type", "relevant"). */
export function plainColumn(table: SheetTable, base: string): SheetColumn | undefined {
  return table.columns.find((column) => column.base === base && column.language === undefined);
}

export function isBlankRow(row: WorkbookRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}
