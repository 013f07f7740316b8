/**
 * An XLSX reader for paper answer files, written for untrusted input (npm's `xlsx` has
 * unfixed CVE-2023-30533 and CVE-2024-22363): fflate unzips only the parts it needs, each
 * into a buffer of the size the zip declares (a bomb cannot grow past the cap), and
 * fast-xml-parser reads the XML with no DOCTYPE allowed (no entity expansion). First
 * worksheet only; shared strings, inline strings, numbers, booleans; a formula is marked
 * so the row can be refused (an import never takes a computed value).
 */
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { IMPORT_LIMITS, isEmptyRow, tooManyColumns, tooManyRows, type GridRow, type ImportLimits, type SheetGrid } from './sheetGrid.ts';

class XlsxProblem extends Error {}

const NOT_A_WORKBOOK = 'the file is not a readable XLSX workbook: open it in your spreadsheet program and save it again as "Excel Workbook (.xlsx)" or as "CSV UTF-8"';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => name === 'c' || name === 'r' || name === 'si' || name === 'sheet' || name === 'Relationship',
});

type XmlNode = Record<string, unknown>;

function parseXml(xml: string, part: string): XmlNode {
  // Office files never carry a DOCTYPE; refusing it shuts out entity-expansion tricks.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new XlsxProblem(`the workbook part ${part} declares a DOCTYPE, which spreadsheets never do: save the file again from your spreadsheet program`);
  try {
    return parser.parse(xml) as XmlNode;
  } catch {
    throw new XlsxProblem(NOT_A_WORKBOOK);
  }
}

/** Unzips the named parts, within what is left of the unzipped-size budget. */
function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean, budget: { left: number; cap: number }): Record<string, Uint8Array> {
  let over = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        // fflate inflates into a buffer of the declared size, so the declared size bounds the memory.
        if (file.originalSize > budget.left) {
          over = true;
          return false;
        }
        budget.left -= file.originalSize;
        return true;
      },
    });
  } catch {
    throw new XlsxProblem(NOT_A_WORKBOOK);
  }
  if (over) throw new XlsxProblem(`the workbook unpacks to more than ${Math.round(budget.cap / 1024 / 1024)} MB, more than any file of paper answers needs: check it is the right file, or save it as CSV UTF-8`);
  return files;
}

function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(text).join('');
  const value = (node as XmlNode)['#text'];
  return value === undefined ? '' : String(value);
}

/** The text of a shared string or an inline string: plain <t>, or rich-text runs <r><t>; phonetic runs left out. */
function richText(node: unknown): string {
  if (!node || typeof node !== 'object') return text(node);
  const item = node as XmlNode;
  if (item.t !== undefined) return text(item.t);
  if (Array.isArray(item.r)) return item.r.map((run) => text((run as XmlNode).t)).join('');
  return '';
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function columnOfRef(ref: string): number | undefined {
  const letters = /^([A-Z]{1,3})\d*$/i.exec(ref)?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + letter.charCodeAt(0) - 64;
  return n - 1;
}

/** Excel's day number (1900 or 1904 date system) → YYYY-MM-DD, for a date typed into the filled_on column. */
export function excelDay(day: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(day) || day < 1 || day > 2_958_465) return undefined;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.floor(day) * 86_400_000).toISOString().slice(0, 10);
}

const ROW_START = /<(?:[A-Za-z_][\w.-]*:)?row\b[^>]*?(\/?)>/g;

