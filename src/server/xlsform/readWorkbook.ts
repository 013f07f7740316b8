/**
 * An uploaded XLSForm file → every sheet as text. Which reader it needs is decided by its
 * first bytes, never by its name: a zip is read as XLSX, an OLE2 compound file as a legacy
 * .xls; anything else is refused with what to do instead. Never throws for a bad file.
 */
import { unzipSync } from 'fflate';
import type { Workbook } from '../../survey/xlsform/workbook.ts';
import { isZip, XlsxProblem } from '../spreadsheets/xlsxParts.ts';
import { readXlsxWorkbook } from './readXlsxWorkbook.ts';
import { WORKBOOK_LIMITS, WorkbookProblem, type WorkbookLimits } from './workbookLimits.ts';
import { isCompoundFile } from './xls/readCompoundFile.ts';
import { readXlsWorkbook } from './xls/readXlsWorkbook.ts';

/**
 * `reason` says which answer fits: `unsupported` (another kind of file: 415), `too_large`
 * (413) or `broken` (a spreadsheet that cannot be read: 400).
 */
export type WorkbookRead =
  | { ok: true; kind: 'xlsx' | 'xls'; workbook: Workbook }
  | { ok: false; message: string; reason?: 'unsupported' | 'too_large' | 'broken' };

export const SAVE_AS_XLSX = 'open it in your spreadsheet program and save it as "Excel Workbook (.xlsx)"';

function startsWith(bytes: Uint8Array, text: string): boolean {
  return [...text].every((ch, i) => bytes[i] === ch.charCodeAt(0));
}

type ZipKind = 'xlsx' | 'ods' | 'xlsb' | 'word' | 'powerpoint';

/** What a zip holds, from its part names alone (nothing is unpacked): an XLSX unless another format's parts say otherwise. */
function zipKind(bytes: Uint8Array): ZipKind {
  let kind: ZipKind = 'xlsx';
  let workbook = false;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (file.name === 'xl/workbook.xml') workbook = true;
        else if (file.name === 'xl/workbook.bin') kind = 'xlsb';
        else if (file.name === 'mimetype' || file.name === 'content.xml') kind = 'ods';
        else if (file.name === 'word/document.xml') kind = 'word';
        else if (file.name === 'ppt/presentation.xml') kind = 'powerpoint';
        return false;
      },
    });
  } catch {
    // A damaged zip: the XLSX reader's own message says so.
  }
  return workbook ? 'xlsx' : kind;
}

function unsupported(what: string): WorkbookRead {
  return { ok: false, reason: 'unsupported', message: `${what}: ${SAVE_AS_XLSX}` };
}

export function readWorkbook(bytes: Uint8Array, fileName: string, limits: WorkbookLimits = WORKBOOK_LIMITS): WorkbookRead {
  void fileName; // the content decides; the name is only the caller's to show
  if (bytes.length > limits.maxBytes) {
    return { ok: false, reason: 'too_large', message: `the file is over ${Math.round(limits.maxBytes / 1024 / 1024)} MB, more than any XLSForm needs: check it is the right file` };
  }
  if (bytes.length === 0) return { ok: false, reason: 'broken', message: 'the file is empty' };
  try {
    if (isCompoundFile(bytes)) return { ok: true, kind: 'xls', workbook: readXlsWorkbook(bytes, limits) };
    if (isZip(bytes)) {
      const kind = zipKind(bytes);
      if (kind === 'ods') return unsupported('this is an OpenDocument spreadsheet (.ods), which is not read');
      if (kind === 'xlsb') return unsupported('this is an Excel binary workbook (.xlsb), which is not read');
      if (kind === 'word' || kind === 'powerpoint') return unsupported(`this is a ${kind === 'word' ? 'Word document' : 'PowerPoint presentation'}, not a spreadsheet: an XLSForm is a workbook with a "survey" sheet`);
      return { ok: true, kind: 'xlsx', workbook: readXlsxWorkbook(bytes, limits) };
    }
  } catch (error) {
    if (error instanceof WorkbookProblem || error instanceof XlsxProblem) return { ok: false, reason: 'broken', message: error.message };
    // A reader bug on a hostile file is still a file we cannot read, not a server error.
    if (error instanceof RangeError || error instanceof TypeError) return { ok: false, reason: 'broken', message: `the file cannot be read: ${SAVE_AS_XLSX}` };
    throw error;
  }
  if (startsWith(bytes, '%PDF')) return unsupported('this is a PDF, not a spreadsheet');
  if (startsWith(bytes, '<?xml') || startsWith(bytes, '<h:html') || startsWith(bytes, '\ufeff<')) return unsupported('this is an XML file (an XForm or an Excel 2003 XML sheet?), not an XLSForm workbook');
  return unsupported('this is not an Excel workbook (.xlsx or .xls); a CSV or text file is not read');
}
