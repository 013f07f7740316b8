/** Test-only: hand-made BIFF8 records ([MS-XLS]), to reach cases the fixture files do not hold. */
export function record(type: number, ...parts: Array<number[] | Uint8Array>): Uint8Array {
  const data = parts.flatMap((p) => [...p]);
  return new Uint8Array([type & 0xff, type >> 8, data.length & 0xff, data.length >> 8, ...data]);
}
export const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
export const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
export const f64 = (n: number) => { const b = new Uint8Array(8); new DataView(b.buffer).setFloat64(0, n, true); return [...b]; };
export const latin = (text: string) => [...text].map((c) => c.charCodeAt(0));
export const wide = (text: string) => [...text].flatMap((c) => u16(c.charCodeAt(0)));
/** XLUnicodeString: 2-byte count, flags, characters (one byte each when they fit). */
export const xlString = (text: string) => (/^[\u0000-\u00ff]*$/.test(text) ? [...u16(text.length), 0, ...latin(text)] : [...u16(text.length), 1, ...wide(text)]);
export const bof = (kind: number) => record(0x0809, u16(0x0600), u16(kind), u16(0), u16(0), u32(0), u32(0));
export const eof = () => record(0x000a);

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** A workbook stream: globals (with BOUNDSHEETs pointing at the sheets that follow) and the sheets. */
export function workbook(globals: Uint8Array[], sheets: Array<{ name: string; records: Uint8Array[]; kind?: number }>): Uint8Array {
  const boundSize = (name: string) => 4 + 8 + name.length;
  let offset = bof(5).length + globals.reduce((n, r) => n + r.length, 0) + sheets.reduce((n, s) => n + boundSize(s.name), 0) + eof().length;
  const bounds: Uint8Array[] = [];
  const bodies: Uint8Array[] = [];
  for (const sheet of sheets) {
    bounds.push(record(0x0085, u32(offset), [0, 0, sheet.name.length, 0], latin(sheet.name)));
    const body = concat([bof(sheet.kind ?? 0x10), ...sheet.records, eof()]);
    bodies.push(body);
    offset += body.length;
  }
  return concat([bof(5), ...globals, ...bounds, eof(), ...bodies]);
}

