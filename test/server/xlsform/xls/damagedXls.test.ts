import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../../src/server/xlsform/readWorkbook.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/xlsforms');
const XLS = ['pyxform__tutorial.xls', 'pyxform__widgets.xls', 'pyxform__repeat_date_test.xls'];
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const u32 = (bytes: Uint8Array, at: number, value: number) => new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, value, true);
const readU32 = (bytes: Uint8Array, at: number) => new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true);

describe('a damaged .xls gives a message, never a throw or a hang', { timeout: 30_000 }, () => {
  it('cut short at 60 places in each fixture', () => {
    for (const name of XLS) {
      const bytes = fixture(name);
      for (let i = 1; i <= 60; i++) {
        const cut = Math.floor((bytes.length * i) / 61);
        const read = readWorkbook(bytes.subarray(0, cut), name);
        if (!read.ok) expect(read.message).toMatch(/\S/);
      }
      // Shorter than the header: damaged, in plain words.
      expect(readWorkbook(bytes.subarray(0, 300), name)).toEqual({ ok: false, reason: 'broken', message: 'the .xls file is damaged (it does not start like an Office file): open it in your spreadsheet program and save it again as "Excel Workbook (.xlsx)"' });
    }
  });

  it('200 random byte flips in each fixture, one to eight bytes at a time', () => {
    const next = random(9);
    let refused = 0;
    let read = 0;
    const messages = new Map<string, number>();
    const started = Date.now();
    for (const name of XLS) {
      const original = fixture(name);
      for (let trial = 0; trial < 200; trial++) {
        const bytes = original.slice();
        const flips = 1 + Math.floor(next() * 8);
        // Half the trials hit the first 4 KB (header, FAT, directory), where damage matters most.
        for (let f = 0; f < flips; f++) {
          const at = Math.floor(next() * (trial % 2 ? bytes.length : Math.min(bytes.length, 4096)));
          bytes[at] = bytes[at]! ^ (1 + Math.floor(next() * 255));
        }
        const outcome = readWorkbook(bytes, name);
        if (outcome.ok) read++;
        else {
          refused++;
          expect(['broken', 'unsupported']).toContain(outcome.reason);
          messages.set(outcome.message.slice(0, 70), (messages.get(outcome.message.slice(0, 70)) ?? 0) + 1);
          expect(outcome.message.length).toBeGreaterThan(10);
          expect(outcome.message).not.toMatch(/^the file cannot be read/);
        }
      }
    }
    if (process.env.SHOW_FLIPS) console.log(read, refused, messages);
    expect(read + refused).toBe(600);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a FAT chain that loops back on itself', () => {
    const bytes = fixture('pyxform__widgets.xls');
    // The directory's first sector points to itself in the FAT.
    const firstFatSector = readU32(bytes, 0x4c);
    const directory = readU32(bytes, 0x30);
    u32(bytes, (firstFatSector + 1) * 512 + directory * 4, directory);
    expect(readWorkbook(bytes, 'x.xls')).toMatchObject({ ok: false, message: expect.stringContaining('the chain of sectors of its directory is broken') });
  });

  it('a DIFAT chain that loops, and a FAT larger than the file', () => {
    const looped = fixture('pyxform__widgets.xls');
    u32(looped, 0x2c, 200); // more FAT sectors than the header holds, so the DIFAT chain is followed
    u32(looped, 0x44, 0);
    const sector0 = 512;
    u32(looped, sector0 + 127 * 4, 0); // DIFAT sector 0 says the next is itself
    expect(readWorkbook(looped, 'x.xls')).toMatchObject({ ok: false, message: expect.stringMatching(/damaged/) });
    const huge = fixture('pyxform__widgets.xls');
    u32(huge, 0x2c, 0x7fffffff);
    expect(readWorkbook(huge, 'x.xls')).toMatchObject({ ok: false, message: expect.stringContaining('its allocation table is larger than the file') });
  });

  it('an Office file that is no workbook, and a stream size larger than the file', () => {
    const bytes = fixture('pyxform__tutorial.xls');
    // Rename the "Workbook" directory entry (UTF-16 at the start of an entry) to "Workboom".
    const at = Buffer.from(bytes).indexOf(Buffer.from('Workbook', 'utf16le'));
    bytes[at + 14] = 'm'.charCodeAt(0);
    expect(readWorkbook(bytes, 'x.xls')).toMatchObject({ ok: false, message: expect.stringMatching(/^this is an Office file but not an Excel workbook/) });
    const big = fixture('pyxform__tutorial.xls');
    const entry = Buffer.from(big).indexOf(Buffer.from('Workbook', 'utf16le'));
    u32(big, entry + 0x78, 0x7ffffff0);
    expect(readWorkbook(big, 'x.xls')).toMatchObject({ ok: false, message: expect.stringContaining('says it is larger than the file') });
  });
});
