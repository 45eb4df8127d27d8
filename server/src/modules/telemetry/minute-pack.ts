/**
 * The packed minute roll-up (docs/iot.md, "Minute packs"): the minute buckets of one device, metric and hour in one
 * byte string. Layout, version 1:
 *
 *   byte 0        the version, 1
 *   per minute    present minutes only, ascending:
 *     1 byte        bits 0–5 the minute of the hour (0–59); bit 6 set when the bucket holds more than one reading
 *     one reading:  value
 *     several:      n (unsigned LEB128 varint), sum, min, max
 *
 * A number is a varint `u`: odd → eight bytes of IEEE 754 double (little-endian) follow; else `u / 2` is
 * `2 · zigzag(k) + s`, the value being k when s = 0 and k / 1000 when s = 1 (|k| ≤ 2^49): whole values and values of
 * at most three decimals, which is what sensors send, take one to three bytes (a level of 17 cm: two). Every value
 * decodes to the very double that was encoded.
 */
export interface MinuteBucket {
  /** minute of the hour, 0–59 */
  minute: number;
  n: number;
  sum: number;
  min: number;
  max: number;
}

const VERSION = 1;
const HOUR = 3_600_000;

/** The ISO instant of the start of the UTC hour holding `t` (ms). */
export const hourOf = (t: number): string => new Date(t - (t % HOUR)).toISOString();

const MULTI = 0x40;
const SCALED_LIMIT = 2 ** 49;

/** An hour's minute buckets by minute of the hour (index 0–59; absent minutes are holes). */
export type HourMinutes = (MinuteBucket | undefined)[];

/** Adds a reading's value to the bucket of its minute. */
export function addValue(buckets: HourMinutes, minute: number, value: number): void {
  const b = buckets[minute];
  if (!b) buckets[minute] = { minute, n: 1, sum: value, min: value, max: value };
  else {
    b.n++;
    b.sum += value;
    if (value < b.min) b.min = value;
    if (value > b.max) b.max = value;
  }
}

/** Adds bucket `x` into its minute: counts and sums add, the extremes are kept (the arithmetic of the hour roll-up). */
export function addBucket(buckets: HourMinutes, x: MinuteBucket): void {
  const b = buckets[x.minute];
  if (!b) buckets[x.minute] = { ...x };
  else {
    b.n += x.n;
    b.sum += x.sum;
    if (x.min < b.min) b.min = x.min;
    if (x.max > b.max) b.max = x.max;
  }
}

/** Several packs of one hour merged into its buckets, ascending by minute. */
export function mergePacks(packs: Iterable<Uint8Array>): MinuteBucket[] {
  const buckets: HourMinutes = [];
  for (const p of packs) for (const b of decodePack(p)) addBucket(buckets, b);
  return buckets.filter((b) => b !== undefined);
}

/** zigzag of an integer up to 2^49 in magnitude, with arithmetic (bit operators stop at 32 bits) */
const zigzag = (k: number) => (k >= 0 ? 2 * k : -2 * k - 1);

/**
 * One growing scratch buffer for every pack: encoding is synchronous, so packs never interleave, and each pack is
 * copied out at the end (no zero-filled allocation per pack).
 */
class Writer {
  private buf = Buffer.allocUnsafe(1024);
  length = 0;
  private room(n: number) {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
  byte(b: number) {
    this.room(1);
    this.buf[this.length++] = b;
  }
  /** unsigned LEB128 of a non-negative integer up to 2^53, with arithmetic (bit operators stop at 32 bits) */
  varint(u: number) {
    while (u >= 128) {
      this.byte((u % 128) + 128);
      u = Math.floor(u / 128);
    }
    this.byte(u);
  }
  number(v: number) {
    if (Number.isInteger(v) && Math.abs(v) <= SCALED_LIMIT) {
      this.varint(zigzag(v) * 4);
      return;
    }
    const k = Math.round(v * 1000);
    if (Math.abs(k) <= SCALED_LIMIT && k / 1000 === v) this.varint((zigzag(k) * 2 + 1) * 2);
    else {
      this.varint(1);
      this.room(8);
      this.buf.writeDoubleLE(v, this.length);
      this.length += 8;
    }
  }
  bucket(b: MinuteBucket) {
    if (!Number.isInteger(b.minute) || b.minute < 0 || b.minute > 59) throw new RangeError(`minute ${b.minute}`);
    if (b.n === 1) {
      this.byte(b.minute);
      this.number(b.sum);
    } else {
      this.byte(b.minute | MULTI);
      this.varint(b.n);
      this.number(b.sum);
      this.number(b.min);
      this.number(b.max);
    }
  }
  done(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.length));
    this.length = 0;
    return out;
  }
}

const writer = new Writer();

/** The buckets (any order, one per minute) as a pack. */
export function encodePack(buckets: Iterable<MinuteBucket>): Buffer {
  writer.length = 0;
  writer.byte(VERSION);
  for (const b of [...buckets].sort((x, y) => x.minute - y.minute)) writer.bucket(b);
  return writer.done();
}

/**
 * The hour's buckets held by minute (index = minute of the hour, holes for absent minutes), as the consumer's
 * roll-up and the compaction collect them, as a pack: already in minute order, so nothing to copy or sort.
 */
export function encodeMinutes(minutes: Readonly<HourMinutes>): Buffer {
  writer.length = 0;
  writer.byte(VERSION);
  for (let m = 0; m < 60; m++) {
    const b = minutes[m];
    if (b) writer.bucket(b);
  }
  return writer.done();
}

/** Reads one pack; a class rather than closures made per pack (decoding runs per pack in reads and compaction). */
class Reader {
  i = 1;
  constructor(private readonly buf: Buffer) {}
  get more() {
    return this.i < this.buf.length;
  }
  byte(): number {
    const b = this.buf[this.i++];
    if (b === undefined) throw new Error('minute pack: cut short');
    return b;
  }
  varint(): number {
    let u = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      u += (b & 0x7f) * scale;
      if (b < 128) return u;
      scale *= 128;
    }
  }
  number(): number {
    const u = this.varint();
    if (u % 2 === 1) {
      if (this.i + 8 > this.buf.length) throw new Error('minute pack: cut short');
      const v = this.buf.readDoubleLE(this.i);
      this.i += 8;
      return v;
    }
    const s = (u / 2) % 2;
    const z = (u / 2 - s) / 2;
    const k = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    return s === 1 ? k / 1000 : k;
  }
}

export function decodePack(pack: Uint8Array): MinuteBucket[] {
  const buf = Buffer.from(pack.buffer, pack.byteOffset, pack.byteLength);
  if (buf[0] !== VERSION) throw new Error(`minute pack: unknown version ${buf[0]}`);
  const r = new Reader(buf);
  const out: MinuteBucket[] = [];
  while (r.more) {
    const head = r.byte();
    const minute = head & 0x3f;
    if (head & MULTI) {
      const n = r.varint();
      const sum = r.number();
      const min = r.number();
      const max = r.number();
      out.push({ minute, n, sum, min, max });
    } else {
      const v = r.number();
      out.push({ minute, n: 1, sum: v, min: v, max: v });
    }
  }
  return out;
}
