import { strToU8, zipSync } from 'fflate';

/** A cell as a spreadsheet program would save it: text (shared), a number, a boolean, an inline string, or a formula with its cached value. */
export type TestCell = string | number | boolean | null | { inline: string } | { formula: string; value?: number | string };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function letters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * A minimal but real .xlsx (the parts Excel writes), first sheet holding `rows` from row 1;
 * `extraSheets` are added after it (only the first may be read).
 */
export function makeXlsx(rows: TestCell[][], options: { sheetName?: string; extraSheets?: TestCell[][][]; date1904?: boolean; richText?: boolean } = {}): Uint8Array {
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const sheetXml = (sheetRows: TestCell[][]) => {
    const body = sheetRows.map((cells, r) => {
      const xml = cells.map((cell, c) => {
        const ref = `${letters(c)}${r + 1}`;
        if (cell === null) return '';
        if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
        if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
        if (typeof cell === 'string') {
          if (!sharedIndex.has(cell)) {
            sharedIndex.set(cell, shared.length);
            shared.push(cell);
          }
          return `<c r="${ref}" t="s"><v>${sharedIndex.get(cell)}</v></c>`;
        }
        if ('inline' in cell) return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escape(cell.inline)}</t></is></c>`;
        const value = cell.value === undefined ? '' : typeof cell.value === 'number' ? `<v>${cell.value}</v>` : `<v>${escape(cell.value)}</v>`;
        return `<c r="${ref}"${typeof cell.value === 'string' ? ' t="str"' : ''}><f>${escape(cell.formula)}</f>${value}</c>`;
      }).join('');
      return `<row r="${r + 1}">${xml}</row>`;
    }).join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
  };
  const sheets = [rows, ...(options.extraSheets ?? [])].map(sheetXml);
  const sst = shared.map((s) => (options.richText
    ? `<si><r><rPr><b/></rPr><t xml:space="preserve">${escape(s.slice(0, 1))}</t></r><r><t xml:space="preserve">${escape(s.slice(1))}</t></r></si>`
    : `<si><t xml:space="preserve">${escape(s)}</t></si>`)).join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.map((_, i) => `<sheet name="${i === 0 ? escape(options.sheetName ?? 'Answers') : `Sheet${i + 1}`}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    'xl/sharedStrings.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${sst}</sst>`),
  };
  sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)));
  return zipSync(files);
}
