import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Row } from './cell.ts';
import { exportBytes, type ExportFormat } from './exportBytes.ts';
import { prepareResponseExport, type ResponseExportQuery } from './prepareResponseExport.ts';
import { responseRows } from './responseRows.ts';

/** Where export bytes go; each chunk is awaited before the next is made (backpressure). */
export type ExportSink = (chunk: Uint8Array) => unknown | Promise<unknown>;

/**
 * Writes a per-response export (CSV by default) into a sink, for the benchmark and tools:
 * the same rows and bytes as GET /exports/responses.csv|.xlsx. Throws when the query is
 * refused (unknown survey, facility or language). Returns how many responses it wrote.
 */
export async function writeResponseRows(
  db: Kysely<Database>,
  query: ResponseExportQuery & { format?: ExportFormat; pageSize?: number },
  sink: ExportSink,
): Promise<{ rows: number; bytes: number }> {
  const prepared = await prepareResponseExport(db, query);
  if (!prepared.ok) throw new Error(`${prepared.problem.code}: ${prepared.problem.message}`);
  const plan = prepared.plan;
  let rows = -1;
  let bytes = 0;
  async function* counted(): AsyncGenerator<Row> {
    for await (const row of responseRows(db, plan, query.pageSize)) {
      rows++;
      yield row;
    }
  }
  for await (const chunk of exportBytes(counted(), query.format ?? 'csv', 'Responses')) {
    bytes += chunk.byteLength;
    await sink(chunk);
  }
  return { rows: Math.max(rows, 0), bytes };
}
