/**
 * Test-only: a minimal OLE2 compound file ([MS-CFB]) holding the given streams in the root
 * storage, version 3 (512-byte sectors) or 4 (4096-byte sectors). Streams under 4096 bytes
 * go into the mini stream, as real writers put them.
 */
const END = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;

export function makeCompoundFile(streams: Array<{ name: string; data: Uint8Array }>, version: 3 | 4 = 3): Uint8Array {
  const size = version === 3 ? 512 : 4096;
  const sectorsOf = (bytes: number, unit: number) => Math.ceil(bytes / unit);
  const small = streams.filter((s) => s.data.length < 4096);
  const large = streams.filter((s) => s.data.length >= 4096);
  // The mini stream: each small stream in 64-byte mini sectors, one after another.
  const miniStarts = new Map<string, number>();
  const miniChain: number[] = [];
  let miniSectors = 0;
  for (const s of small) {
    const n = sectorsOf(s.data.length, 64);
    miniStarts.set(s.name, n ? miniSectors : END);
    for (let i = 0; i < n; i++) miniChain[miniSectors + i] = i === n - 1 ? END : miniSectors + i + 1;
    miniSectors += n;
  }
  const miniStream = new Uint8Array(miniSectors * 64);
  for (const s of small) if (miniStarts.get(s.name) !== END) miniStream.set(s.data, miniStarts.get(s.name)! * 64);
  const miniFat = new Uint8Array(sectorsOf(miniSectors * 4, size) * size).fill(0xff);
  miniChain.forEach((next, i) => new DataView(miniFat.buffer).setUint32(i * 4, next, true));

  const directory = new Uint8Array(sectorsOf((streams.length + 1) * 128, size) * size);
  // Parts in sector order after the FAT: directory, mini FAT, mini stream, then each large stream.
  const parts = [directory, miniFat, miniStream, ...large.map((s) => s.data)];
  const counts = parts.map((p) => sectorsOf(p.length, size));
  const dataSectors = counts.reduce((a, b) => a + b, 0);
  let fatSectors = 1;
  while (fatSectors * (size / 4) < dataSectors + fatSectors) fatSectors++;
  const fat = new Uint32Array(fatSectors * (size / 4)).fill(FREE);
  for (let i = 0; i < fatSectors; i++) fat[i] = FAT_SECTOR;
  const starts: number[] = [];
  let at = fatSectors;
  for (const n of counts) {
    starts.push(n ? at : END);
    for (let i = 0; i < n; i++) fat[at + i] = i === n - 1 ? END : at + i + 1;
    at += n;
  }

  const entry = (index: number, name: string, type: number, start: number, length: number, child: number, right: number) => {
    const view = new DataView(directory.buffer, index * 128, 128);
    for (let i = 0; i < name.length; i++) view.setUint16(i * 2, name.charCodeAt(i), true);
    view.setUint16(0x40, (name.length + 1) * 2, true);
    view.setUint8(0x42, type);
    view.setUint8(0x43, 1);
    view.setUint32(0x44, FREE, true);
    view.setUint32(0x48, right, true);
    view.setUint32(0x4c, child, true);
    view.setUint32(0x74, start, true);
    view.setUint32(0x78, length, true);
  };
  entry(0, 'Root Entry', 5, starts[2]!, miniStream.length, streams.length ? 1 : FREE, FREE);
  streams.forEach((s, i) => {
    const start = s.data.length < 4096 ? miniStarts.get(s.name)! : starts[3 + large.indexOf(s)]!;
    entry(i + 1, s.name, 2, start, s.data.length, FREE, i + 2 <= streams.length ? i + 2 : FREE);
  });

  const out = new Uint8Array(size + (fatSectors + dataSectors) * size);
  const header = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => header.setUint8(i, b));
  header.setUint16(0x18, 0x3e, true);
  header.setUint16(0x1a, version, true);
  header.setUint16(0x1c, 0xfffe, true);
  header.setUint16(0x1e, version === 3 ? 9 : 12, true);
  header.setUint16(0x20, 6, true);
  header.setUint32(0x28, version === 3 ? 0 : counts[0]!, true);
  header.setUint32(0x2c, fatSectors, true);
  header.setUint32(0x30, starts[0]!, true);
  header.setUint32(0x38, 4096, true);
  header.setUint32(0x3c, starts[1]!, true);
  header.setUint32(0x40, counts[1]!, true);
  header.setUint32(0x44, END, true);
  header.setUint32(0x48, 0, true);
  for (let i = 0; i < 109; i++) header.setUint32(0x4c + i * 4, i < fatSectors ? i : FREE, true);
  const sectorAt = (n: number) => size + n * size;
  new Uint8Array(fat.buffer).forEach((b, i) => { out[sectorAt(0) + i] = b; });
  let sector = fatSectors;
  parts.forEach((part, i) => {
    out.set(part, sectorAt(sector));
    sector += counts[i]!;
  });
  return out;
}
