/**
 * Tamper evidence (docs/conventions.md, "Audit"; docs/security.md, "Tamper evidence"): walks every tenant's audit chain (audit_log) and every
 * case's timeline chain (case_events) and names the first broken link of each: the table, the row id, the tenant
 * and the case. A row edited in place, or rehashed without the key, fails its keyed hash; a row deleted from the
 * middle leaves a gap in seq; an unkeyed (version-1) row after keyed ones is a downgrade. Against the signed
 * checkpoints (resilience/audit-checkpoint.ts) it also finds rows deleted from the end of a chain, changes to the
 * legacy rows, and keyed timeline rows that disappeared. Used by `npm run audit:verify` and its tests.
 */
import { sql } from 'kysely';
import type { Database } from '../platform/db.ts';
import type { ChainKeys } from '../platform/chain-keys.ts';
import type { CheckpointStore } from '../platform/checkpoint-store.ts';
import { ChainWalker, LegacySeal } from '../platform/hash-chain.ts';
import { auditFormat } from '../modules/audit/audit-chain.ts';
import type { TenantCheckpoint } from './audit-checkpoint.ts';
import type { Anchor, BrokenLink } from './audit-findings.ts';
import { verifyTimelines } from './audit-verify-timelines.ts';

export type { Anchor, BrokenLink } from './audit-findings.ts';

export interface VerifyResult {
  tenants: number;
  auditRows: number;
  cases: number;
  eventRows: number;
  checkpoints: { dir: string | null; files: number; trusted: number; latest: string | null };
  /** what this run could not check, and why (not failures) */
  notes: string[];
  broken: BrokenLink[];
}

export interface VerifyOptions {
  keys: ChainKeys;
  /** null: check the chains alone (rows deleted from the end of a chain then go unnoticed) */
  checkpoints: CheckpointStore | null;
}

const BATCH = 5000;

async function verifyAuditLog(
  database: Database,
  keys: ChainKeys,
  tenantId: string,
  tenantCode: string | null,
  anchors: readonly Anchor[],
  out: BrokenLink[],
): Promise<number> {
  const first = anchors[0];
  const seal = new LegacySeal();
  const walker = new ChainWalker(auditFormat, keys, {
    seal,
    legacyUntil: first ? { seq: first.entry.audit.legacy.rows, source: first.file } : null,
  });
  const pins = new Map(anchors.filter((a) => a.entry.audit.headSeq > 0).map((a) => [a.entry.audit.headSeq, a]));
  const base = { table: 'audit_log' as const, tenantId, tenantCode };
  let pinFinding: BrokenLink | null = null;
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      count += 1;
      const reason = walker.step(r);
      if (reason) {
        out.push({ ...base, rowId: r.id, seq: Number(r.seq), reason });
        return count;
      }
      const pin = pins.get(Number(r.seq));
      if (pin && !pinFinding && (pin.entry.audit.headId !== r.id || pin.entry.audit.headHash !== r.hash)) {
        pinFinding = {
          ...base,
          rowId: r.id,
          seq: Number(r.seq),
          checkpoint: pin.file,
          reason: `this is not the row checkpoint ${pin.file} recorded as the chain's head (row id ${pin.entry.audit.headId})`,
        };
      }
    }
    if (rows.length < BATCH) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  const furthest = [...pins.values()].sort((a, b) => b.entry.audit.headSeq - a.entry.audit.headSeq)[0];
  if (!pinFinding && furthest && walker.length < furthest.entry.audit.headSeq) {
    const head = furthest.entry.audit;
    pinFinding = {
      ...base,
      rowId: null,
      seq: walker.length + 1,
      checkpoint: furthest.file,
      reason: `checkpoint ${furthest.file} recorded the chain up to seq ${head.headSeq} (row id ${head.headId}); it now ends at seq ${walker.length}: the newest rows were deleted`,
    };
  }
  if (
    !pinFinding &&
    first &&
    (seal.rows !== first.entry.audit.legacy.rows || seal.digest() !== first.entry.audit.legacy.digest)
  ) {
    pinFinding = {
      ...base,
      rowId: null,
      seq: null,
      checkpoint: first.file,
      reason: `the ${first.entry.audit.legacy.rows} legacy (version-1) rows sealed by checkpoint ${first.file} have changed (${seal.rows} version-1 rows now)`,
    };
  }
  if (pinFinding) out.push(pinFinding);
  return count;
}

