/**
 * Reading BIFF8 Unicode strings that may run on across CONTINUE records ([MS-XLS] 2.5.293,
 * 2.5.294): where a string's characters cross into the next record, that record starts
 * with a fresh flags byte saying whether the rest are one or two bytes a character.
 */
import { damaged } from './readCompoundFile.ts';

/** A reader over the payloads of one record and its CONTINUE records, as if they were one. */
export class SegmentReader {
  private segment = 0;
  private at = 0;

  constructor(private readonly segments: Uint8Array[], start = 0) {
    this.at = start;
  }

  /** Bytes left in the current segment. */
  private left(): number {
    return (this.segments[this.segment]?.length ?? 0) - this.at;
  }

  /** True when every segment has been read. */
  done(): boolean {
    while (this.segment < this.segments.length && this.left() <= 0) this.nextSegment();
    return this.segment >= this.segments.length;
  }

  private nextSegment(): void {
    this.segment++;
    this.at = 0;
  }

  u8(): number {
    if (this.done()) throw damaged('a text record is cut short');
    return this.segments[this.segment]![this.at++]!;
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() + this.u16() * 0x10000) >>> 0;
  }

  skip(count: number): void {
    let rest = count;
    while (rest > 0) {
      if (this.done()) throw damaged('a text record is cut short');
      const step = Math.min(rest, this.left());
      this.at += step;
      rest -= step;
    }
  }

  /** `count` characters, one or two bytes each, switching at a segment boundary as its flags byte says. */
  chars(count: number, highByte: boolean): string {
    const codes: number[] = [];
    let wide = highByte;
    let out = '';
    for (let i = 0; i < count; i++) {
      if (this.left() <= 0) {
        this.nextSegment();
        if (this.segment >= this.segments.length) throw damaged('a text record is cut short');
        wide = (this.u8() & 0x01) === 1;
      }
      codes.push(wide ? this.u16() : this.u8());
      if (codes.length === 4096) {
        out += String.fromCharCode(...codes);
        codes.length = 0;
      }
    }
    return out + String.fromCharCode(...codes);
  }

  /** XLUnicodeRichExtendedString (the SST's and STRING's form): count, flags, optional rich runs and phonetic block. */
  richString(countBytes: 1 | 2 = 2): string {
    const count = countBytes === 2 ? this.u16() : this.u8();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const extra = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 0x01) === 1);
    this.skip(runs * 4);
    this.skip(extra);
    return text;
  }
}