function readWorkbook(bytes: Uint8Array, limits: ImportLimits): SheetGrid {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) throw new XlsxProblem(NOT_A_WORKBOOK);
  const budget = { left: limits.maxUnzippedBytes, cap: limits.maxUnzippedBytes };
  const meta = unzipParts(bytes, (name) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels', budget);
  if (!meta['xl/workbook.xml']) throw new XlsxProblem(NOT_A_WORKBOOK);
  const workbook = parseXml(strFromU8(meta['xl/workbook.xml']), 'xl/workbook.xml').workbook as XmlNode | undefined;
  const date1904 = ['1', 'true'].includes(String((workbook?.workbookPr as XmlNode | undefined)?.['@date1904'] ?? ''));
  const firstSheet = ((workbook?.sheets as XmlNode | undefined)?.sheet as XmlNode[] | undefined)?.[0];
  const relations = meta['xl/_rels/workbook.xml.rels']
    ? (((parseXml(strFromU8(meta['xl/_rels/workbook.xml.rels']), 'xl/_rels/workbook.xml.rels').Relationships as XmlNode | undefined)?.Relationship as XmlNode[] | undefined) ?? [])
    : [];
  const relationId = firstSheet?.['@id'];
  const sheetTarget = relations.find((r) => r['@Id'] === relationId)?.['@Target'];
  const sheetPath = typeof sheetTarget === 'string' ? resolveTarget(sheetTarget) : 'xl/worksheets/sheet1.xml';
  const stringsTarget = relations.find((r) => String(r['@Type'] ?? '').endsWith('/sharedStrings'))?.['@Target'];
  const stringsPath = typeof stringsTarget === 'string' ? resolveTarget(stringsTarget) : 'xl/sharedStrings.xml';

  const parts = unzipParts(bytes, (name) => name === sheetPath || name === stringsPath, budget);
  if (!parts[sheetPath]) throw new XlsxProblem('the workbook has no worksheet: put the answers on the first sheet');
  const shared = parts[stringsPath]
    ? (((parseXml(strFromU8(parts[stringsPath]), stringsPath).sst as XmlNode | undefined)?.si as unknown[] | undefined) ?? []).map(richText)
    : [];
  delete parts[stringsPath];
  const sheetXml = strFromU8(parts[sheetPath]);
  delete parts[sheetPath];
  if (/<!DOCTYPE|<!ENTITY/i.test(sheetXml.slice(0, 4096))) throw new XlsxProblem(`the workbook part ${sheetPath} declares a DOCTYPE, which spreadsheets never do: save the file again from your spreadsheet program`);

  const fileProblems: string[] = [];
  const rows: GridRow[] = [];
  let header: string[] | undefined;
  let filledOnColumn = -1;
  let previousRow = 0;
  ROW_START.lastIndex = Math.max(0, sheetXml.indexOf('sheetData'));
  for (let match = ROW_START.exec(sheetXml); match; match = ROW_START.exec(sheetXml)) {
    const start = match.index;
    let end = ROW_START.lastIndex;
    if (!match[1]) {
      const tag = /^<([^\s>/]+)/.exec(match[0])![1]!;
      const close = sheetXml.indexOf(`</${tag}>`, end);
      if (close < 0) throw new XlsxProblem(NOT_A_WORKBOOK);
      end = close + tag.length + 3;
      ROW_START.lastIndex = end;
    }
    const row = (parseXml(sheetXml.slice(start, end), sheetPath).row ?? {}) as XmlNode;
    const number = Number(row['@r']) || previousRow + 1;
    previousRow = number;
    const cells: string[] = [];
    const formulas: number[] = [];
    let previousColumn = -1;
    for (const c of (row.c as XmlNode[] | undefined) ?? []) {
      const column = typeof c['@r'] === 'string' ? (columnOfRef(c['@r']) ?? previousColumn + 1) : previousColumn + 1;
      previousColumn = column;
      const hasFormula = c.f !== undefined;
      const type = String(c['@t'] ?? 'n');
      const raw = text(c.v);
      let value: string;
      if (type === 's') value = shared[Number(raw)] ?? '';
      else if (type === 'inlineStr') value = richText(c.is);
      else if (type === 'b') value = raw === '1' ? 'true' : raw === '0' ? 'false' : raw;
      else if (type === 'n' && raw !== '') {
        const n = Number(raw);
        value = Number.isFinite(n) ? (column === filledOnColumn ? (excelDay(n, date1904) ?? String(n)) : String(n)) : raw;
      } else value = raw;
      if (!hasFormula && value === '') continue;
      // A cell far to the right with only formatting in it is no column; one with a value is.
      if (column >= limits.maxColumns) {
        fileProblems.push(tooManyColumns(limits.maxColumns));
        return { header: header ?? [], rows, fileProblems };
      }
      while (cells.length < column) cells.push('');
      cells[column] = value;
      if (hasFormula) formulas.push(column);
    }
    if (!header) {
      if (isEmptyRow(cells) && formulas.length === 0) continue;
      header = cells;
      filledOnColumn = cells.findIndex((h) => h.trim().toLowerCase() === 'filled_on');
      continue;
    }
    if (isEmptyRow(cells) && formulas.length === 0) continue;
    if (rows.length >= limits.maxRows) {
      fileProblems.push(tooManyRows(limits.maxRows));
      break;
    }
    rows.push(formulas.length ? { row: number, cells, formulas } : { row: number, cells });
  }
  if (!header) return { header: [], rows: [], fileProblems: ['the first worksheet is empty: its first row must hold the column headings (serial, then one column per question id)'] };
  return { header, rows, fileProblems };
}

export function readXlsx(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): SheetGrid {
  try {
    return readWorkbook(bytes, limits);
  } catch (error) {
    if (error instanceof XlsxProblem) return { header: [], rows: [], fileProblems: [error.message] };
    throw error;
  }
}
