/**
 * The BIFF8 records of an .xls Workbook stream (Excel 97-2003) as a Workbook of text cells
 * ([MS-XLS] is the reference). Only what an XLSForm needs is read: the sheet list
 * (BOUNDSHEET), the shared strings (SST + CONTINUE), the cell records (LABELSST, LABEL,
 * RK, MULRK, NUMBER, BOOLERR, FORMULA with its cached result and STRING) and enough of the
 * formats (FORMAT, XF, DATEMODE) that a date cell reads as a date. Every offset is checked
 * against the record it is in; the walk only moves forward, so it always ends.
 */
import type { Workbook, WorkbookRow } from '../../../survey/xlsform/workbook.ts';
import { excelDay, isBuiltInDateFormat, isDateFormatCode } from '../../spreadsheets/xlsxParts.ts';
import { numberText, setCell, WorkbookBudget, WorkbookProblem, type WorkbookLimits } from '../workbookLimits.ts';
import { SegmentReader } from './biffStrings.ts';
import { damaged } from './readCompoundFile.ts';

const BOF = 0x0809;
const EOF = 0x000a;
const CONTINUE = 0x003c;
const FILEPASS = 0x002f;
const DATEMODE = 0x0022;
const FORMAT = 0x041e;
const XF = 0x00e0;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const RK = 0x027e;
const MULRK = 0x00bd;
const NUMBER = 0x0203;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;

const BIFF8 = 0x0600;
const GLOBALS = 0x0005;
const WORKSHEET = 0x0010;

const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A' };

interface Record_ { type: number; data: Uint8Array; next: number }

/** The record at `at`: its type, payload and where the next one starts. */
function recordAt(stream: Uint8Array, at: number): Record_ | undefined {
  if (at + 4 > stream.length) return undefined;
  const type = stream[at]! | (stream[at + 1]! << 8);
  const length = stream[at + 2]! | (stream[at + 3]! << 8);
  if (at + 4 + length > stream.length) throw damaged('a record runs past the end of the workbook');
  return { type, data: stream.subarray(at + 4, at + 4 + length), next: at + 4 + length };
}

