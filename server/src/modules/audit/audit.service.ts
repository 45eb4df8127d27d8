import type { CheckpointExport, TenantCheckpoint } from '../../../../common/contracts/audit.ts';
import type { AuditEntry, AuditQuery } from '../../../../common/contracts/org.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { maskPersonalText } from '../../../../common/domain/privacy.ts';
import { pageWindow } from '../../../../common/domain/paging.ts';
import type { ChainKeys } from '../../platform/chain-keys.ts';
import type { CheckpointStore } from '../../platform/checkpoint-store.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { ChainWalker, CURRENT_HASH_VERSION, GENESIS, keyedHash } from '../../platform/hash-chain.ts';
import { auditFormat, type AuditChainRow } from './audit-chain.ts';
import * as repo from './audit.repository.ts';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = /password|hash|secret|token/i;

/** The list masks phone and ID numbers inside before/after (as every list does); the stored, hash-chained row keeps them. */
function masked(json: string | null): unknown {
  if (!json) return null;
  return JSON.parse(json, (_k, v: unknown) => (typeof v === 'string' ? maskPersonalText(v) : v));
}

/** What a stored snapshot names its object by, so that the log reads 环卫所 rather than a UUID. */
export function nameInSnapshot(...snapshots: unknown[]): string | null {
  for (const s of snapshots) {
    if (!s || typeof s !== 'object') continue;
    const row = s as Record<string, unknown>;
    for (const key of ['name', 'displayName', 'username', 'title', 'code']) {
      const v = row[key];
      if (typeof v === 'string' && v.trim()) return maskPersonalText(v);
    }
  }
  return null;
}

/** Never write secrets into the audit trail, even hashed. */
function scrub(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (k, v: unknown) => (SECRET_KEYS.test(k) ? '[redacted]' : v));
}

export interface AuditTamperDeps {
  /** keys of the hash chain (platform/chain-keys.ts) */
  keys: ChainKeys;
  /** where the daily signed checkpoints are written (resilience/audit-checkpoint.ts) */
  checkpoints: CheckpointStore;
}

export function createAuditService(database: Database, clock: Clock, tamper: AuditTamperDeps) {
  const { db, dialect } = database;
  const service = {
    /** Appends one row in the caller's transaction: the change and its audit row commit or fail together. */
    async record(
      tx: Executor,
      actor: Pick<Actor, 'userId' | 'displayName' | 'tenantId' | 'requestId'> | null,
      tenantId: string,
      rec: AuditRecord,
    ) {
      const last = await repo.lastLink(tx, dialect, tenantId);
      const row: AuditChainRow = {
        id: newId(),
        tenant_id: tenantId,
        seq: Number(last?.seq ?? 0) + 1,
        at: clock.now().toISOString(),
        actor_id: actor?.userId ?? null,
        actor_name: actor?.displayName ?? null,
        action: rec.action,
        entity: rec.entity,
        entity_id: rec.entityId,
        before_json: scrub(rec.before),
        after_json: scrub(rec.after),
        request_id: actor?.requestId ?? null,
        prev_hash: last?.hash ?? GENESIS,
        hash_version: CURRENT_HASH_VERSION,
      };
      await repo.insertEntry(tx, { ...row, hash: keyedHash(auditFormat, row, tamper.keys.current) });
    },

    async list(actor: Actor, query: AuditQuery): Promise<Page<AuditEntry>> {
      requirePermission(actor, 'audit.read');
      const page = query.page ?? 1;
      const { limit, offset } = pageWindow(page, query.pageSize);
      // Instants compare as text in the stored ISO form; a `from`/`to` in another offset is brought to it first.
      const iso = (v: string | undefined) => (v ? new Date(v).toISOString() : undefined);
      const filter = { ...query, from: iso(query.from), to: iso(query.to) };
      const { rows, total } = await repo.listEntries(db, actor.tenantId, filter, limit, offset);
      return {
        items: rows.map((r) => {
          const before = masked(r.before_json);
          const after = masked(r.after_json);
          return {
            id: r.id,
            at: r.at,
            actorId: r.actor_id,
            actorName: r.actor_name,
            action: r.action,
            entity: r.entity,
            entityId: r.entity_id,
            // A row about the acting user themself (a sign-in, a password change) names them by the actor's name.
            entityName:
              nameInSnapshot(after, before) ??
              (r.entity === 'user' && r.entity_id === r.actor_id ? r.actor_name : null),
            before,
            after,
            requestId: r.request_id,
          };
        }),
        total,
        page,
        pageSize: limit,
      };
    },

    /** Walks a tenant's chain; the seq of the first row whose link does not hold, null when intact (checkpoints: resilience/audit-verify.ts). */
    async verifyChain(tenantId: string): Promise<number | null> {
      const walker = new ChainWalker(auditFormat, tamper.keys);
      for (const r of await repo.chainRows(db, tenantId)) if (walker.step(r)) return Number(r.seq);
      return null;
    },

    /** The signed checkpoints with the caller's tenant's entries, for safekeeping or an outside check; the export is itself audited. */
    async exportCheckpoints(actor: Actor): Promise<CheckpointExport> {
      requirePermission(actor, 'audit.export');
      const checkpoints = tamper.checkpoints.readAll<TenantCheckpoint>().map((read) => {
        const c = read.checkpoint;
        const field = (v: unknown) => (typeof v === 'string' ? v : null);
        return {
          file: read.name,
          format: field(c?.format),
          at: field(c?.at),
          keyId: field(c?.keyId),
          publicKey: field(c?.publicKey),
          problem: read.problem,
          tenant: read.problem ? null : (c!.tenants.find((t) => t.tenantId === actor.tenantId) ?? null),
        };
      });
      await db.transaction().execute((tx) =>
        service.record(tx, actor, actor.tenantId, {
          action: 'audit.export_checkpoints',
          entity: 'audit_checkpoint',
          entityId: checkpoints.at(-1)?.file ?? 'none',
          after: { files: checkpoints.length, untrusted: checkpoints.filter((c) => c.problem).length },
        }),
      );
      return { keyId: tamper.keys.current.id, publicKey: tamper.keys.current.publicKey, checkpoints };
    },
  };
  return service;
}
export type AuditService = ReturnType<typeof createAuditService>;
