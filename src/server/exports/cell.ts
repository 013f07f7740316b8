/** One cell of an export: text, a number (written as a number), or empty. */
export type Cell = string | number | null | undefined;
export type Row = readonly Cell[];
