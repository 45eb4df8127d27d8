import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { canonicalJson, verifySignature, type ChainKeys } from './chain-keys.ts';

/**
 * Signed checkpoints in a directory outside the database (docs/security.md "Checkpoints"): one file per UTC day,
 * `YYYY-MM-DD.json`, never rewritten once it exists (it is linked into place whole, then made read-only).
 * Each tenant's entry carries its own Ed25519 signature, so one tenant's entry can be exported and checked alone;
 * the file as a whole is signed too, so an entry cannot be dropped unnoticed.
 *
 * Signed messages (canonical JSON: keys sorted, no whitespace):
 *  entry: {"at","format","keyId","tenant": <the entry without its signature>}
 *  file:  the whole file without its top-level signature
 */
export const CHECKPOINT_FORMAT = 'cityloop/checkpoint/v1';

export interface CheckpointEntry {
  tenantId: string;
  [field: string]: unknown;
}

export interface Checkpoint<E extends CheckpointEntry = CheckpointEntry> {
  format: string;
  at: string;
  keyId: string;
  publicKey: string;
  tenants: (E & { signature: string })[];
  signature: string;
}

export interface CheckpointRead<E extends CheckpointEntry = CheckpointEntry> {
  /** file name, e.g. 2024-03-12.json */
  name: string;
  checkpoint: Checkpoint<E> | null;
  /** why the file cannot be trusted (null: signatures hold under a key of the ring) */
  problem: string | null;
}

const NAME = /^\d{4}-\d{2}-\d{2}\.json$/;

export function entryMessage(head: { format: string; at: string; keyId: string }, entry: CheckpointEntry): string {
  const { signature: _ignored, ...unsigned } = entry as CheckpointEntry & { signature?: unknown };
  return canonicalJson({ format: head.format, at: head.at, keyId: head.keyId, tenant: unsigned });
}

function fileMessage(c: Omit<Checkpoint, 'signature'> & { signature?: unknown }): string {
  const { signature: _ignored, ...unsigned } = c;
  return canonicalJson(unsigned);
}

export class CheckpointStore {
  constructor(
    readonly dir: string,
    private readonly keys: ChainKeys,
  ) {}

  static fileName(at: Date): string {
    return `${at.toISOString().slice(0, 10)}.json`;
  }

  has(at: Date): boolean {
    return existsSync(join(this.dir, CheckpointStore.fileName(at)));
  }

  /** Writes the day's checkpoint; null when that day already has one (files are never replaced). */
  write<E extends CheckpointEntry>(
    at: Date,
    entries: readonly E[],
  ): { name: string; checkpoint: Checkpoint<E> } | null {
    const key = this.keys.current;
    const head = { format: CHECKPOINT_FORMAT, at: at.toISOString(), keyId: key.id };
    const tenants = entries.map((e) => ({ ...e, signature: key.sign(entryMessage(head, e)) }));
    const unsigned = { ...head, publicKey: key.publicKey, tenants };
    const checkpoint: Checkpoint<E> = { ...unsigned, signature: key.sign(fileMessage(unsigned)) };
    const name = CheckpointStore.fileName(at);
    mkdirSync(this.dir, { recursive: true });
    const temp = join(this.dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}`);
    const fd = openSync(temp, 'wx', 0o444);
    try {
      writeSync(fd, JSON.stringify(checkpoint, null, 2) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temp, join(this.dir, name));
      return { name, checkpoint };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return null;
      throw err;
    } finally {
      unlinkSync(temp);
    }
  }

  /** Every checkpoint file, oldest first, each checked against the key ring. */
  readAll<E extends CheckpointEntry = CheckpointEntry>(): CheckpointRead<E>[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((n) => NAME.test(n))
      .sort()
      .map((name) => this.read<E>(name));
  }

  read<E extends CheckpointEntry = CheckpointEntry>(name: string): CheckpointRead<E> {
    let parsed: Checkpoint<E>;
    try {
      parsed = JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as Checkpoint<E>;
    } catch (err) {
      return { name, checkpoint: null, problem: `unreadable: ${(err as Error).message}` };
    }
    return { name, checkpoint: parsed, problem: this.problemOf(parsed) };
  }

  private problemOf(c: Checkpoint): string | null {
    if (
      !c ||
      typeof c !== 'object' ||
      c.format !== CHECKPOINT_FORMAT ||
      typeof c.at !== 'string' ||
      !Array.isArray(c.tenants)
    )
      return 'not a checkpoint of a known format';
    const key = typeof c.keyId === 'string' ? this.keys.byId(c.keyId) : undefined;
    // The public key in the file is only informative: signatures are checked against the key derived from our secret.
    if (!key) return `signed with key ${String(c.keyId)}, which is not among this installation's audit keys`;
    if (typeof c.signature !== 'string' || !verifySignature(key.publicKey, fileMessage(c), c.signature))
      return 'the file signature does not hold (the file was changed)';
    for (const t of c.tenants) {
      if (
        !t ||
        typeof t.tenantId !== 'string' ||
        typeof t.signature !== 'string' ||
        !verifySignature(key.publicKey, entryMessage(c, t), t.signature)
      ) {
        return `the signature of tenant ${String(t?.tenantId)}'s entry does not hold (the entry was changed)`;
      }
    }
    return null;
  }
}
