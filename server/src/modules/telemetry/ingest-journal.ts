import {
  closeSync,
  fdatasyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/** One received MQTT message as the journal keeps it. */
export interface JournalRecord {
  topic: string;
  payload: Buffer;
  /** when the consumer received it (ms since the epoch): the reference of the `stale` check, also on replay */
  receivedAt: number;
}

/** Where a record ends: its segment and the offset after it. */
export interface JournalMark {
  segment: number;
  end: number;
}

/** Record layout: u32 length of the rest · f64 receivedAt · u16 topic bytes · topic · payload. */
const HEAD = 4;
const FIXED = 8 + 2;
/** A message larger than this is not one an MQTT broker hands to us (Mosquitto's default limit is far below). */
const MAX_RECORD = 64 * 1024 * 1024;

/**
 * The ingest journal (docs/iot.md, "Topics"): append-only segment files per consumer (client id) under DATA_DIR,
 * written synchronously before the message's PUBACK, and a checkpoint file with the segment and offset up to which
 * the records are stored in the database. A process crash loses nothing that was acknowledged: the records past the
 * checkpoint are replayed on the next start. With `fsync` each append is also flushed to the disk (power loss), at a
 * large cost. A segment is closed once it holds `segmentBytes` and deleted once the checkpoint has passed it.
 */
export class IngestJournal {
  private fd: number;
  private segment: number;
  private size = 0;
  private readonly ckFd: number;
  private committed: JournalMark | null = null;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly opts: { fsync: boolean; segmentBytes: number },
  ) {
    mkdirSync(dir, { recursive: true });
    const ck = join(dir, `${name}.checkpoint`);
    closeSync(openSync(ck, 'a'));
    // opened for positional writes: the 16 bytes are rewritten in place, in one call
    this.ckFd = openSync(ck, 'r+');
    const segments = this.segments();
    this.segment = (segments.at(-1) ?? 0) + 1;
    this.fd = openSync(this.file(this.segment), 'a');
  }

  private file(segment: number): string {
    return join(this.dir, `${this.name}.${String(segment).padStart(10, '0')}.journal`);
  }

  private segments(): number[] {
    const re = new RegExp(`^${this.name.replace(/[.]/g, '\\.')}\\.(\\d{10})\\.journal$`);
    return readdirSync(this.dir)
      .flatMap((f) => {
        const m = re.exec(f);
        return m ? [Number(m[1])] : [];
      })
      .sort((a, b) => a - b);
  }

  private checkpoint(): JournalMark {
    const buf = Buffer.alloc(16);
    const n = readSync(this.ckFd, buf, 0, 16, 0);
    return n === 16
      ? { segment: Number(buf.readBigUInt64LE(0)), end: Number(buf.readBigUInt64LE(8)) }
      : { segment: 0, end: 0 };
  }

  /**
   * The records past the checkpoint, in order (read once, at start, before any append). A record cut short at the end
   * of a segment (the process died while writing it, before its PUBACK) is skipped: the broker delivers it again.
   */
  pending(): { record: JournalRecord; mark: JournalMark }[] {
    const ck = this.checkpoint();
    const out: { record: JournalRecord; mark: JournalMark }[] = [];
    for (const segment of this.segments()) {
      if (segment < ck.segment || segment === this.segment) continue;
      const buf = readFileSync(this.file(segment));
      let at = segment === ck.segment ? Math.min(ck.end, buf.length) : 0;
      while (at + HEAD <= buf.length) {
        const len = buf.readUInt32LE(at);
        if (len < FIXED || len > MAX_RECORD || at + HEAD + len > buf.length) break;
        const topicLen = buf.readUInt16LE(at + HEAD + 8);
        if (FIXED + topicLen > len) break;
        const start = at + HEAD + FIXED;
        out.push({
          record: {
            receivedAt: buf.readDoubleLE(at + HEAD),
            topic: buf.toString('utf8', start, start + topicLen),
            payload: Buffer.from(buf.subarray(start + topicLen, at + HEAD + len)),
          },
          mark: { segment, end: at + HEAD + len },
        });
        at += HEAD + len;
      }
    }
    return out;
  }

  /** Appends one record in one write call (a crash leaves it whole or cut short, never interleaved). */
  append(r: JournalRecord): JournalMark {
    if (this.size >= this.opts.segmentBytes) {
      closeSync(this.fd);
      this.segment++;
      this.fd = openSync(this.file(this.segment), 'a');
      this.size = 0;
    }
    const topic = Buffer.from(r.topic, 'utf8');
    const len = FIXED + topic.length + r.payload.length;
    const buf = Buffer.allocUnsafe(HEAD + len);
    buf.writeUInt32LE(len, 0);
    buf.writeDoubleLE(r.receivedAt, HEAD);
    buf.writeUInt16LE(topic.length, HEAD + 8);
    topic.copy(buf, HEAD + FIXED);
    r.payload.copy(buf, HEAD + FIXED + topic.length);
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done);
    if (this.opts.fsync) fdatasyncSync(this.fd);
    this.size += buf.length;
    return { segment: this.segment, end: this.size };
  }

  /** Everything up to `mark` is stored: the checkpoint moves there and the segments before it are deleted. */
  commit(mark: JournalMark): void {
    const older = this.committed === null || this.committed.segment < mark.segment;
    this.committed = mark;
    const buf = Buffer.alloc(16);
    buf.writeBigUInt64LE(BigInt(mark.segment), 0);
    buf.writeBigUInt64LE(BigInt(mark.end), 8);
    writeSync(this.ckFd, buf, 0, 16, 0);
    if (this.opts.fsync) fdatasyncSync(this.ckFd);
    if (older) for (const s of this.segments()) if (s < mark.segment) rmSync(this.file(s), { force: true });
  }

  /** Nothing is pending any more: the current segment is emptied rather than left to grow to its limit. */
  reset(): void {
    if (this.size > 0) {
      ftruncateSync(this.fd, 0);
      this.size = 0;
    } else if (this.committed?.segment === this.segment && this.committed.end === 0) return;
    this.commit({ segment: this.segment, end: 0 });
  }

  close(): void {
    closeSync(this.fd);
    closeSync(this.ckFd);
  }
}
