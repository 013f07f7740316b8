/**
 * The pieces of XLSX reading shared by the paper-answer reader (first sheet only) and the
 * XLSForm reader (every sheet), written for untrusted input (npm's `xlsx` has unfixed
 * CVE-2023-30533 and CVE-2024-22363): fflate unzips only the parts asked for, each into a
 * buffer of the size the zip declares (a bomb cannot grow past the budget), and
 * fast-xml-parser reads the XML with no DOCTYPE allowed (no entity expansion).
 */
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';

/** A problem with the file as a whole; its message is meant for the person who sent it. */
export class XlsxProblem extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ['c', 'r', 'si', 'sheet', 'Relationship', 'xf', 'numFmt'].includes(name),
});

export type XmlNode = Record<string, unknown>;

const DOCTYPE = /<!DOCTYPE|<!ENTITY/i;

function doctypeRefused(part: string): XlsxProblem {
  return new XlsxProblem(`the workbook part ${part} declares a DOCTYPE, which spreadsheets never do: save the file again from your spreadsheet program`);
}

export function parseXml(xml: string, part: string, notReadable: string): XmlNode {
  // Office files never carry a DOCTYPE; refusing it shuts out entity-expansion tricks.
  if (DOCTYPE.test(xml)) throw doctypeRefused(part);
  try {
    return parser.parse(xml) as XmlNode;
  } catch {
    throw new XlsxProblem(notReadable);
  }
}

/** What is left of the unzipped-size budget, and the words used when it runs out. */
export interface UnzipBudget { left: number; cap: number; tooBig: string; notReadable: string }

/** Unzips the named parts, within what is left of the unzipped-size budget. */
export function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean, budget: UnzipBudget): Record<string, Uint8Array> {
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
    throw new XlsxProblem(budget.notReadable);
  }
  if (over) throw new XlsxProblem(budget.tooBig);
  return files;
}

export function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(text).join('');
  const value = (node as XmlNode)['#text'];
  return value === undefined ? '' : String(value);
}

/** The text of a shared string or an inline string: plain <t>, or rich-text runs <r><t>; phonetic runs left out. */
export function richText(node: unknown): string {
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

export function columnOfRef(ref: string): number | undefined {
  const letters = /^([A-Z]{1,3})\d*$/i.exec(ref)?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + letter.charCodeAt(0) - 64;
  return n - 1;
}

/** Excel's day number (1900 or 1904 date system) → YYYY-MM-DD. */
export function excelDay(day: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(day) || day < 1 || day > 2_958_465) return undefined;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.floor(day) * 86_400_000).toISOString().slice(0, 10);
}

/** The workbook's table of contents: its sheets in order and where the shared parts are. */
export interface WorkbookIndex {
  date1904: boolean;
  sheets: Array<{ name: string; path: string }>;
  stringsPath: string;
  stylesPath: string;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function readWorkbookIndex(bytes: Uint8Array, budget: UnzipBudget): WorkbookIndex {
  if (!isZip(bytes)) throw new XlsxProblem(budget.notReadable);
  const meta = unzipParts(bytes, (name) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels', budget);
  if (!meta['xl/workbook.xml']) throw new XlsxProblem(budget.notReadable);
  const workbook = parseXml(strFromU8(meta['xl/workbook.xml']), 'xl/workbook.xml', budget.notReadable).workbook as XmlNode | undefined;
  const date1904 = ['1', 'true'].includes(String((workbook?.workbookPr as XmlNode | undefined)?.['@date1904'] ?? ''));
  const relations = meta['xl/_rels/workbook.xml.rels']
    ? (((parseXml(strFromU8(meta['xl/_rels/workbook.xml.rels']), 'xl/_rels/workbook.xml.rels', budget.notReadable).Relationships as XmlNode | undefined)?.Relationship as XmlNode[] | undefined) ?? [])
    : [];
  const listed = ((workbook?.sheets as XmlNode | undefined)?.sheet as XmlNode[] | undefined) ?? [];
  const sheets = listed.map((sheet, i) => {
    const target = relations.find((r) => r['@Id'] === sheet['@id'])?.['@Target'];
    return { name: String(sheet['@name'] ?? `Sheet${i + 1}`), path: typeof target === 'string' ? resolveTarget(target) : `xl/worksheets/sheet${i + 1}.xml` };
  });
  const partOf = (type: string, fallback: string) => {
    const target = relations.find((r) => String(r['@Type'] ?? '').endsWith(type))?.['@Target'];
    return typeof target === 'string' ? resolveTarget(target) : fallback;
  };
  return { date1904, sheets, stringsPath: partOf('/sharedStrings', 'xl/sharedStrings.xml'), stylesPath: partOf('/styles', 'xl/styles.xml') };
}

export function readSharedStrings(part: Uint8Array | undefined, path: string, notReadable: string): string[] {
  if (!part) return [];
  return (((parseXml(strFromU8(part), path, notReadable).sst as XmlNode | undefined)?.si as unknown[] | undefined) ?? []).map(richText);
}

/** Excel's built-in number formats that show a date or a time (ids 14-22, 45-47; 27-36 and 50-58 in East Asian locales). */
export function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A custom format code shows a date when, outside quoted text, [colours] and escapes, it has d, m, y, h or s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_.|\*./g, '');
  // Only the first section (positive numbers) decides; "General" has a g, e and l but no date letters.
  const first = bare.split(';')[0] ?? '';
  return /[dmyhs]/i.test(first) && !/^general$/i.test(first.trim());
}

