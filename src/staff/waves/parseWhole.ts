/** A whole number typed by staff, or null when left empty; undefined when it is not one. */
export function parseWhole(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : undefined;
}
