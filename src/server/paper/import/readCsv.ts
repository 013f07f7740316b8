/**
 * A CSV reader for paper answer files (RFC 4180): quoted cells with "" for a quote, line
 * breaks inside quotes, CRLF or LF, and the separator (",", ";" or tab) taken from the
 * header line, since a spreadsheet saved in much of Europe writes ";". Reading stops at
 * the row and column limits and says so.
 */
import { decodeCsvText } from './decodeCsvText.ts';
import { IMPORT_LIMITS, isEmptyRow, tooManyColumns, tooManyRows, type GridRow, type ImportLimits, type SheetGrid } from './sheetGrid.ts';

const SEPARATORS = [',', ';', '\t'] as const;

/** The separator used most in the first line outside quotes; "," when none is. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [separator, count] of counts) if (count > counts.get(best)!) best = separator;
  return best;
}

export function readCsvText(text: string, limits: ImportLimits = IMPORT_LIMITS): SheetGrid {
  const separator = detectSeparator(text);
  const fileProblems: string[] = [];
  const rows: GridRow[] = [];
  let header: string[] | undefined;
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let quoteStartRow = 0;
  let rowNumber = 1;
  let stopped = false;

  /** Ends a record; false when a limit stops the reading. */
  const endRecord = (): boolean => {
    record.push(field);
    field = '';
    const cells = record;
    record = [];
    const number = rowNumber++;
    if (cells.length > limits.maxColumns) {
      fileProblems.push(tooManyColumns(limits.maxColumns));
      return false;
    }
    if (!header) {
      // Blank lines above the headings are skipped, as a spreadsheet program shows them.
      if (!isEmptyRow(cells)) header = cells;
      return true;
    }
    if (isEmptyRow(cells)) return true;
    if (rows.length >= limits.maxRows) {
      fileProblems.push(tooManyRows(limits.maxRows));
      return false;
    }
    rows.push({ row: number, cells });
    return true;
  };

  let i = 0;
  const length = text.length;
  while (i < length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      quoteStartRow = rowNumber;
    } else if (ch === separator) {
      record.push(field);
      field = '';
      if (record.length > limits.maxColumns) {
        fileProblems.push(tooManyColumns(limits.maxColumns));
        stopped = true;
        break;
      }
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      if (!endRecord()) {
        stopped = true;
        break;
      }
    } else {
      // A quote inside an unquoted cell is kept as written (lenient, as spreadsheet programs are).
      field += ch;
    }
    i += 1;
  }
  if (!stopped) {
    if (quoted) fileProblems.push(`a quoted cell that starts on row ${quoteStartRow} never ends: check for a missing closing quote (")`);
    else if (field !== '' || record.length > 0) endRecord();
  }
  if (!header || isEmptyRow(header)) return { header: [], rows: [], fileProblems: fileProblems.length ? fileProblems : ['the file is empty: the first row must hold the column headings (serial, then one column per question id)'] };
  return { header, rows, fileProblems };
}

/** Bytes of a CSV file → grid, or the encoding problem. */
export function readCsv(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): SheetGrid {
  const decoded = decodeCsvText(bytes);
  if (!decoded.ok) return { header: [], rows: [], fileProblems: [decoded.problem] };
  return readCsvText(decoded.text, limits);
}