/** For each cell style (the s attribute), whether it shows a date. */
export function readDateStyles(part: Uint8Array | undefined, path: string, notReadable: string): boolean[] {
  if (!part) return [];
  const sheet = parseXml(strFromU8(part), path, notReadable).styleSheet as XmlNode | undefined;
  const custom = new Map<number, string>();
  for (const format of ((sheet?.numFmts as XmlNode | undefined)?.numFmt as XmlNode[] | undefined) ?? []) custom.set(Number(format['@numFmtId']), String(format['@formatCode'] ?? ''));
  return (((sheet?.cellXfs as XmlNode | undefined)?.xf as XmlNode[] | undefined) ?? []).map((xf) => {
    const id = Number(xf['@numFmtId'] ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : isBuiltInDateFormat(id);
  });
}

/** One cell as stored: its column, type attribute, raw value, style index and whether it holds a formula. */
export interface RawCell { column: number; type: string; raw: string; inline: unknown; style: number; hasFormula: boolean }
export interface RawRow { number: number; cells: RawCell[] }

// [^<>], not [^>]: a row tag never holds "<", and a run of "<row" with no ">" cannot make each match scan to the end.
const ROW_START = /<(?:[A-Za-z_][\w.-]*:)?row\b[^<>]*?(\/?)>/g;

/**
 * The rows of a worksheet's XML, one at a time: each <row> element is cut out with a regular
 * expression and parsed alone, so a sheet of 10,000 rows never becomes one huge object tree.
 */
export function* worksheetRows(sheetXml: string, sheetPath: string, notReadable: string): Generator<RawRow> {
  if (DOCTYPE.test(sheetXml.slice(0, 4096))) throw doctypeRefused(sheetPath);
  const rowStart = new RegExp(ROW_START.source, 'g');
  let previousRow = 0;
  rowStart.lastIndex = Math.max(0, sheetXml.indexOf('sheetData'));
  for (let match = rowStart.exec(sheetXml); match; match = rowStart.exec(sheetXml)) {
    const start = match.index;
    let end = rowStart.lastIndex;
    if (!match[1]) {
      const tag = /^<([^\s>/]+)/.exec(match[0])![1]!;
      const close = sheetXml.indexOf(`</${tag}>`, end);
      if (close < 0) throw new XlsxProblem(notReadable);
      end = close + tag.length + 3;
      rowStart.lastIndex = end;
    }
    const row = (parseXml(sheetXml.slice(start, end), sheetPath, notReadable).row ?? {}) as XmlNode;
    const number = Number(row['@r']) || previousRow + 1;
    previousRow = number;
    const cells: RawCell[] = [];
    let previousColumn = -1;
    for (const c of (row.c as XmlNode[] | undefined) ?? []) {
      const column = typeof c['@r'] === 'string' ? (columnOfRef(c['@r']) ?? previousColumn + 1) : previousColumn + 1;
      previousColumn = column;
      cells.push({ column, type: String(c['@t'] ?? 'n'), raw: text(c.v), inline: c.is, style: Number(c['@s'] ?? 0) || 0, hasFormula: c.f !== undefined });
    }
    yield { number, cells };
  }
}