function viewOf(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

function need(data: Uint8Array, length: number): DataView {
  if (data.length < length) throw damaged('a cell record is shorter than it should be');
  return viewOf(data);
}

/** The payloads of a record followed by its CONTINUE records, and where the next record starts. */
function withContinues(stream: Uint8Array, first: Record_): { segments: Uint8Array[]; next: number } {
  const segments = [first.data];
  let next = first.next;
  for (let record = recordAt(stream, next); record?.type === CONTINUE; record = recordAt(stream, next)) {
    segments.push(record.data);
    next = record.next;
  }
  return { segments, next };
}

/** RK: a number in 30 bits, either an integer or the top of a double, perhaps divided by 100. */
export function rkNumber(rk: number): number {
  const hundredth = (rk & 0x01) !== 0;
  let n: number;
  if (rk & 0x02) n = rk >> 2;
  else {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(4, rk & 0xfffffffc, true);
    n = view.getFloat64(0, true);
  }
  // Dividing keeps the shortest text: 1234 / 100 is 12.34, as Excel shows it.
  return hundredth ? n / 100 : n;
}

interface Globals {
  date1904: boolean;
  strings: string[];
  /** Per XF record, whether its number format shows a date. */
  dateXf: boolean[];
  sheets: Array<{ name: string; offset: number }>;
}

function readGlobals(stream: Uint8Array, budget: WorkbookBudget): Globals {
  const first = recordAt(stream, 0);
  if (first?.type !== BOF || first.data.length < 4) {
    // BIFF2-4 workbooks begin with other BOF numbers; BIFF5 (Excel 95) uses the same one with an older version.
    throw new WorkbookProblem('this .xls file is not an Excel 97-2003 workbook (perhaps Excel 5/95 or older): open it in your spreadsheet program and save it as "Excel Workbook (.xlsx)"');
  }
  const version = viewOf(first.data).getUint16(0, true);
  if (version !== BIFF8 || viewOf(first.data).getUint16(2, true) !== GLOBALS) {
    throw new WorkbookProblem('this .xls file was written by Excel 5/95 or older, whose format is not read: open it in your spreadsheet program and save it as "Excel Workbook (.xlsx)"');
  }
  const globals: Globals = { date1904: false, strings: [], dateXf: [], sheets: [] };
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let at = first.next;
  for (let record = recordAt(stream, at); record; record = recordAt(stream, at)) {
    at = record.next;
    const { type, data } = record;
    if (type === EOF) break;
    if (type === FILEPASS) throw new WorkbookProblem('this .xls file is protected by a password: open it, remove the password, and save it as "Excel Workbook (.xlsx)"');
    if (type === DATEMODE && data.length >= 2) globals.date1904 = viewOf(data).getUint16(0, true) === 1;
    else if (type === FORMAT && data.length >= 5) formats.set(viewOf(data).getUint16(0, true), new SegmentReader([data], 2).richString());
    else if (type === XF && data.length >= 4) xfFormats.push(viewOf(data).getUint16(2, true));
    else if (type === BOUNDSHEET && data.length >= 8) {
      const view = viewOf(data);
      // Worksheets only: charts and macro modules hold no cells an XLSForm could use.
      if (data[5] === 0) globals.sheets.push({ offset: view.getUint32(0, true), name: new SegmentReader([data], 6).richString(1) });
    } else if (type === SST && data.length >= 8) {
      const { segments, next } = withContinues(stream, record);
      at = next;
      const unique = viewOf(data).getUint32(4, true);
      const reader = new SegmentReader(segments, 8);
      // The declared count is not trusted: reading stops where the records end.
      for (let i = 0; i < unique && !reader.done(); i++) {
        const text = reader.richString();
        budget.cellText(text.length);
        globals.strings.push(text);
      }
    }
  }
  globals.dateXf = xfFormats.map((id) => {
    const code = formats.get(id);
    return code !== undefined ? isDateFormatCode(code) : isBuiltInDateFormat(id);
  });
  return globals;
}

/** One worksheet's cells from its BOF to its EOF; charts embedded in it (their own BOF/EOF) are passed over. */
function readSheet(stream: Uint8Array, name: string, offset: number, globals: Globals, budget: WorkbookBudget): WorkbookRow[] | undefined {
  const bof = recordAt(stream, offset);
  if (bof?.type !== BOF) throw damaged(`the sheet "${name.slice(0, 40)}" is not where the workbook says`);
  if (bof.data.length < 4 || viewOf(bof.data).getUint16(2, true) !== WORKSHEET) return undefined;
  const rows = new Map<number, string[]>();
  const put = (row: number, column: number, value: string) => {
    if (value === '') return;
    budget.column(name, column);
    budget.cellText(value.length);
    let cells = rows.get(row);
    if (!cells) {
      cells = [];
      rows.set(row, cells);
      budget.rows(name, rows.size);
    }
    setCell(cells, column, value);
  };
  const numberCell = (row: number, column: number, xf: number, n: number) => {
    put(row, column, (globals.dateXf[xf] ? excelDay(n, globals.date1904) : undefined) ?? numberText(n));
  };
  let depth = 1;
  let pendingString: { row: number; column: number } | undefined;
  let at = bof.next;
  for (let record = recordAt(stream, at); record; record = recordAt(stream, at)) {
    at = record.next;
    const { type, data } = record;
    if (type === BOF) { depth++; continue; }
    if (type === EOF) {
      if (--depth === 0) return [...rows].sort(([a], [b]) => a - b).map(([row, cells]) => ({ row: row + 1, cells }));
      continue;
    }
    if (depth !== 1) continue;
    switch (type) {
      case LABELSST: {
        const view = need(data, 10);
        put(view.getUint16(0, true), view.getUint16(2, true), globals.strings[view.getUint32(6, true)] ?? '');
        break;
      }
      case LABEL:
      case RSTRING: {
        const view = need(data, 9);
        put(view.getUint16(0, true), view.getUint16(2, true), new SegmentReader([data], 6).richString());
        break;
      }
      case NUMBER: {
        const view = need(data, 14);
        numberCell(view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true), view.getFloat64(6, true));
        break;
      }
      case RK: {
        const view = need(data, 10);
        numberCell(view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true), rkNumber(view.getUint32(6, true)));
        break;
      }
      case MULRK: {
        const view = need(data, 6);
        const row = view.getUint16(0, true);
        const firstColumn = view.getUint16(2, true);
        const count = Math.floor((data.length - 6) / 6);
        for (let i = 0; i < count; i++) numberCell(row, firstColumn + i, view.getUint16(4 + i * 6, true), rkNumber(view.getUint32(6 + i * 6, true)));
        break;
      }
      case BOOLERR: {
        const view = need(data, 8);
        const value = data[6]!;
        put(view.getUint16(0, true), view.getUint16(2, true), data[7] ? (ERRORS[value] ?? '#N/A') : value ? 'TRUE' : 'FALSE');
        break;
      }
      case FORMULA: {
        // The cached result: a double, or (top two bytes FFFF) a marker for text, a boolean, an error or "".
        const view = need(data, 20);
        const row = view.getUint16(0, true);
        const column = view.getUint16(2, true);
        pendingString = undefined;
        if (view.getUint16(12, true) !== 0xffff) numberCell(row, column, view.getUint16(4, true), view.getFloat64(6, true));
        else if (data[6] === 0) pendingString = { row, column };
        else if (data[6] === 1) put(row, column, data[8] ? 'TRUE' : 'FALSE');
        else if (data[6] === 2) put(row, column, ERRORS[data[8]!] ?? '#N/A');
        break;
      }
      case STRING: {
        const { segments, next } = withContinues(stream, record);
        at = next;
        if (pendingString) put(pendingString.row, pendingString.column, new SegmentReader(segments).richString());
        pendingString = undefined;
        break;
      }
      default:
        break;
    }
  }
  throw damaged(`the sheet "${name.slice(0, 40)}" has no end: the file is cut short`);
}

/** The Workbook of a BIFF8 Workbook stream; throws WorkbookProblem for anything it cannot read. */
export function readBiff8(stream: Uint8Array, limits: WorkbookLimits): Workbook {
  const budget = new WorkbookBudget(limits);
  const globals = readGlobals(stream, budget);
  budget.sheets(globals.sheets.length);
  if (globals.sheets.length === 0) throw new WorkbookProblem('the workbook has no worksheets: an XLSForm needs at least a "survey" sheet');
  const offsets = new Set<number>();
  const sheets = [];
  for (const { name, offset } of globals.sheets) {
    // Two sheets at one place would be read twice over: no real workbook does that.
    if (offsets.has(offset)) throw damaged('two sheets point to the same place');
    offsets.add(offset);
    const rows = readSheet(stream, name, offset, globals, budget);
    if (rows) sheets.push({ name, rows });
  }
  return { sheets };
}
