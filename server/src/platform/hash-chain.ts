import { createHash } from 'node:crypto';
import { sameHex, type ChainKey, type ChainKeys } from './chain-keys.ts';

/**
 * Hash chains with a format version per row (docs/security.md "Tamper evidence"). Each row stores the previous
 * row's hash and its own; `hash_version` says how `hash` was made:
 *  1  legacy: unkeyed SHA-256 over some of the columns (rows written before the keyed format existed);
 *  2  HMAC-SHA-256 under a key kept outside the database, over the canonical form of every column but `hash`.
 * New rows are always version 2. Version-1 rows verify under their old formula, but only at the start of a
 * chain: a version-1 row after a version-2 row can only be a rewrite by someone without the key.
 */
export const GENESIS = '0'.repeat(64);
export const CURRENT_HASH_VERSION = 2;

export interface LinkedRow {
  id: string;
  seq: number;
  prev_hash: string;
  hash: string;
  hash_version: number;
}

export interface ChainFormat<R> {
  /** version 1: the unkeyed SHA-256 formula the table used before keyed hashes */
  legacyHash(row: R): string;
  /** canonical form (platform/chain-keys.ts canonicalRow) of every column except `hash`, in the table's fixed order */
  message(row: R): string;
}

/** The hash a new row gets: version 2 under the current key. */
export function keyedHash<R>(format: ChainFormat<R>, row: R, key: ChainKey): string {
  return key.hmac(format.message(row));
}

/**
 * Digest of a chain's version-1 rows in chain order: SHA-256 over each row's canonical form (all columns, so
 * also those the legacy formula left out) followed by a newline. A checkpoint stores it with the row count; no
 * version-1 row is ever written after the upgrade, so any later difference is a change to the legacy rows.
 */
export class LegacySeal {
  rows = 0;
  private readonly sha = createHash('sha256');

  add(message: string): void {
    this.rows += 1;
    this.sha.update(message, 'utf8').update('\n');
  }

  digest(): string {
    return this.sha.copy().digest('hex');
  }
}

export interface WalkOptions {
  /** version-1 rows are allowed only up to this seq (the legacy rows sealed by a checkpoint) */
  legacyUntil?: { seq: number; source: string } | null;
  /** receives the canonical form of each version-1 row (to compare with a checkpoint's seal) */
  seal?: LegacySeal;
}

/** Walks one chain row by row in seq order; `step` names why a row's link does not hold, or returns null. */
export class ChainWalker<F> {
  private prev = GENESIS;
  private expected = 1;
  /** keys must be used in ring order along a chain: a row never verifies under a key older than its predecessor's */
  private keyIndex = 0;
  private keyed = false;

  constructor(
    private readonly format: ChainFormat<F>,
    private readonly keys: ChainKeys,
    private readonly options: WalkOptions = {},
  ) {}

  /** seq of the last row that held */
  get length(): number {
    return this.expected - 1;
  }

  step(row: F & LinkedRow): string | null {
    const seq = Number(row.seq);
    const version = Number(row.hash_version);
    if (seq !== this.expected)
      return `seq ${seq} follows ${this.expected - 1}: row ${this.expected} is missing (deleted?)`;
    if (row.prev_hash !== this.prev)
      return 'prev_hash does not match the previous row (a row before it was changed or removed)';
    if (version === 1) {
      if (this.keyed) return 'an unkeyed version-1 row after keyed rows (rewritten without the key?)';
      const until = this.options.legacyUntil;
      if (until && seq > until.seq)
        return `an unkeyed version-1 row after the ${until.seq} legacy rows sealed by checkpoint ${until.source} (rewritten without the key?)`;
      if (this.format.legacyHash(row) !== row.hash) return 'content does not match its hash (the row was edited)';
      this.options.seal?.add(this.format.message(row));
    } else if (version === 2) {
      const message = this.format.message(row);
      const ring = this.keys.ring;
      let found = -1;
      for (let i = this.keyIndex; i < ring.length && found < 0; i++)
        if (sameHex(ring[i]!.hmac(message), row.hash)) found = i;
      if (found < 0) return 'content does not match its keyed hash (the row was edited, or rehashed without the key)';
      this.keyIndex = found;
      this.keyed = true;
    } else return `unknown hash format version ${String(row.hash_version)}`;
    this.prev = row.hash;
    this.expected += 1;
    return null;
  }
}
