/**
 * Zip archives received from outside (an .xlsx is one), inspected before any parser sees them. The layout and
 * field offsets are those of the PKWARE APPNOTE (docs/security.md "Parsing"): the End Of Central Directory record
 * at the end of the file points at the central directory, which lists every entry with its method, flags, CRC,
 * compressed and unpacked sizes and the offset of its local header; the entry's data follows that header.
 *
 * What the parser later reads is never the uploaded file itself but `rebuiltZip`: only the entries asked for, each
 * inflated once here with a running count (so a header that understates an entry's size is caught while counting,
 * not after gigabytes), laid out again with plain local headers. A parser that walks local headers one after
 * another (as streaming unzippers do) therefore sees exactly the bytes that were measured: no hidden entries, no
 * overlapping data, no data descriptors to search for.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_UTF8 = 0x0800;

/** The file is not a zip we read: truncated, multi-disk, zip64, encrypted, an unknown method, overlapping entries. */
export class ZipUnreadable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipUnreadable';
  }
}

/** Entries would unpack to more than the limit (declared in the directory, or found while inflating). */
export class ZipTooLarge extends Error {
  constructor(
    readonly unpackedBytes: number,
    readonly limitBytes: number,
  ) {
    super(`zip unpacks to more than ${limitBytes} bytes`);
    this.name = 'ZipTooLarge';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  /** as the central directory declares it (checked against the real size when the entry is inflated) */
  unpackedSize: number;
  /** where the compressed data starts in the file */
  dataStart: number;
}

export interface ZipLimits {
  /** sum of the declared unpacked sizes of all entries, and of the real sizes of the entries inflated */
  maxUnpackedBytes: number;
  maxEntries: number;
}

function eocdOffset(buf: Buffer): number {
  const lowest = Math.max(0, buf.length - EOCD_SIZE - MAX_COMMENT);
  for (let i = buf.length - EOCD_SIZE; i >= lowest; i -= 1) {
    // The comment length must reach exactly to the end, so a signature inside a comment is not taken for the record.
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE && i + EOCD_SIZE + buf.readUInt16LE(i + 20) === buf.length) return i;
  }
  throw new ZipUnreadable('no end of central directory record (not a zip file, or truncated)');
}

/**
 * The entries of the central directory, after checking what can be checked without inflating anything: structure,
 * method, encryption, entry count, that the data of every entry lies before the directory and that no two entries
 * share bytes, and that the declared unpacked sizes stay within the limit.
 */
export function readZipDirectory(buf: Buffer, limits: ZipLimits): ZipEntry[] {
  if (buf.length < EOCD_SIZE) throw new ZipUnreadable('too short for a zip file');
  const end = eocdOffset(buf);
  const count = buf.readUInt16LE(end + 10);
  const dirSize = buf.readUInt32LE(end + 12);
  const dirStart = buf.readUInt32LE(end + 16);
  if (buf.readUInt16LE(end + 4) !== 0 || buf.readUInt16LE(end + 6) !== 0 || buf.readUInt16LE(end + 8) !== count)
    throw new ZipUnreadable('multi-disk zip files are not read');
  if (count === 0xffff || dirSize === 0xffffffff || dirStart === 0xffffffff)
    throw new ZipUnreadable('zip64 archives are not read');
  if (dirStart + dirSize > end) throw new ZipUnreadable('the central directory lies outside the file');
  if (count > limits.maxEntries) throw new ZipUnreadable(`more than ${limits.maxEntries} entries`);

  const entries: (ZipEntry & { localStart: number })[] = [];
  let declared = 0;
  let p = dirStart;
  for (let k = 0; k < count; k += 1) {
    if (p + CENTRAL_SIZE > dirStart + dirSize || buf.readUInt32LE(p) !== CENTRAL_SIGNATURE)
      throw new ZipUnreadable('broken central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const unpackedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const next = p + CENTRAL_SIZE + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (next > dirStart + dirSize) throw new ZipUnreadable('broken central directory');
    const name = buf.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1', p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLength);
    if (flags & FLAG_ENCRYPTED) throw new ZipUnreadable(`${name}: encrypted entries are not read`);
    if (method !== STORED && method !== DEFLATED)
      throw new ZipUnreadable(`${name}: compression method ${method} is not read`);
    if (compressedSize === 0xffffffff || unpackedSize === 0xffffffff)
      throw new ZipUnreadable('zip64 archives are not read');
    if (method === STORED && compressedSize !== unpackedSize)
      throw new ZipUnreadable(`${name}: stored entry with two sizes`);
    declared += unpackedSize;
    if (declared > limits.maxUnpackedBytes) throw new ZipTooLarge(declared, limits.maxUnpackedBytes);
    const localStart = buf.readUInt32LE(p + 42);
    if (localStart + LOCAL_SIZE > dirStart || buf.readUInt32LE(localStart) !== LOCAL_SIGNATURE)
      throw new ZipUnreadable(`${name}: no local header where the directory points`);
    const dataStart = localStart + LOCAL_SIZE + buf.readUInt16LE(localStart + 26) + buf.readUInt16LE(localStart + 28);
    if (dataStart + compressedSize > dirStart) throw new ZipUnreadable(`${name}: data runs past the central directory`);
    entries.push({ name, method, crc: buf.readUInt32LE(p + 16), compressedSize, unpackedSize, dataStart, localStart });
    p = next;
  }
  // Entries sharing bytes is how "overlapping" bombs multiply a small file into gigabytes.
  const byPosition = [...entries].sort((a, b) => a.localStart - b.localStart);
  for (let i = 1; i < byPosition.length; i += 1) {
    const before = byPosition[i - 1] as ZipEntry & { localStart: number };
    if ((byPosition[i] as { localStart: number }).localStart < before.dataStart + before.compressedSize)
      throw new ZipUnreadable('entries overlap');
  }
  return entries.map(({ localStart: _, ...e }) => e);
}

/**
 * The entry's bytes, inflated on zlib's worker threads in chunks (the event loop stays free), stopping as soon as
 * more than `maxBytes` come out. `keep` caps how much is returned, while counting goes on to the end (0 just
 * measures); with `headOnly` inflating stops once `keep` bytes are there (size is then what was inflated so far).
 */
export async function inflateEntry(
  buf: Buffer,
  entry: ZipEntry,
  options: { maxBytes: number; keep?: number; headOnly?: boolean },
): Promise<{ size: number; head: Buffer }> {
  const { maxBytes, keep = Infinity, headOnly = false } = options;
  const data = buf.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === STORED) {
    const size = headOnly ? Math.min(data.length, keep) : data.length;
    if (size > maxBytes) throw new ZipTooLarge(size, maxBytes);
    return { size, head: data.subarray(0, Math.min(data.length, keep)) };
  }
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    const kept: Buffer[] = [];
    let size = 0;
    let keptBytes = 0;
    let settled = false;
    const finish = (err: Error | null) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      if (err) reject(err);
      else resolve({ size, head: Buffer.concat(kept) });
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish(new ZipTooLarge(size, maxBytes));
      if (keptBytes < keep) {
        const part = chunk.subarray(0, Math.min(chunk.length, keep - keptBytes));
        kept.push(part);
        keptBytes += part.length;
      }
      if (headOnly && keptBytes >= keep) finish(null);
    });
    inflate.on('error', () => finish(new ZipUnreadable(`${entry.name}: corrupt compressed data`)));
    inflate.on('end', () => finish(null));
    inflate.end(data);
  });
}

