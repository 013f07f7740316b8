/** A legacy .xls (Excel 97-2003): the Workbook stream of its compound file, read as BIFF8. */
import type { Workbook } from '../../../survey/xlsform/workbook.ts';
import { WorkbookProblem, type WorkbookLimits } from '../workbookLimits.ts';
import { readBiff8 } from './readBiff8.ts';
import { CompoundFile } from './readCompoundFile.ts';

export function readXlsWorkbook(bytes: Uint8Array, limits: WorkbookLimits): Workbook {
  const file = new CompoundFile(bytes);
  const stream = file.stream('Workbook', bytes.length);
  if (!stream) {
    if (file.stream('Book', bytes.length)) throw new WorkbookProblem('this .xls file was written by Excel 5/95 or older, whose format is not read: open it in your spreadsheet program and save it as "Excel Workbook (.xlsx)"');
    throw new WorkbookProblem('this is an Office file but not an Excel workbook (a Word or PowerPoint file?): an XLSForm is a spreadsheet, saved as .xlsx or .xls');
  }
  return readBiff8(stream, limits);
}
