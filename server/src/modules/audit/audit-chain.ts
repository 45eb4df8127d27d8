import { createHash } from 'node:crypto';

/**
 * Administrative changes are hash-chained per tenant (DESIGN.md §4 "Audit"): each row's hash covers its own
 * content and the previous row's hash, so editing or deleting a row breaks every later link.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  tenantId: string;
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  beforeJson: string | null;
  afterJson: string | null;
  prevHash: string;
}

export function chainHash(f: ChainedFields): string {
  const canonical = JSON.stringify([
    f.tenantId, f.seq, f.at, f.actorId, f.action, f.entity, f.entityId, f.beforeJson, f.afterJson, f.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Returns the seq of the first row whose link does not hold, or null when the chain is intact. */
export function firstBrokenLink(rows: readonly (ChainedFields & { hash: string })[]): number | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    if (row.seq !== expectedSeq || row.prevHash !== prev || chainHash(row) !== row.hash) return row.seq;
    prev = row.hash;
    expectedSeq += 1;
  }
  return null;
}
