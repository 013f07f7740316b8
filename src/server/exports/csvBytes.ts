import type { Row } from './cell.ts';
import { csvRow } from './csvCell.ts';

/** Excel needs the byte order mark to read a CSV file as UTF-8. */
const BOM = '\uFEFF';
const CHUNK_CHARS = 64 * 1024;

/** A CSV file, UTF-8 with a BOM, in chunks of about 64 KB as the rows come. */
export async function* csvBytes(rows: AsyncIterable<Row> | Iterable<Row>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let text = BOM;
  for await (const row of rows) {
    text += csvRow(row);
    if (text.length >= CHUNK_CHARS) {
      yield encoder.encode(text);
      text = '';
    }
  }
  if (text) yield encoder.encode(text);
}
