import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../src/server/xlsform/readWorkbook.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/xlsforms', name)));

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

describe('a damaged .xlsx gives a message, never a throw or a hang', { timeout: 30_000 }, () => {
  it('200 random byte flips in a real form, and cuts at 40 places', () => {
    const original = fixture('pyxform__or_other.xlsx');
    const next = random(4);
    let refused = 0;
    for (let trial = 0; trial < 200; trial++) {
      const bytes = original.slice();
      for (let f = 0; f < 1 + Math.floor(next() * 8); f++) {
        const at = Math.floor(next() * bytes.length);
        bytes[at] = bytes[at]! ^ (1 + Math.floor(next() * 255));
      }
      const read = readWorkbook(bytes, 'x.xlsx');
      if (!read.ok) {
        refused++;
        expect(read.message).not.toMatch(/^the file cannot be read/);
      }
    }
    expect(refused).toBeGreaterThan(0);
    for (let i = 1; i <= 40; i++) {
      const read = readWorkbook(original.subarray(0, Math.floor((original.length * i) / 41)), 'x.xlsx');
      expect(read.ok).toBe(false);
    }
  });

  // With [^>] in the row pattern, 50,000 of these took 5.5 s (each try scanned to the end); a million, hours.
  it('reads a hostile sheet of a million unclosed row tags quickly', () => {
    const files = {
      'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="survey" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${'<row'.repeat(1_000_000)}`),
    };
    const started = Date.now();
    const read = readWorkbook(zipSync(files), 'x.xlsx');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(read).toEqual({ ok: true, kind: 'xlsx', workbook: { sheets: [{ name: 'survey', rows: [] }] } });
  });
});
