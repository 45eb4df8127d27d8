import type { AuditEntry, AuditQuery } from '../../../../common/contracts/org.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { maskPersonalText } from '../../../../common/domain/privacy.ts';
import { pageWindow } from '../../../../common/domain/paging.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../auth/actor.ts';
import { GENESIS_HASH, chainHash, firstBrokenLink } from './audit-chain.ts';
import * as repo from './audit.repository.ts';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = /password|hash|secret|token/i;

/** The list masks phone and ID numbers inside before/after (issue 8); the stored, hash-chained row keeps them. */
function masked(json: string | null): unknown {
  if (!json) return null;
  return JSON.parse(json, (_k, v: unknown) => (typeof v === 'string' ? maskPersonalText(v) : v));
}

/** Never write secrets into the audit trail, even hashed. */
function scrub(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (k, v) => (SECRET_KEYS.test(k) ? '[redacted]' : v));
}

export function createAuditService(database: Database, clock: Clock) {
  const { db, dialect } = database;
  return {
    /** Appends one row in the caller's transaction: the change and its audit row commit or fail together. */
    async record(tx: Executor, actor: Pick<Actor, 'userId' | 'displayName' | 'tenantId' | 'requestId'> | null, tenantId: string, rec: AuditRecord) {
      const last = await repo.lastLink(tx, dialect, tenantId);
      const fields = {
        tenantId,
        seq: (last?.seq ?? 0) + 1,
        at: clock.now().toISOString(),
        actorId: actor?.userId ?? null,
        action: rec.action,
        entity: rec.entity,
        entityId: rec.entityId,
        beforeJson: scrub(rec.before),
        afterJson: scrub(rec.after),
        prevHash: last?.hash ?? GENESIS_HASH,
      };
      await repo.insertEntry(tx, {
        id: newId(),
        tenant_id: tenantId,
        seq: fields.seq,
        at: fields.at,
        actor_id: fields.actorId,
        actor_name: actor?.displayName ?? null,
        action: fields.action,
        entity: fields.entity,
        entity_id: fields.entityId,
        before_json: fields.beforeJson,
        after_json: fields.afterJson,
        request_id: actor?.requestId ?? null,
        prev_hash: fields.prevHash,
        hash: chainHash(fields),
      });
    },

    async list(actor: Actor, query: AuditQuery): Promise<Page<AuditEntry>> {
      requirePermission(actor, 'audit.read');
      const page = query.page ?? 1;
      const { limit, offset } = pageWindow(page, query.pageSize);
      const { rows, total } = await repo.listEntries(db, actor.tenantId, { ...query }, limit, offset);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          before: masked(r.before_json),
          after: masked(r.after_json),
          requestId: r.request_id,
        })),
        total,
        page,
        pageSize: limit,
      };
    },

    /** Walks a tenant's chain; null means intact. Used by `npm run audit:verify` and tests. */
    async verifyChain(tenantId: string): Promise<number | null> {
      const rows = await repo.chainRows(db, tenantId);
      return firstBrokenLink(
        rows.map((r) => ({
          tenantId: r.tenant_id, seq: Number(r.seq), at: r.at, actorId: r.actor_id, action: r.action, entity: r.entity,
          entityId: r.entity_id, beforeJson: r.before_json, afterJson: r.after_json, prevHash: r.prev_hash, hash: r.hash,
        })),
      );
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