/** Trusted checkpoint entries per tenant; untrusted files become findings of their own. */
function loadAnchors(store: CheckpointStore | null, result: VerifyResult): Map<string, Anchor[]> {
  const anchors = new Map<string, Anchor[]>();
  if (!store) {
    result.notes.push(
      'no checkpoint directory given: rows deleted from the end of a chain, and chains rewritten from scratch, cannot be detected',
    );
    return anchors;
  }
  const reads = store.readAll<TenantCheckpoint>();
  result.checkpoints.files = reads.length;
  for (const read of reads) {
    if (read.problem) {
      result.broken.push({
        table: 'checkpoint',
        tenantId: null,
        tenantCode: null,
        rowId: null,
        seq: null,
        checkpoint: read.name,
        reason: read.problem,
      });
      continue;
    }
    result.checkpoints.trusted += 1;
    result.checkpoints.latest = read.name;
    for (const entry of read.checkpoint!.tenants)
      (anchors.get(entry.tenantId) ?? anchors.set(entry.tenantId, []).get(entry.tenantId)!).push({
        file: read.name,
        entry,
      });
  }
  if (!result.checkpoints.trusted) {
    result.notes.push(
      `no trusted checkpoint in ${store.dir}: rows deleted from the end of a chain, and chains rewritten from scratch, cannot be detected`,
    );
  }
  return anchors;
}

/** Every tenant's audit chain and every case timeline; `broken` lists the first broken link of each chain. */
export async function verifyAll(database: Database, options: VerifyOptions): Promise<VerifyResult> {
  const result: VerifyResult = {
    tenants: 0,
    auditRows: 0,
    cases: 0,
    eventRows: 0,
    checkpoints: { dir: options.checkpoints?.dir ?? null, files: 0, trusted: 0, latest: null },
    notes: [],
    broken: [],
  };
  const anchors = loadAnchors(options.checkpoints, result);
  const tenants = await database.db.selectFrom('tenants').select(['id', 'code']).orderBy('code').execute();
  // Rows of a tenant that no longer exists still belong to a chain that must be checked.
  const orphan = await sql<{
    tenant_id: string;
  }>`select distinct tenant_id from audit_log where tenant_id not in (select id from tenants)`.execute(database.db);
  const all = [
    ...tenants.map((t) => ({ id: t.id, code: t.code })),
    ...orphan.rows.map((r) => ({ id: r.tenant_id, code: null })),
  ];
  result.tenants = all.length;
  for (const t of all) {
    const mine = anchors.get(t.id) ?? [];
    anchors.delete(t.id);
    if (!mine.length && result.checkpoints.trusted)
      result.notes.push(`tenant ${t.code ?? t.id} is in no checkpoint yet`);
    result.auditRows += await verifyAuditLog(database, options.keys, t.id, t.code, mine, result.broken);
    const tl = await verifyTimelines(database, options.keys, t.id, t.code, mine, result.broken);
    result.cases += tl.cases;
    result.eventRows += tl.events;
  }
  for (const [tenantId, gone] of anchors) {
    const last = gone[gone.length - 1]!;
    result.broken.push({
      table: 'checkpoint',
      tenantId,
      tenantCode: last.entry.tenantCode,
      rowId: null,
      seq: null,
      checkpoint: last.file,
      reason: 'a tenant recorded by this checkpoint is missing from the database',
    });
  }
  return result;
}

export function describeBroken(b: BrokenLink): string {
  if (b.table === 'checkpoint')
    return `checkpoint ${b.checkpoint}${b.tenantId ? `, tenant ${b.tenantCode ?? b.tenantId}` : ''}: ${b.reason}`;
  const where =
    b.table === 'case_events' ? (b.caseId ? `case ${b.caseNo} (${b.caseId})` : 'case timelines') : 'audit chain';
  const at = b.seq !== null ? `, first broken link at seq ${b.seq}` : '';
  return `${b.table}: tenant ${b.tenantCode ?? b.tenantId}, ${where}${at}${b.rowId ? `, row id ${b.rowId}` : ''}: ${b.reason}`;
}
