/** Test helper: a Workbook from plain arrays, rows numbered as a spreadsheet shows them. */
import type { Workbook } from '../../../src/survey/xlsform/workbook.ts';

export function buildWorkbook(sheets: Record<string, string[][]>): Workbook {
  return {
    sheets: Object.entries(sheets).map(([name, rows]) => ({ name, rows: rows.map((cells, index) => ({ row: index + 1, cells })) })),
  };
}

export const YES_NO_CHOICES = [
  ['list_name', 'name', 'label'],
  ['yn', 'yes', 'Yes'],
  ['yn', 'no', 'No'],
  ['colours', 'red', 'Red'],
  ['colours', 'blue', 'Blue'],
];
