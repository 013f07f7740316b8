import type { Cell, Row } from './cell.ts';
import { guardFormula } from './guardFormula.ts';

/**
 * One CSV field (RFC 4180): a finite number as it is, so spreadsheets read it as a number;
 * text guarded against formulas, always quoted, its quotes doubled.
 */
export function csvCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return `"${guardFormula(cell).replace(/"/g, '""')}"`;
}

/** One CSV record, ended with CRLF (RFC 4180). */
export function csvRow(row: Row): string {
  return `${row.map(csvCell).join(',')}\r\n`;
}
