/** A CSV field as read back: its text, and whether it was quoted (text) or bare (a number, or empty). */
export interface CsvField {
  text: string;
  quoted: boolean;
}

/** A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes. */
export function parseCsv(input: string): CsvField[][] {
  const records: CsvField[][] = [];
  let record: CsvField[] = [];
  let i = 0;
  while (i < input.length) {
    let field: CsvField;
    if (input[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= input.length) throw new Error('unclosed quote');
        if (input[i] === '"') {
          if (input[i + 1] === '"') { text += '"'; i += 2; continue; }
          i++;
          break;
        }
        text += input[i++];
      }
      field = { text, quoted: true };
    } else {
      let end = i;
      while (end < input.length && input[end] !== ',' && input[end] !== '\r' && input[end] !== '\n') end++;
      const text = input.slice(i, end);
      if (text.includes('"')) throw new Error(`a bare field holds a quote: ${text}`);
      field = { text, quoted: false };
      i = end;
    }
    record.push(field);
    if (input[i] === ',') { i++; continue; }
    if (input.startsWith('\r\n', i)) { records.push(record); record = []; i += 2; continue; }
    if (i >= input.length) break;
    throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(input[i])}`);
  }
  if (record.length) records.push(record);
  return records;
}

/** The cells as an export meant them: bare fields as numbers (or null when empty), quoted ones as text. */
export function csvValues(input: string): Array<Array<string | number | null>> {
  return parseCsv(input).map((record) => record.map((f) => (f.quoted ? f.text : f.text === '' ? null : Number(f.text))));
}
