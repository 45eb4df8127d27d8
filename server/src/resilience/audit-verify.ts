/**
 * Tamper evidence (issue 8, DESIGN.md §4 "Audit"): walks every tenant's audit chain (audit_log) and every case's
 * timeline chain (case_events) and names the first broken link of each: the table, the row id, the tenant and the
 * case. A row edited in place breaks its own hash; a row deleted from the middle leaves a gap in seq and a
 * prev_hash that no longer matches; rows deleted from the end of a timeline leave the case in a status its last
 * remaining row does not lead to. Used by `npm run audit:verify` and its tests.
 */
import { sql } from 'kysely';
import type { Database } from '../platform/db.ts';
import { GENESIS_HASH, chainHash } from '../modules/audit/audit-chain.ts';
import { CASE_GENESIS, eventHash } from '../modules/cases/case-timeline.ts';

export interface BrokenLink {
  table: 'audit_log' | 'case_events';
  tenantId: string;
  tenantCode: string | null;
  caseId?: string;
  caseNo?: string;
  /** the first row whose link does not hold (null: the rows at the end are missing) */
  rowId: string | null;
  seq: number | null;
  reason: string;
}

export interface VerifyResult {
  tenants: number;
  auditRows: number;
  cases: number;
  eventRows: number;
  broken: BrokenLink[];
}

const BATCH = 5000;

async function verifyAuditLog(database: Database, tenantId: string, tenantCode: string | null, out: BrokenLink[]): Promise<number> {
  let prev = GENESIS_HASH;
  let expected = 1;
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await database.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId).where('seq', '>', after).orderBy('seq').limit(BATCH).execute();
    for (const r of rows) {
      count += 1;
      const seq = Number(r.seq);
      const reason = seq !== expected ? `seq ${seq} follows ${expected - 1}: row ${expected} is missing (deleted?)`
        : r.prev_hash !== prev ? 'prev_hash does not match the previous row (a row before it was changed or removed)'
        : chainHash({
          tenantId: r.tenant_id, seq, at: r.at, actorId: r.actor_id, action: r.action, entity: r.entity, entityId: r.entity_id,
          beforeJson: r.before_json, afterJson: r.after_json, prevHash: r.prev_hash,
        }) !== r.hash ? 'content does not match its hash (the row was edited)' : null;
      if (reason) {
        out.push({ table: 'audit_log', tenantId, tenantCode, rowId: r.id, seq, reason });
        return count;
      }
      prev = r.hash;
      expected += 1;
    }
    if (rows.length < BATCH) return count;
    after = Number(rows[rows.length - 1]!.seq);
  }
}

interface EventRow {
  id: string; tenant_id: string; case_id: string; seq: number; at: string; actor_id: string | null; actor_name: string | null;
  actor_role: string | null; action: string; from_status: string | null; to_status: string | null; note: string | null;
  data_json: string | null; prev_hash: string; hash: string;
}

function firstBadEvent(rows: EventRow[]): { row: EventRow; reason: string } | null {
  let prev = CASE_GENESIS;
  let expected = 1;
  for (const r of rows) {
    const seq = Number(r.seq);
    const input = {
      tenantId: r.tenant_id, caseId: r.case_id, at: r.at, actorId: r.actor_id, actorName: r.actor_name, actorRole: r.actor_role,
      action: r.action, fromStatus: r.from_status, toStatus: r.to_status, note: r.note, data: null,
    };
    if (seq !== expected) return { row: r, reason: `seq ${seq} follows ${expected - 1}: row ${expected} is missing (deleted?)` };
    if (r.prev_hash !== prev) return { row: r, reason: 'prev_hash does not match the previous row (a row before it was changed or removed)' };
    if (eventHash(seq, input, r.data_json, r.prev_hash) !== r.hash) return { row: r, reason: 'content does not match its hash (the row was edited)' };
    prev = r.hash;
    expected += 1;
  }
  return null;
}

async function verifyTimelines(database: Database, tenantId: string, tenantCode: string | null, out: BrokenLink[]) {
  const { db } = database;
  let cases = 0;
  let events = 0;
  let afterId = '';
  for (;;) {
    const batch = await db.selectFrom('cases').select(['id', 'case_no', 'status']).where('tenant_id', '=', tenantId).where('id', '>', afterId).orderBy('id').limit(500).execute();
    if (!batch.length) break;
    const ids = batch.map((c) => c.id);
    const rows = (await db.selectFrom('case_events').selectAll().where('case_id', 'in', ids).orderBy('case_id').orderBy('seq').execute()) as EventRow[];
    const byCase = new Map<string, EventRow[]>();
    for (const r of rows) (byCase.get(r.case_id) ?? byCase.set(r.case_id, []).get(r.case_id)!).push(r);
    for (const c of batch) {
      cases += 1;
      const timeline = byCase.get(c.id) ?? [];
      events += timeline.length;
      const bad = firstBadEvent(timeline);
      const base = { table: 'case_events' as const, tenantId, tenantCode, caseId: c.id, caseNo: c.case_no };
      if (bad) out.push({ ...base, rowId: bad.row.id, seq: Number(bad.row.seq), reason: bad.reason });
      else if (!timeline.length) out.push({ ...base, rowId: null, seq: 1, reason: 'the case has no timeline rows (deleted?)' });
      else {
        const lastStatus = [...timeline].reverse().find((e) => e.to_status !== null)?.to_status;
        if (lastStatus && lastStatus !== c.status) {
          out.push({ ...base, rowId: null, seq: timeline.length + 1, reason: `the timeline ends in "${lastStatus}" but the case is "${c.status}" (rows at the end deleted?)` });
        }
      }
    }
    afterId = batch[batch.length - 1]!.id;
  }
  return { cases, events };
}

/** Every tenant's audit chain and every case timeline; `broken` lists the first broken link of each chain. */
export async function verifyAll(database: Database): Promise<VerifyResult> {
  const tenants = await database.db.selectFrom('tenants').select(['id', 'code']).orderBy('code').execute();
  // Rows of a tenant that no longer exists still belong to a chain that must be checked.
  const orphan = await sql<{ tenant_id: string }>`select distinct tenant_id from audit_log where tenant_id not in (select id from tenants)`.execute(database.db);
  const all = [...tenants.map((t) => ({ id: t.id, code: t.code as string | null })), ...orphan.rows.map((r) => ({ id: r.tenant_id, code: null }))];
  const result: VerifyResult = { tenants: all.length, auditRows: 0, cases: 0, eventRows: 0, broken: [] };
  for (const t of all) {
    result.auditRows += await verifyAuditLog(database, t.id, t.code, result.broken);
    const tl = await verifyTimelines(database, t.id, t.code, result.broken);
    result.cases += tl.cases;
    result.eventRows += tl.events;
  }
  return result;
}

export function describeBroken(b: BrokenLink): string {
  const where = b.table === 'case_events' ? `case ${b.caseNo} (${b.caseId})` : 'audit chain';
  return `${b.table}: tenant ${b.tenantCode ?? b.tenantId}, ${where}, first broken link at seq ${b.seq ?? '?'}${b.rowId ? `, row id ${b.rowId}` : ''}: ${b.reason}`;
}
