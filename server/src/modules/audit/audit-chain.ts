import { createHash } from 'node:crypto';
import type { AuditLogTable } from '../../db/schema.ts';
import { canonicalRow } from '../../platform/chain-keys.ts';
import type { ChainFormat } from '../../platform/hash-chain.ts';

/**
 * Administrative changes are hash-chained per tenant (docs/conventions.md, "Audit"): each row's hash covers its own
 * content and the previous row's hash, so editing or deleting a row breaks every later link. The formats are in
 * platform/hash-chain.ts and written down in docs/security.md.
 */

/** Version 2 covers these columns, in this order: every column of audit_log except `hash`. */
export const AUDIT_V2_COLUMNS = [
  'id',
  'tenant_id',
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'action',
  'entity',
  'entity_id',
  'before_json',
  'after_json',
  'request_id',
  'prev_hash',
  'hash_version',
] as const satisfies readonly (keyof AuditLogTable)[];

export type AuditChainRow = Omit<AuditLogTable, 'hash'>;

export const auditFormat: ChainFormat<AuditChainRow> = {
  // Version 1 left out id, actor_name and request_id: a row could be given another actor's name unnoticed.
  legacyHash: (r) =>
    createHash('sha256')
      .update(
        JSON.stringify([
          r.tenant_id,
          Number(r.seq),
          r.at,
          r.actor_id,
          r.action,
          r.entity,
          r.entity_id,
          r.before_json,
          r.after_json,
          r.prev_hash,
        ]),
      )
      .digest('hex'),
  message: (r) =>
    canonicalRow(
      'cityloop/audit_log/v2',
      AUDIT_V2_COLUMNS.map((c) => (c === 'seq' || c === 'hash_version' ? Number(r[c]) : r[c])),
    ),
};
