/**
 * Daily signed checkpoints of the hash chains (docs/security.md "Checkpoints"). A chain alone cannot show that
 * its newest rows were deleted, nor that a chain was rehashed from scratch by someone who could write every row;
 * a record of each chain's head kept outside the database can. Per tenant a checkpoint holds:
 *  - audit: row count, the head row's seq, id and hash, and the seal of the legacy (version-1) rows;
 *  - timelines: how many keyed (version-2) case-event rows are dated up to `cutoff`, and the seal of the legacy
 *    rows. Rows are never deleted by the app, so fewer such rows later means rows were removed.
 * The legacy seal is computed once (the first checkpoint after the upgrade) and copied forward from the latest
 * valid checkpoint afterwards: no version-1 row is ever written again, so it must never change.
 */
import type { Database } from '../platform/db.ts';
import type { ChainKeys } from '../platform/chain-keys.ts';
import { CheckpointStore } from '../platform/checkpoint-store.ts';
import { GENESIS, LegacySeal } from '../platform/hash-chain.ts';
import type { Job } from '../platform/scheduler.ts';
import { auditFormat } from '../modules/audit/audit-chain.ts';
import { timelineFormat } from '../modules/cases/case-timeline.ts';

export interface SealFigures {
  rows: number;
  digest: string;
}

export interface TenantCheckpoint {
  tenantId: string;
  tenantCode: string;
  audit: { rows: number; headSeq: number; headId: string | null; headHash: string; legacy: SealFigures };
  timelines: { cutoff: string; keyedRows: number; legacy: SealFigures };
  [field: string]: unknown;
}

/** Timeline rows dated within this margin before a checkpoint are left to the next one (their transaction may still be open). */
export const CUTOFF_MARGIN_MS = 5 * 60_000;
const BATCH = 5000;

async function auditLegacySeal(database: Database, tenantId: string): Promise<SealFigures> {
  const seal = new LegacySeal();
  let after = 0;
  for (;;) {
    const rows = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('hash_version', '=', 1)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const r of rows) seal.add(auditFormat.message(r));
    if (rows.length < BATCH) return { rows: seal.rows, digest: seal.digest() };
    after = Number(rows[rows.length - 1]!.seq);
  }
}

async function timelineLegacySeal(database: Database, tenantId: string): Promise<SealFigures> {
  const seal = new LegacySeal();
  let after = { caseId: '', seq: 0 };
  for (;;) {
    const rows = await database.db
      .selectFrom('case_events')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('hash_version', '=', 1)
      .where((eb) =>
        eb.or([
          eb('case_id', '>', after.caseId),
          eb.and([eb('case_id', '=', after.caseId), eb('seq', '>', after.seq)]),
        ]),
      )
      .orderBy('case_id')
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const r of rows) seal.add(timelineFormat.message(r));
    if (rows.length < BATCH) return { rows: seal.rows, digest: seal.digest() };
    const last = rows[rows.length - 1]!;
    after = { caseId: last.case_id, seq: Number(last.seq) };
  }
}

/** Builds and writes the day's checkpoint; null when the day has one already. Throws (after writing) if a chain no longer holds the head recorded before. */
export async function writeCheckpoint(database: Database, store: CheckpointStore, now: Date): Promise<string | null> {
  if (store.has(now)) return null;
  const { db } = database;
  const previous = new Map<string, TenantCheckpoint>();
  for (const read of store.readAll<TenantCheckpoint>()) {
    if (!read.problem) for (const t of read.checkpoint!.tenants) previous.set(t.tenantId, t);
  }
  const cutoff = new Date(now.getTime() - CUTOFF_MARGIN_MS).toISOString();
  const tenants = await db.selectFrom('tenants').select(['id', 'code']).orderBy('code').execute();
  const entries: TenantCheckpoint[] = [];
  const alarms: string[] = [];
  for (const t of tenants) {
    const before = previous.get(t.id);
    const head = await db
      .selectFrom('audit_log')
      .select(['id', 'seq', 'hash'])
      .where('tenant_id', '=', t.id)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const count = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', t.id)
      .executeTakeFirstOrThrow();
    const keyed = await db
      .selectFrom('case_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', t.id)
      .where('hash_version', '>=', 2)
      .where('at', '<=', cutoff)
      .executeTakeFirstOrThrow();
    if (before && before.audit.headSeq > 0) {
      const kept = await db
        .selectFrom('audit_log')
        .select('hash')
        .where('tenant_id', '=', t.id)
        .where('seq', '=', before.audit.headSeq)
        .executeTakeFirst();
      if (kept?.hash !== before.audit.headHash)
        alarms.push(
          `tenant ${t.code}: the audit chain no longer holds the head (seq ${before.audit.headSeq}) of an earlier checkpoint`,
        );
    }
    entries.push({
      tenantId: t.id,
      tenantCode: t.code,
      audit: {
        rows: Number(count.n),
        headSeq: head ? Number(head.seq) : 0,
        headId: head?.id ?? null,
        headHash: head?.hash ?? GENESIS,
        legacy: before?.audit.legacy ?? (await auditLegacySeal(database, t.id)),
      },
      timelines: {
        cutoff,
        keyedRows: Number(keyed.n),
        legacy: before?.timelines.legacy ?? (await timelineLegacySeal(database, t.id)),
      },
    });
  }
  const written = store.write(now, entries);
  if (alarms.length)
    throw new Error(
      `audit checkpoint ${written?.name ?? '(not written)'}: ${alarms.join('; ')} — run npm run audit:verify`,
    );
  return written?.name ?? null;
}

/** The scheduler job (main.ts): tries every hour, writes once per UTC day; the lease keeps N instances to one writer. */
export function checkpointJob(database: Database, keys: ChainKeys, dir: string): Job {
  const store = new CheckpointStore(dir, keys);
  return { name: 'audit.checkpoint', everyMs: 3_600_000, run: (now) => writeCheckpoint(database, store, now) };
}
