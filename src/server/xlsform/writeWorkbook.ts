/**
 * A Workbook (every sheet, cells as text) as an .xlsx file, for the XLSForm export: one
 * worksheet per sheet, every cell a shared string (an XLSForm's cells are all text to
 * pyxform, ODK and Kobo, even "1" in a choice name), the header row bold and frozen, the
 * columns wide enough to read. Cells are always stored as text, never as a formula, so a
 * label starting with "=" stays a label (no guard quote is added: it would change the text
 * the import reads back).
 */
import { strToU8, zipSync } from 'fflate';
import type { Workbook, WorkbookSheet } from '../../survey/xlsform/workbook.ts';
import { columnName } from '../exports/xlsxBytes.ts';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Excel's limit for the text of one cell; a survey's texts are far shorter. */
const MAX_CELL_CHARS = 32_767;
/** Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/FFFF) are dropped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ], each name once. */
function sheetNames(sheets: WorkbookSheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((sheet, i) => {
    const base = sheet.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];
  count = 0;

  of(text: string): number {
    this.count++;
    let n = this.index.get(text);
    if (n === undefined) {
      n = this.list.length;
      this.index.set(text, n);
      this.list.push(text);
    }
    return n;
  }

  xml(): string {
    const items = this.list.map((text) => `<si><t xml:space="preserve">${xmlText(text)}</t></si>`).join('');
    return `${XML}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function sheetXml(sheet: WorkbookSheet, strings: SharedStrings): string {
  const widths: number[] = [];
  let rows = '';
  let previous = 0;
  for (const row of sheet.rows) {
    // Row numbers are kept when they rise (a form read from a file keeps its row numbers); otherwise rows follow on.
    const r = row.row > previous ? row.row : previous + 1;
    previous = r;
    let cells = '';
    row.cells.forEach((value, column) => {
      if (value === '') return;
      const text = value.slice(0, MAX_CELL_CHARS);
      widths[column] = Math.max(widths[column] ?? 0, Math.min(60, [...text].length + 2));
      cells += `<c r="${columnName(column)}${r}"${r === 1 ? ' s="1"' : ''} t="s"><v>${strings.of(text)}</v></c>`;
    });
    rows += `<row r="${r}">${cells}</row>`;
  }
  const cols = widths.length
    ? `<cols>${Array.from(widths, (w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(w ?? 8, 8)}" customWidth="1"/>`).join('')}</cols>`
    : '';
  return `${XML}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`
    + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    + `${cols}<sheetData>${rows}</sheetData></worksheet>`;
}

const STYLES = `${XML}<styleSheet xmlns="${MAIN_NS}">`
  + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  // Style 0 is text (numFmt 49, "@"), so a spreadsheet program keeps "1" and "01" as typed; style 1 is the bold header.
  + '<cellXfs count="2"><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  + '</styleSheet>';

export function writeXlsxWorkbook(workbook: Workbook): Uint8Array {
  const sheets = workbook.sheets.length ? workbook.sheets : [{ name: 'survey', rows: [] }];
  const names = sheetNames(sheets);
  const strings = new SharedStrings();
  const sheetParts = sheets.map((sheet) => strToU8(sheetXml(sheet, strings)));
  // [Content_Types].xml first: some readers look for it at the start of the zip.
  const files: Record<string, Uint8Array> = {};
  files['[Content_Types].xml'] = strToU8(`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
    + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + '</Types>');
  files['_rels/.rels'] = strToU8(`${XML}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  files['xl/workbook.xml'] = strToU8(`${XML}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>`
    + names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
    + '</sheets></workbook>');
  files['xl/_rels/workbook.xml.rels'] = strToU8(`${XML}<Relationships xmlns="${PKG_REL_NS}">`
    + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`
    + `<Relationship Id="rId${sheets.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  files['xl/styles.xml'] = strToU8(STYLES);
  sheetParts.forEach((part, i) => { files[`xl/worksheets/sheet${i + 1}.xml`] = part; });
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  return zipSync(files, { level: 6 });
}