export interface RebuiltEntry {
  /** the name the entry gets in the rebuilt archive */
  name: string;
  /** an entry of the uploaded file (already measured), or bytes of our own, stored uncompressed */
  from: { entry: ZipEntry; unpackedSize: number } | { bytes: Buffer };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as zip uses it (zlib.crc32 is missing from the older Node 20 releases we support). */
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function localHeader(name: Buffer, method: number, crc: number, compressed: number, unpacked: number): Buffer {
  const h = Buffer.alloc(LOCAL_SIZE);
  h.writeUInt32LE(LOCAL_SIGNATURE, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(FLAG_UTF8, 6);
  h.writeUInt16LE(method, 8);
  h.writeUInt16LE(0x21, 12); // 1980-01-01: entry times carry no meaning here
  h.writeUInt32LE(crc, 14);
  h.writeUInt32LE(compressed, 18);
  h.writeUInt32LE(unpacked, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function centralHeader(
  name: Buffer,
  method: number,
  crc: number,
  compressed: number,
  unpacked: number,
  localStart: number,
): Buffer {
  const h = Buffer.alloc(CENTRAL_SIZE);
  h.writeUInt32LE(CENTRAL_SIGNATURE, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(FLAG_UTF8, 8);
  h.writeUInt16LE(method, 10);
  h.writeUInt16LE(0x21, 14);
  h.writeUInt32LE(crc, 16);
  h.writeUInt32LE(compressed, 20);
  h.writeUInt32LE(unpacked, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(localStart, 42);
  return Buffer.concat([h, name]);
}

/**
 * A new archive holding `entries` in the order given, every local header carrying its sizes (no data descriptors),
 * then a central directory. The compressed data of uploaded entries is reused as it is, not copied.
 */
export function rebuiltZip(buf: Buffer, entries: readonly RebuiltEntry[]): Readable {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const [method, crc, data, unpacked] =
      'bytes' in e.from
        ? [STORED, crc32(e.from.bytes), e.from.bytes, e.from.bytes.length]
        : [
            e.from.entry.method,
            e.from.entry.crc,
            buf.subarray(e.from.entry.dataStart, e.from.entry.dataStart + e.from.entry.compressedSize),
            e.from.unpackedSize,
          ];
    const header = localHeader(name, method, crc, data.length, unpacked);
    central.push(centralHeader(name, method, crc, data.length, unpacked, offset));
    parts.push(header, data);
    offset += header.length + data.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = Buffer.alloc(EOCD_SIZE);
  eocd.writeUInt32LE(EOCD_SIGNATURE, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(dirSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return Readable.from([...parts, ...central, eocd], { objectMode: false });
}
