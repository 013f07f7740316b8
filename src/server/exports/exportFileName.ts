/** Letters, digits and "-" only, lower case: safe in any file system and in a header, whatever the facility is called. */
function slug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}

/** "sayso-mini-responses-centre-a-2026-Q3.csv": the parts that are set, each made safe. */
export function exportFileName(parts: Array<string | null | undefined>, extension: 'csv' | 'xlsx'): string {
  const safe = parts.filter((part): part is string => !!part).map((part) => (/^\d{4}-Q[1-4]$/.test(part) ? part : slug(part))).filter(Boolean);
  return `${['sayso', ...safe].join('-')}.${extension}`;
}

/** Content-Disposition for a download; the name is ASCII already, so no filename* is needed. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
