/**
 * What every part of one XLSForm import shares: the problem list, the chosen languages,
 * and the reading of language columns (`label::English (en)`, plain `label`, ...).
 */
import { languageInfo } from '../languages.ts';
import type { WorkbookRow } from './workbook.ts';
import type { XlsformProblem } from './xlsformProblem.ts';
import { languageColumnName, languageFromName } from './xlsformLanguages.ts';
import { cellAt, type SheetColumn, type SheetTable } from './xlsformSheet.ts';

export class ImportContext {
  readonly problems: XlsformProblem[] = [];
  /** Language codes of the survey, in column order. */
  languages: string[] = [];
  defaultLanguage = 'en';
  /** The language a column without "::language" is in (settings default_language, else English). */
  plainLanguage = 'en';
  private readonly reportedColumns = new Set<string>();
  private readonly columnCache = new Map<string, Map<string, SheetColumn>>();

  add(problem: XlsformProblem): void {
    this.problems.push(problem);
  }

  /** The language of a column, or undefined (an error is reported once per column). */
  languageOf(table: SheetTable, column: SheetColumn): string | undefined {
    if (column.language === undefined) return this.plainLanguage;
    const read = languageFromName(column.language);
    if (read.ok) return read.code;
    this.once(table, column, 'error', `${read.message} (column "${column.header}")`);
    return undefined;
  }

  /** Columns of one base ("label", "hint", "media::audio", ...) by language code, chosen languages only. */
  columns(table: SheetTable, base: string): Map<string, SheetColumn> {
    const key = `${table.name}\n${base}`;
    const cached = this.columnCache.get(key);
    if (cached) return cached;
    const byLanguage = new Map<string, SheetColumn>();
    for (const column of table.columns) {
      if (column.base !== base) continue;
      const code = this.languageOf(table, column);
      if (code === undefined) continue;
      if (!this.languages.includes(code)) {
        if (this.hasValues(table, column)) {
          this.once(table, column, 'warning', `column "${column.header}" is in ${languageInfo(code).englishName} (${code}), which is not one of the survey's languages (${this.languages.join(', ')}): it was not imported`);
        }
        continue;
      }
      const earlier = byLanguage.get(code);
      // "label" and "label::English (en)" in one sheet: the named one wins, and the designer is told.
      if (earlier) {
        const [kept, dropped] = earlier.language === undefined ? [column, earlier] : [earlier, column];
        byLanguage.set(code, kept);
        this.once(table, dropped, 'warning', `columns "${earlier.header}" and "${column.header}" are both in ${languageInfo(code).englishName} (${code}): only "${kept.header}" was read`);
        continue;
      }
      byLanguage.set(code, column);
    }
    this.columnCache.set(key, byLanguage);
    return byLanguage;
  }

  /** Non-empty texts of a row in the survey's languages. */
  texts(table: SheetTable, row: WorkbookRow, base: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const code of this.languages) {
      const column = this.columns(table, base).get(code);
      const value = cellAt(row, column);
      if (value !== '') out[code] = value;
    }
    return out;
  }

  /** The header a designer should fill for a language that is missing ("label::French (fr)"). */
  headerFor(table: SheetTable, base: string, code: string): string {
    return this.columns(table, base).get(code)?.header ?? `${base}::${languageColumnName(code)}`;
  }

  /** Reports each survey language a text lacks; true when none is missing. */
  requireAll(table: SheetTable, row: number, base: string, text: Record<string, string>, what: string, name?: string): boolean {
    let complete = true;
    for (const code of this.languages) {
      if (code in text) continue;
      complete = false;
      this.add({
        sheet: table.name, row, column: this.headerFor(table, base, code), ...(name ? { name } : {}), severity: 'error',
        message: `${what} has no ${languageInfo(code).englishName} (${code}) text: fill column "${this.headerFor(table, base, code)}"`,
      });
    }
    return complete;
  }

  once(table: SheetTable, column: SheetColumn, severity: XlsformProblem['severity'], message: string): void {
    const key = `${table.name}\n${column.index}\n${message}`;
    if (this.reportedColumns.has(key)) return;
    this.reportedColumns.add(key);
    this.add({ sheet: table.name, row: table.headerRow, column: column.header, severity, message });
  }

  private hasValues(table: SheetTable, column: SheetColumn): boolean {
    return table.rows.some((row) => cellAt(row, column) !== '');
  }
}
