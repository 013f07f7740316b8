/** The number of sheets a batch may have (docs/paper-api.md: POST /paper/batches, count 1 to 500). */
export const MAX_SHEETS = 500;

/** The typed number of sheets, or undefined when it is not a whole number from 1 to 500. */
export function parseSheetCount(typed: string): number | undefined {
  const text = typed.trim();
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const count = Number(text);
  return count >= 1 && count <= MAX_SHEETS ? count : undefined;
}
