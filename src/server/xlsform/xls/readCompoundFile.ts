/**
 * The OLE2 compound file (CFB) container of a legacy .xls: a little file system of sectors
 * chained through a FAT. Written for untrusted input: every chain (DIFAT, FAT, mini FAT,
 * directory, stream) is bounded by the number of sectors and checked for loops, and every
 * read is inside the file, so a damaged or hostile file gives a message, never a hang.
 * [MS-CFB] is the reference.
 */
import { WorkbookProblem } from '../workbookLimits.ts';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
/** Sector numbers from here up are markers (free, end of chain, FAT, DIFAT), never a sector. */
const MAX_SECTOR = 0xfffffffa;
const STREAM = 2;
const ROOT = 5;
const NO_ENTRY = 0xffffffff;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return SIGNATURE.every((byte, i) => bytes[i] === byte);
}

export function damaged(what: string): WorkbookProblem {
  return new WorkbookProblem(`the .xls file is damaged (${what}): open it in your spreadsheet program and save it again as "Excel Workbook (.xlsx)"`);
}

interface DirectoryEntry { name: string; type: number; left: number; right: number; child: number; start: number; size: number }

/** The compound file's streams by name, read lazily: only the streams asked for are assembled. */
export class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private readonly entries: DirectoryEntry[];
  private readonly miniCutoff: number;
  private miniFat: Uint32Array | undefined;
  private miniStream: Uint8Array | undefined;

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length < 512 || !isCompoundFile(bytes)) throw damaged('it does not start like an Office file');
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const major = this.view.getUint16(0x1a, true);
    const shift = this.view.getUint16(0x1e, true);
    if (this.view.getUint16(0x1c, true) !== 0xfffe || !((major === 3 && shift === 9) || (major === 4 && shift === 12)) || this.view.getUint16(0x20, true) !== 6) {
      throw damaged('its header is not valid');
    }
    this.sectorSize = 1 << shift;
    // A last sector cut short still counts: some writers do not pad it.
    this.sectorCount = Math.ceil((bytes.length - this.sectorSize) / this.sectorSize);
    if (this.sectorCount <= 0) throw damaged('it has no sectors');
    this.miniCutoff = this.view.getUint32(0x38, true);
    this.fat = this.readFat();
    this.entries = this.readDirectory();
  }

  private u32(offset: number): number {
    if (offset + 4 > this.bytes.length) throw damaged('it is cut short');
    return this.view.getUint32(offset, true);
  }

  private sector(n: number): Uint8Array {
    if (n >= this.sectorCount) throw damaged('a sector lies beyond the end of the file: it is cut short');
    const start = (n + 1) * this.sectorSize;
    return this.bytes.subarray(start, Math.min(start + this.sectorSize, this.bytes.length));
  }

  private readFat(): Uint32Array {
    const fatSectors = this.u32(0x2c);
    if (fatSectors > this.sectorCount) throw damaged('its allocation table is larger than the file');
    const ids: number[] = [];
    for (let i = 0; i < Math.min(fatSectors, 109); i++) ids.push(this.u32(0x4c + i * 4));
    // Past 109 FAT sectors, the list goes on in a chain of DIFAT sectors.
    let difat = this.u32(0x44);
    const seen = new Set<number>();
    const perSector = this.sectorSize / 4 - 1;
    while (ids.length < fatSectors) {
      if (difat >= MAX_SECTOR || seen.has(difat) || seen.size > this.sectorCount) throw damaged('its list of allocation sectors is broken');
      seen.add(difat);
      const sector = this.sector(difat);
      const view = new DataView(sector.buffer, sector.byteOffset, sector.byteLength);
      for (let i = 0; i < perSector && ids.length < fatSectors && (i + 1) * 4 <= sector.length; i++) ids.push(view.getUint32(i * 4, true));
      difat = sector.length >= this.sectorSize ? view.getUint32(perSector * 4, true) : END_OF_CHAIN;
    }
    const perFat = this.sectorSize / 4;
    const fat = new Uint32Array(ids.length * perFat).fill(FREE);
    ids.forEach((id, i) => {
      if (id >= MAX_SECTOR) throw damaged('its allocation table names a sector that does not exist');
      const sector = this.sector(id);
      const view = new DataView(sector.buffer, sector.byteOffset, sector.byteLength);
      for (let j = 0; j * 4 + 4 <= sector.length; j++) fat[i * perFat + j] = view.getUint32(j * 4, true);
    });
    return fat;
  }

  /** The sectors of a chain in order; a loop, a free sector or a sector past the table ends in a message. */
  private chain(start: number, table: Uint32Array, limit: number, what: string): number[] {
    const out: number[] = [];
    const seen = new Uint8Array(table.length);
    for (let n = start; n !== END_OF_CHAIN;) {
      if (n >= table.length || seen[n]) throw damaged(`the chain of sectors of its ${what} is broken`);
      if (out.length >= limit) throw damaged(`its ${what} is longer than the file`);
      seen[n] = 1;
      out.push(n);
      n = table[n]!;
    }
    return out;
  }

  /** A regular stream's bytes, cut to `size` (the rest of the last sector is padding). */
  private readChain(start: number, size: number, what: string): Uint8Array {
    if (start === END_OF_CHAIN || size === 0) return new Uint8Array(0);
    const sectors = this.chain(start, this.fat, this.sectorCount, what);
    if (sectors.length * this.sectorSize < size) throw damaged(`its ${what} is shorter than it says`);
    const out = new Uint8Array(Math.min(size, sectors.length * this.sectorSize));
    let at = 0;
    for (const n of sectors) {
      if (at >= out.length) break;
      const part = this.sector(n).subarray(0, out.length - at);
      out.set(part, at);
      at += part.length;
    }
    if (at < out.length) throw damaged(`its ${what} is cut short`);
    return out;
  }

  private readDirectory(): DirectoryEntry[] {
    const sectors = this.chain(this.u32(0x30), this.fat, this.sectorCount, 'directory');
    const entries: DirectoryEntry[] = [];
    for (const n of sectors) {
      const sector = this.sector(n);
      const view = new DataView(sector.buffer, sector.byteOffset, sector.byteLength);
      for (let at = 0; at + 128 <= sector.length; at += 128) {
        const nameBytes = Math.min(view.getUint16(at + 0x40, true), 64);
        let name = '';
        for (let i = 0; i + 2 < nameBytes; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
        entries.push({
          name,
          type: view.getUint8(at + 0x42),
          left: view.getUint32(at + 0x44, true),
          right: view.getUint32(at + 0x48, true),
          child: view.getUint32(at + 0x4c, true),
          start: view.getUint32(at + 0x74, true),
          // Version 3 files keep only the low 32 bits; the high ones may hold rubbish.
          size: this.sectorSize === 512 ? view.getUint32(at + 0x78, true) : view.getUint32(at + 0x78, true) + view.getUint32(at + 0x7c, true) * 2 ** 32,
        });
      }
    }
    if (entries[0]?.type !== ROOT) throw damaged('its directory has no root');
    return entries;
  }

  /** The streams directly inside the root storage (not inside embedded objects), by name. */
  rootStreams(): DirectoryEntry[] {
    const found: DirectoryEntry[] = [];
    const seen = new Set<number>();
    const stack = [this.entries[0]!.child];
    while (stack.length) {
      const id = stack.pop()!;
      if (id === NO_ENTRY) continue;
      const entry = this.entries[id];
      if (!entry || seen.has(id)) throw damaged('its directory is broken');
      seen.add(id);
      if (entry.type === STREAM) found.push(entry);
      stack.push(entry.left, entry.right);
    }
    return found;
  }

  /** A stream of the root storage, or undefined when there is none by that name (case-insensitive, as CFB compares). */
  stream(name: string, maxBytes: number): Uint8Array | undefined {
    const wanted = name.toUpperCase();
    const entry = this.rootStreams().find((e) => e.name.toUpperCase() === wanted);
    if (!entry) return undefined;
    if (entry.size > maxBytes) throw damaged(`its ${name} stream says it is larger than the file`);
    if (entry.size >= this.miniCutoff) return this.readChain(entry.start, entry.size, `${name} stream`);
    return this.readMini(entry.start, entry.size, name);
  }

  /** Small streams live in 64-byte mini sectors inside the root entry's own stream. */
  private readMini(start: number, size: number, name: string): Uint8Array {
    if (size === 0) return new Uint8Array(0);
    if (!this.miniFat || !this.miniStream) {
      const root = this.entries[0]!;
      const miniFatBytes = this.readChain(this.u32(0x3c), this.u32(0x40) * this.sectorSize, 'mini allocation table');
      this.miniFat = new Uint32Array(miniFatBytes.length / 4);
      const view = new DataView(miniFatBytes.buffer, miniFatBytes.byteOffset, miniFatBytes.byteLength);
      for (let i = 0; i < this.miniFat.length; i++) this.miniFat[i] = view.getUint32(i * 4, true);
      this.miniStream = this.readChain(root.start, Math.min(root.size, this.sectorCount * this.sectorSize), 'mini stream');
    }
    const sectors = this.chain(start, this.miniFat, Math.ceil(this.miniStream.length / 64) + 1, `${name} stream`);
    const out = new Uint8Array(size);
    let at = 0;
    for (const n of sectors) {
      if (at >= size) break;
      if ((n + 1) * 64 > this.miniStream.length) throw damaged(`its ${name} stream lies outside the mini stream`);
      const part = this.miniStream.subarray(n * 64, n * 64 + Math.min(64, size - at));
      out.set(part, at);
      at += part.length;
    }
    if (at < size) throw damaged(`its ${name} stream is shorter than it says`);
    return out;
  }
}
