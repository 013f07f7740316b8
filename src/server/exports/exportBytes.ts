import type { Row } from './cell.ts';
import { csvBytes } from './csvBytes.ts';
import { xlsxBytes } from './xlsxBytes.ts';

export type ExportFormat = 'csv' | 'xlsx';

/** The rows as a CSV or XLSX file, in chunks as they come. */
export function exportBytes(rows: AsyncIterable<Row> | Iterable<Row>, format: ExportFormat, sheetName: string): AsyncGenerator<Uint8Array> {
  return format === 'csv' ? csvBytes(rows) : xlsxBytes(rows, { sheetName });
}
